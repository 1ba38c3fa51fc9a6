using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Persistence.Tests.Journal.Events;

/// <summary>
/// Payloads exactly as the engine journaled them before the catalogue (anonymous objects, camelCase, nulls written),
/// with the event each must read back as. Every kind of the catalogue has at least one, so a stored journal of any age
/// reads back typed.
/// </summary>
internal static class LegacyPayloads
{
    public static IEnumerable<(string Kind, string Json, JournalEvent Expected)> All()
    {
        yield return ("drain.started", """{"holder":"engine-a"}""", new DrainStarted("engine-a"));
        yield return ("drain.resumed_by", """{"holder":"engine-b","state":"cancelling"}""", new DrainResumed("engine-b", DrainState.Cancelling));
        yield return ("drain.succeeded", """{"reason":"every VM left the nodes","uncordoned":false}""",
            new DrainSucceeded("every VM left the nodes", false));
        yield return ("drain.failed", """{"reason":"stuck","uncordoned":true}""", new DrainFailed("stuck", true));
        yield return ("drain.cancelled", """{"reason":"cancelled by an operator","uncordoned":true}""",
            new DrainCancelled("cancelled by an operator", true));
        yield return ("database.reconnected", """{"outageSeconds":12.5,"lease":"retaken","epoch":4,"reason":"connection refused"}""",
            new DatabaseReconnected(12.5, LeaseConfirmation.Retaken, 4, "connection refused"));
        yield return ("step.completed", """{"step":"cordon"}""", new StepCompleted("cordon"));
        yield return ("node.locked", """{"node":"w1"}""", new NodeLocked("w1"));
        yield return ("node.cordon.intended", """{"node":"w1","wasUnschedulable":false}""", new NodeCordonIntended("w1", false));
        yield return ("node.uncordon.intended", """{"node":"w1"}""", new NodeUncordonIntended("w1"));
        yield return ("node.gone", """{"node":"w1"}""", new NodeGone("w1"));
        yield return ("node.lease_lost", """{"node":"w1","holder":"other-tool"}""", new NodeLeaseLost("w1", "other-tool"));
        yield return ("plan.created", """{"waves":2,"items":5,"blockers":0,"predictedMakespanSeconds":120.5,"warnings":["bad hint; assuming 10 Gbit/s"]}""",
            new PlanCreated(2, 5, 0, 120.5, ["bad hint; assuming 10 Gbit/s"]));
        yield return ("plan.item",
            """{"uid":"u1","namespace":"ns","name":"vm","node":"w1","disposition":"Skip","wave":0,"reason":"NotLiveMigratable","detail":null,"predictedSeconds":0,"predictedMode":"PreCopy"}""",
            new PlanItem("u1", "ns", "vm", "w1", "Skip", 0, "NotLiveMigratable", null, 0, "PreCopy"));
        yield return ("attempt.intended", """{"vmim":"m-1","vmi":"ns/vm","source":"w1","target":"w2","attempt":1,"wave":3,"postCopy":true}""",
            new AttemptIntended("m-1", "ns/vm", "w1", 1) { Target = "w2", Wave = 3, PostCopy = true });
        yield return ("attempt.intended",
            """{"vmim":"r-1","kind":"restart","vmi":"ns/vm","uid":"u1","source":"w1","attempt":2,"runStrategy":"Always"}""",
            new AttemptIntended("r-1", "ns/vm", "w1", 2) { AttemptKind = AttemptKind.Restart, Uid = "u1", RunStrategy = "Always" });
        yield return ("attempt.reopened", """{"vmim":"m-1","uid":"vmim-uid","phase":"Running"}""", new AttemptReopened("m-1", "vmim-uid", "Running"));
        yield return ("attempt.adopted", """{"vmim":"m-1","uid":"vmim-uid"}""", new AttemptAdopted("m-1", "vmim-uid"));
        yield return ("attempt.create_failed", """{"vmim":"m-1","failureClass":"ApiError","reason":"admission denied"}""",
            new AttemptCreateFailed("m-1", "ApiError", "admission denied"));
        yield return ("attempt.create_failed",
            """{"vmim":"r-1","kind":"restart","failureClass":"Unknown","reason":"the VMI could not be deleted: forbidden"}""",
            new AttemptCreateFailed("r-1", "Unknown", "the VMI could not be deleted: forbidden") { AttemptKind = AttemptKind.Restart });
        yield return ("attempt.create_deferred",
            """{"vmim":"m-1","reason":"Kubernetes API: 500 InternalError: etcdserver: request timed out","try":2,"retryInSeconds":1.4}""",
            new AttemptCreateDeferred("m-1", "Kubernetes API: 500 InternalError: etcdserver: request timed out", 2, 1.4));
        yield return ("attempt.vmi_deleted", """{"vmim":"r-1","vmi":"ns/vm","uid":"u1","deleted":true}""",
            new AttemptVmiDeleted("r-1", "ns/vm", "u1", true));
        yield return ("attempt.abort_requested", """{"vmim":"m-1"}""", new AttemptAbortRequested("m-1"));
        yield return ("attempt.created", """{"vmim":"m-1","uid":"vmim-uid"}""", new AttemptCreated("m-1") { Uid = "vmim-uid" });
        yield return ("attempt.created", """{"vmim":"m-1","vmi":"ns/vm","mode":null,"failureClass":null,"failureReason":null}""",
            new AttemptCreated("m-1") { Vmi = "ns/vm" });
        yield return ("attempt.running", """{"vmim":"m-1","vmi":"ns/vm","mode":"PreCopy","failureClass":null,"failureReason":null}""",
            new AttemptRunning("m-1") { Vmi = "ns/vm", Mode = "PreCopy" });
        yield return ("attempt.running",
            """{"vmim":"r-1","kind":"restart","vmi":"ns/vm","target":null,"failureClass":null,"failureReason":null}""",
            new AttemptRunning("r-1") { AttemptKind = AttemptKind.Restart, Vmi = "ns/vm" });
        yield return ("attempt.succeeded", """{"vmim":"m-1","vmi":"ns/vm","mode":"PostCopy","failureClass":null,"failureReason":null}""",
            new AttemptSucceeded("m-1") { Vmi = "ns/vm", Mode = "PostCopy" });
        yield return ("attempt.succeeded",
            """{"vmim":"r-1","kind":"restart","vmi":"ns/vm","target":"w3","failureClass":null,"failureReason":null}""",
            new AttemptSucceeded("r-1") { AttemptKind = AttemptKind.Restart, Vmi = "ns/vm", Target = "w3" });
        yield return ("attempt.failed",
            """{"vmim":"m-1","vmi":"ns/vm","mode":"PreCopy","failureClass":"DidNotConverge","failureReason":"not completed after 150 seconds"}""",
            new AttemptFailed("m-1") { Vmi = "ns/vm", Mode = "PreCopy", FailureClass = "DidNotConverge", FailureReason = "not completed after 150 seconds" });
        yield return ("attempt.aborted", """{"vmim":"m-1"}""", new AttemptAborted("m-1"));
        yield return ("attempt.not_created",
            """{"vmim":"m-1","vmi":"ns/vm","mode":null,"failureClass":"Unknown","failureReason":"never created"}""",
            new AttemptNotCreated("m-1") { Vmi = "ns/vm", FailureClass = "Unknown", FailureReason = "never created" });
        yield return ("vmi.given_up", """{"uid":"u1","namespace":"ns","name":"vm","node":"w1","attempts":3,"reason":"gave up after 3 attempts"}""",
            new VmiGivenUp("u1", "ns", "vm", "w1", 3, "gave up after 3 attempts"));
        yield return ("postcopy.refused", """{"vmi":"ns/vm","problem":"a policy of the cluster wins"}""",
            new PostCopyRefused("ns/vm", "a policy of the cluster wins"));
        yield return ("postcopy.policy.intended", """{"vmi":"ns/vm","policy":"drain-pc-1"}""", new PostCopyPolicyIntended("ns/vm", "drain-pc-1"));
        yield return ("postcopy.policy.removed", """{"vmi":"ns/vm","policy":"drain-pc-1"}""", new PostCopyPolicyRemoved("ns/vm", "drain-pc-1"));
        yield return ("progress",
            """{"nodes":[{"node":"w1","total":3,"moved":1,"remaining":2,"inFlight":1,"failedAttempts":1,"retrying":1,"givenUp":0,"skipped":0}],"paused":true,"etaSeconds":30}""",
            new ProgressReported([new NodeProgress("w1", 3, 1, 2, 1, 1, 1, 0, 0)], true, 30));
        yield return ("progress",
            """{"nodes":[{"node":"w2","total":4,"moved":2,"remaining":2,"inFlight":0,"failedAttempts":0,"retrying":0,"givenUp":0,"skipped":0}],"paused":false,"etaSeconds":12,"changes":true}""",
            new ProgressReported([new NodeProgress("w2", 4, 2, 2, 0, 0, 0, 0, 0)], false, 12, true));
        yield return ("drain.window_opened", """{"start":"2027-01-02T02:00:00+00:00","end":"2027-01-02T06:00:00+00:00","marginSeconds":60,"factor":1.5}""",
            new WindowOpened(new(2027, 1, 2, 2, 0, 0, TimeSpan.Zero), new(2027, 1, 2, 6, 0, 0, TimeSpan.Zero), 60, 1.5));
        yield return ("migration.held_back", """{"vmi":"ns/vm","uid":"u1","predictedSeconds":90,"closesAt":"2027-01-02T05:59:00+00:00"}""",
            new MigrationHeldBack("ns/vm", "u1", 90, new(2027, 1, 2, 5, 59, 0, TimeSpan.Zero)));
        yield return ("drain.window_ended", """{"end":"2027-01-02T06:00:00+00:00","inFlight":2}""", new WindowEnded(new(2027, 1, 2, 6, 0, 0, TimeSpan.Zero), 2));
        yield return ("drain.suspended", """{"windowEnd":"2027-01-02T06:00:00+00:00","remaining":3,"uncordoned":false,"reason":"waits for the next window"}""",
            new DrainSuspended(new(2027, 1, 2, 6, 0, 0, TimeSpan.Zero), 3, false, "waits for the next window"));
        yield return ("signal.pause", """{"signal":"pause","from":"running","to":"paused"}""",
            new PauseSignalled(DrainState.Running, DrainState.Paused));
        yield return ("signal.resume", """{"signal":"resume","from":"paused","to":"running"}""",
            new ResumeSignalled(DrainState.Paused, DrainState.Running));
        yield return ("signal.cancel", """{"signal":"cancel","from":"pending","to":"cancelling"}""",
            new CancelSignalled(DrainState.Pending, DrainState.Cancelling));
        yield return ("interop.refused",
            """{"feature":"nodeConditions","node":"w1","reason":"the API server refused PATCH nodes/w1/status (403 Forbidden: no)","fix":"Grant patch on nodes/status"}""",
            new InteropRefused(InteropFeature.NodeConditions, "w1", "the API server refused PATCH nodes/w1/status (403 Forbidden: no)", "Grant patch on nodes/status"));
        yield return ("workflow.created", """{"workflow":"rolling-upgrade","version":2,"contentHash":"ab12","requestedBy":"ops@drainctl"}""",
            new WorkflowCreated("rolling-upgrade", 2, "ab12", "ops@drainctl"));
        yield return ("workflow.state_changed", """{"from":"running","to":"waiting","detail":"approval of step go"}""",
            new WorkflowStateChanged("running", "waiting", "approval of step go"));
        yield return ("workflow.step.started", """{"step":"batches[0]/drain","stepKind":"Drain"}""", new WorkflowStepStarted("batches[0]/drain", "Drain"));
        yield return ("workflow.step.succeeded", """{"step":"select","stepKind":"SelectNodes","reason":null}""",
            new WorkflowStepSucceeded("select", "SelectNodes", null));
        yield return ("workflow.step.failed", """{"step":"post","stepKind":"Hook","reason":"answered 500"}""", new WorkflowStepFailed("post", "Hook", "answered 500"));
        yield return ("workflow.step.skipped", """{"step":"batches[1]/wait","stepKind":"WaitFor","reason":"not Ready within 00:05:00"}""",
            new WorkflowStepSkipped("batches[1]/wait", "WaitFor", "not Ready within 00:05:00"));
        yield return ("workflow.approval.granted", """{"step":"go","by":"ops@drainctl"}""", new WorkflowApprovalGranted("go", "ops@drainctl"));
        yield return ("workflow.gate.blocked", """{"step":"alerts","blocking":"1 series returned by up == 0"}""",
            new WorkflowGateBlocked("alerts", "1 series returned by up == 0"));
        yield return ("workflow.gate.cleared", """{"step":"alerts"}""", new WorkflowGateCleared("alerts"));
        yield return ("workflow.hook.attempt_failed", """{"step":"post","attempt":2,"reason":"answered 500"}""",
            new WorkflowHookAttemptFailed("post", 2, "answered 500"));
        yield return ("workflow.notification.sent", """{"step":"tell","url":"http://hooks.example/x"}""",
            new WorkflowNotificationSent("tell", "http://hooks.example/x"));
        yield return ("workflow.drain.started",
            """{"step":"batches[0]/drain","drainId":"6f0c1b2a-3d4e-4f50-8a6b-7c8d9e0f1a2b","drainName":"wf-batches-0-drain"}""",
            new WorkflowDrainStarted("batches[0]/drain", Guid.Parse("6f0c1b2a-3d4e-4f50-8a6b-7c8d9e0f1a2b"), "wf-batches-0-drain"));
        yield return ("workflow.drain.started",
            """{"step":"drain","drainId":"6f0c1b2a-3d4e-4f50-8a6b-7c8d9e0f1a2c","drainName":"operators-own","adopted":true}""",
            new WorkflowDrainStarted("drain", Guid.Parse("6f0c1b2a-3d4e-4f50-8a6b-7c8d9e0f1a2c"), "operators-own", true));
        yield return ("workflow.evacuation.started",
            """{"step":"move","evacuationId":"7a1d2c3b-4e5f-4a6b-9c7d-8e9f0a1b2c3d","fromNamespace":"apps","toNamespace":"moved"}""",
            new WorkflowEvacuationStarted("move", Guid.Parse("7a1d2c3b-4e5f-4a6b-9c7d-8e9f0a1b2c3d"), "apps", "moved"));
        yield return ("drain.view_stale",
            """{"since":"2030-01-01T00:00:00+00:00","staleSeconds":42.5,"boundSeconds":30,"reason":"virtualmachineinstancemigrations: not in sync for 42 s, last error 403 forbidden"}""",
            new DrainViewStale(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), 42.5, 30,
                "virtualmachineinstancemigrations: not in sync for 42 s, last error 403 forbidden"));
        yield return ("drain.view_recovered", """{"heldSeconds":12.5}""", new DrainViewRecovered(12.5));
        yield return ("cluster.limits_changed",
            """{"old":{"parallelMigrationsPerCluster":5,"parallelOutboundMigrationsPerNode":2,"bandwidthPerMigrationBytesPerSecond":0,"completionTimeoutPerGiBSeconds":150,"progressTimeoutSeconds":150},"new":{"parallelMigrationsPerCluster":2,"parallelOutboundMigrationsPerNode":2,"bandwidthPerMigrationBytesPerSecond":0,"completionTimeoutPerGiBSeconds":150,"progressTimeoutSeconds":150}}""",
            new ClusterLimitsChanged(new ClusterLimits(5, 2, 0, 150, 150), new ClusterLimits(2, 2, 0, 150, 150)));
        yield return ("drain.owned_swept", """{"when":"recovery","policies":["drain-postcopy-abc"],"labels":["apps/web-7"]}""",
            new OwnedObjectsSwept("recovery", ["drain-postcopy-abc"], ["apps/web-7"]));
    }
}
