namespace DrainOrchestrator.Workflows.Definitions;

/// <summary>One step of a workflow: its id (unique in the workflow), what it does, and what its failure does.</summary>
public abstract record StepDefinition(string Id, StepKind Kind, StepFailurePolicy OnFailure, SourcePosition Position);

/// <summary>Chooses the nodes: by name, by label selector, and/or by zone (all given must match).</summary>
public sealed record SelectNodesStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position,
    IReadOnlyList<string> Names, string? Selector, string? Zone)
    : StepDefinition(Id, StepKind.SelectNodes, OnFailure, Position);

/// <summary>Runs <see cref="Steps"/> for each batch of the selected nodes.</summary>
/// <param name="Id">The step's id.</param>
/// <param name="OnFailure">What a failure of the step does.</param>
/// <param name="Position">Where it was written.</param>
/// <param name="BatchSize">Nodes per batch; or null when <see cref="MaxUnavailable"/> sets it.</param>
/// <param name="MaxUnavailable">Nodes out of service at once: a count, or a percentage of the selected nodes (rounded down, at least 1).</param>
/// <param name="Order">How batches are formed and ordered.</param>
/// <param name="OrderLabel">The label ordered by when <see cref="Order"/> is <see cref="BatchOrder.Label"/>.</param>
/// <param name="AllowMultipleZones">Whether a zone-aware batch may take nodes of more than one zone.</param>
/// <param name="Steps">What runs for each batch.</param>
public sealed record ForEachBatchStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position,
    int? BatchSize, string? MaxUnavailable, BatchOrder Order, string? OrderLabel, bool AllowMultipleZones, IReadOnlyList<StepDefinition> Steps)
    : StepDefinition(Id, StepKind.ForEachBatch, OnFailure, Position);

/// <summary>Cordons the current nodes.</summary>
public sealed record CordonStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position)
    : StepDefinition(Id, StepKind.Cordon, OnFailure, Position);

/// <summary>Drains the current nodes under the workflow's policy.</summary>
public sealed record DrainStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position)
    : StepDefinition(Id, StepKind.Drain, OnFailure, Position);

/// <summary>Returns the VMs the workflow's earlier drains moved to their original nodes (docs/moveback.md).</summary>
public sealed record MovebackStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position)
    : StepDefinition(Id, StepKind.Moveback, OnFailure, Position);

/// <summary>
/// Moves VMs of <see cref="FromNamespace"/> (by name, or by <see cref="Selector"/>) to <see cref="ToNamespace"/> of the
/// workflow's cluster by decentralized live migration, as <c>drainctl evacuate</c> does.
/// </summary>
/// <param name="Id">The step's id.</param>
/// <param name="OnFailure">What a failure of the step does.</param>
/// <param name="Position">Where it was written.</param>
/// <param name="FromNamespace">Where the VMs run.</param>
/// <param name="ToNamespace">Where they go.</param>
/// <param name="Vms">The VMs by name; empty when <see cref="Selector"/> is given.</param>
/// <param name="Selector">A label selector of the VMs; null when <see cref="Vms"/> are given.</param>
/// <param name="MaxAttempts">migrationIDs per VM before it is given up; null for the default.</param>
/// <param name="KeepReceiversOnFailure">Keep a failed attempt's receiver VM and DataVolumes.</param>
/// <param name="StorageClass">The blank DataVolumes' storage class; null for each disk's own.</param>
public sealed record EvacuateStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position, string FromNamespace, string ToNamespace,
    IReadOnlyList<string> Vms, string? Selector, int? MaxAttempts, bool KeepReceiversOnFailure, string? StorageClass)
    : StepDefinition(Id, StepKind.Evacuate, OnFailure, Position);

/// <summary>Waits until <see cref="Condition"/> holds on every current node, at most <see cref="Timeout"/>.</summary>
public sealed record WaitForStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position, WaitCondition Condition, TimeSpan Timeout)
    : StepDefinition(Id, StepKind.WaitFor, OnFailure, Position);

/// <summary>Waits for an operator's approval (through drainctl or the API); <see cref="Timeout"/> null waits forever.</summary>
public sealed record ApprovalStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position, string Message, TimeSpan? Timeout)
    : StepDefinition(Id, StepKind.Approval, OnFailure, Position);

/// <summary>Blocks while <see cref="Query"/>, asked of the Prometheus HTTP API at <see cref="PrometheusUrl"/>, returns series.</summary>
public sealed record AlertGateStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position, Uri PrometheusUrl, string Query,
    TimeSpan Interval, TimeSpan Timeout)
    : StepDefinition(Id, StepKind.AlertGate, OnFailure, Position);

/// <summary>POSTs the workflow's context as JSON to <see cref="Url"/>; retried <see cref="Retries"/> times after a failure.</summary>
public sealed record HookStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position, Uri Url, HookPhase Phase, int Retries,
    TimeSpan Timeout, TimeSpan RetryDelay)
    : StepDefinition(Id, StepKind.Hook, OnFailure, Position);

/// <summary>Waits <see cref="Duration"/>.</summary>
public sealed record SoakStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position, TimeSpan Duration)
    : StepDefinition(Id, StepKind.Soak, OnFailure, Position);

/// <summary>Uncordons the current nodes.</summary>
public sealed record UncordonStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position)
    : StepDefinition(Id, StepKind.Uncordon, OnFailure, Position);

/// <summary>Records the report of what the workflow did so far.</summary>
public sealed record ReportStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position)
    : StepDefinition(Id, StepKind.Report, OnFailure, Position);

/// <summary>Posts <see cref="Message"/> to a webhook, as generic JSON or a Slack-compatible body.</summary>
public sealed record NotifyStep(string Id, StepFailurePolicy OnFailure, SourcePosition Position, Uri Url, NotifyFormat Format, string Message)
    : StepDefinition(Id, StepKind.Notify, OnFailure, Position);
