using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Judges a finished run from the simulator's ground truth and what the engine recorded in PostgreSQL.
/// <list type="bullet">
/// <item>Duplicates: a VMIM name the cluster saw twice; two attempt rows for one VMIM, or for one attempt number of one
/// VMI; a VMI migrated successfully more than once; two VMIMs of one VMI unfinished at the same moment.</item>
/// <item>Lost records: a VMIM the cluster saw without its attempt row; an attempt row without its
/// <c>attempt.intended</c> journal event; an attempt left unfinished.</item>
/// <item>Contradictions: an attempt row that contradicts the ground truth: its outcome, source or target; a VMIM
/// recorded not_created that the cluster saw; a row saying a VMIM was created that the cluster never saw; two attempts
/// of one VM recorded in flight at once.</item>
/// <item>Unfinished drains: a drain that did not end succeeded although it could have (or, where a VM is expected to be
/// given up, did not end at all).</item>
/// <item>Limit violations: every moment the simulator saw a KubeVirt limit exceeded, a peak above the drain's limits,
/// and every VMIM created while the drain already had as many unfinished as its limits allow (5 in the cluster, 2 out
/// of one node, 2 into one node; the lowered cluster limit from one scheduler pass after the KubeVirt CR said so),
/// counted from the VMIMs' own creation and end times.</item>
/// </list>
/// </summary>
internal static class ChaosJudge
{
    public const int MaxParallel = 5;
    public const int MaxOutbound = 2;
    public const int MaxInbound = 2;

    /// <summary>How long (model time: 3 s of wall time at the campaign's speed 10) the drain may take to honour a lowered limit.</summary>
    public static readonly TimeSpan LimitGrace = TimeSpan.FromSeconds(30);

    public static async Task<ChaosVerdict> JudgeAsync(ChaosRun run, ChaosDrive drive, TimeSpan duration)
    {
        var problems = new List<string>();

        // The judge reads the API without the run's injected errors or partition.
        await run.Sim.DeleteAdminAsync("/sim/v1/faults");
        await run.Sim.DeleteAdminAsync("/sim/v1/partition");
        var truth = await run.Sim.GroundTruthAsync();
        var migrations = ObservedVmim.ReadAll(truth.Document);
        await using var dataSource = run.Database.OpenDataSource();
        var drains = await Records.DrainsAsync(dataSource);
        var attempts = new List<AttemptRecord>();
        var journal = new List<JournalEntry>();
        foreach (var drain in drains)
        {
            attempts.AddRange(await Records.AttemptsAsync(dataSource, drain.Id));
            var entries = await new JournalStore(dataSource, TimeProvider.System).ReadAsync(drain.Id, CancellationToken.None);
            journal.AddRange(entries);
            var epochs = entries.Where(e => e.LeaseEpoch is not null).OrderBy(e => e.Seq).Select(e => e.LeaseEpoch!.Value).ToList();
            if (!epochs.SequenceEqual(epochs.Order()))
            {
                problems.Add($"fencing: the journal of drain {drain.Name} steps back in lease epoch ({string.Join(",", epochs.Distinct())})");
            }
        }

        var duplicates = CountDuplicates(drive, drains, migrations, attempts, problems);
        var lost = CountLost(migrations, attempts, journal, problems);
        var contradictions = CountContradictions(migrations, attempts, problems);
        var violations = CountViolations(drive, truth, migrations, attempts, journal, problems);
        var unfinished = CountUnfinished(drive, drains, problems);
        var completed = await JudgeCompletionAsync(run, drive, drains, attempts, journal, truth, problems) && unfinished == 0;
        return new ChaosVerdict
        {
            Kind = run.Kind,
            Run = run.Number,
            Seed = run.Seed,
            Policy = run.Policy.Name(),
            Completed = completed,
            Duplicates = duplicates,
            LostRecords = lost,
            LimitViolations = violations,
            Contradictions = contradictions,
            UnfinishedDrains = unfinished,
            GuestOutcome = drive.GuestOutcome,
            GuestDetail = drive.GuestDetail,
            DurationSeconds = Math.Round(duration.TotalSeconds, 1),
            FaultHit = drive.FaultHit,
            DrainState = drains.Count == 1 ? drains[0].State.ToDatabase() : string.Join("+", drains.Select(d => d.State.ToDatabase())),
            Migrations = migrations.Count,
            Problems = problems,
        };
    }

    private static int CountDuplicates(ChaosDrive drive, IReadOnlyList<DrainRecord> drains, IReadOnlyList<ObservedVmim> migrations,
        IReadOnlyList<AttemptRecord> attempts, List<string> problems)
    {
        var found = 0;
        if (drains.Count > drive.ExpectedDrains)
        {
            found += drains.Count - drive.ExpectedDrains;
            problems.Add($"duplicate: {drains.Count} drains recorded for {drive.ExpectedDrains} request(s) ({string.Join(", ", drains.Select(d => d.Name))})");
        }

        foreach (var group in migrations.GroupBy(m => m.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            found += group.Count() - 1;
            problems.Add($"duplicate: the cluster saw the VMIM {group.Key} {group.Count()} times");
        }

        foreach (var group in attempts.GroupBy(a => a.VmimName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            found += group.Count() - 1;
            problems.Add($"duplicate: {group.Count()} attempt rows for the VMIM {group.Key}");
        }

        foreach (var group in attempts.GroupBy(a => (a.VmiUid, a.Attempt)).Where(g => g.Count() > 1))
        {
            found += group.Count() - 1;
            problems.Add($"duplicate: attempt #{group.Key.Attempt} of {group.First().VmiNamespace}/{group.First().VmiName} recorded "
                + $"{group.Count()} times ({string.Join(", ", group.Select(a => a.VmimName))})");
        }

        foreach (var group in migrations.Where(m => m.Outcome == "Succeeded").GroupBy(m => m.Vmi, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            found += group.Count() - 1;
            problems.Add($"duplicate: {group.Key} was migrated {group.Count()} times ({string.Join(", ", group.Select(m => m.Name))})");
        }

        foreach (var group in migrations.GroupBy(m => m.Vmi, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(m => m.CreatedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].EndedAt is not { } end || end > ordered[i].CreatedAt)
                {
                    found++;
                    problems.Add($"duplicate: {group.Key} had {ordered[i - 1].Name} and {ordered[i].Name} unfinished at once");
                }
            }
        }

        return found;
    }

    private static int CountLost(IReadOnlyList<ObservedVmim> migrations, IReadOnlyList<AttemptRecord> attempts,
        IReadOnlyList<JournalEntry> journal, List<string> problems)
    {
        var found = 0;
        var rows = attempts.GroupBy(a => a.VmimName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var vmim in migrations)
        {
            if (!rows.ContainsKey(vmim.Name))
            {
                found++;
                problems.Add($"lost: the cluster saw the VMIM {vmim.Key} ({vmim.Vmi}, {vmim.Outcome}) but no attempt row holds it");
            }
        }

        var intended = journal.Select(e => e.ReadEvent()).OfType<AttemptIntended>().Select(e => e.Vmim).ToHashSet(StringComparer.Ordinal);
        foreach (var row in attempts.Where(a => !intended.Contains(a.VmimName)))
        {
            found++;
            problems.Add($"lost: the attempt row of {row.VmimName} has no attempt.intended journal event");
        }

        foreach (var row in attempts.Where(a => !a.IsFinal))
        {
            found++;
            problems.Add($"lost: the attempt {row.VmimName} was left {row.Outcome.ToDatabase()}");
        }

        return found;
    }

    private static int CountContradictions(IReadOnlyList<ObservedVmim> migrations, IReadOnlyList<AttemptRecord> attempts, List<string> problems)
    {
        var found = 0;
        var rows = attempts.GroupBy(a => a.VmimName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = migrations.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var vmim in migrations)
        {
            if (!rows.TryGetValue(vmim.Name, out var row))
            {
                continue;
            }

            var contradictions = new List<string>();
            if (row.Outcome == AttemptOutcome.NotCreated)
            {
                contradictions.Add($"not_created where the cluster saw it created at {vmim.CreatedAt:HH:mm:ss.fff} ({vmim.Outcome})");
            }
            else if (row.IsFinal && (vmim.Outcome == "Succeeded") != (row.Outcome == AttemptOutcome.Succeeded))
            {
                contradictions.Add($"outcome {row.Outcome.ToDatabase()} where the cluster says {vmim.Outcome}");
            }

            if (vmim.SourceNode is { } source && source != row.SourceNode)
            {
                contradictions.Add($"source {row.SourceNode} where the cluster says {source}");
            }

            if (vmim.TargetNode is { } target && target != row.TargetNode)
            {
                contradictions.Add($"target {row.TargetNode} where the cluster says {target}");
            }

            if (contradictions.Count > 0)
            {
                found++;
                problems.Add($"contradiction: the attempt row of {vmim.Name} records {string.Join("; ", contradictions)}");
            }
        }

        foreach (var row in attempts.Where(a => !a.IsRestart && a.Outcome != AttemptOutcome.NotCreated && !seen.Contains(a.VmimName)))
        {
            found++;
            problems.Add($"contradiction: the attempt row of {row.VmimName} says {row.Outcome.ToDatabase()}, but the cluster never saw that VMIM");
        }

        // Two attempts of one VM in flight at once, by the cluster times the rows hold.
        foreach (var group in attempts.Where(a => !a.IsRestart && a.CreatedAt is not null).GroupBy(a => a.VmiUid, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(a => a.CreatedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].FinishedAt is not { } end || end > ordered[i].CreatedAt)
                {
                    found++;
                    problems.Add($"contradiction: the rows of {ordered[i].VmiNamespace}/{ordered[i].VmiName} have {ordered[i - 1].VmimName} "
                        + $"and {ordered[i].VmimName} in flight at once");
                }
            }
        }

        return found;
    }

    private static int CountUnfinished(ChaosDrive drive, IReadOnlyList<DrainRecord> drains, List<string> problems)
    {
        var found = 0;
        foreach (var drain in drains)
        {
            if (drive.ExpectedGivenUp is null ? drain.State != DrainState.Succeeded : !drain.State.IsFinal())
            {
                found++;
                problems.Add($"unfinished: the drain {drain.Name} is {drain.State.ToDatabase()} ({drain.OutcomeReason})");
            }
        }

        if (drains.Count < drive.ExpectedDrains)
        {
            found += drive.ExpectedDrains - drains.Count;
            problems.Add($"unfinished: {drains.Count} drain(s) recorded, {drive.ExpectedDrains} started");
        }

        return found;
    }

    private static int CountViolations(ChaosDrive drive, GroundTruth truth, IReadOnlyList<ObservedVmim> migrations, IReadOnlyList<AttemptRecord> attempts,
        IReadOnlyList<JournalEntry> journal, List<string> problems)
    {
        var found = 0;
        foreach (var violation in truth.Document["limitViolations"]!.AsArray())
        {
            found++;
            problems.Add($"limit: the simulator saw {violation!.ToJsonString()}");
        }

        if (truth.PeakInFlight > MaxParallel)
        {
            found++;
            problems.Add($"limit: {truth.PeakInFlight} migrations in flight at once, above {MaxParallel}");
        }

        foreach (var (node, peak) in truth.PeakInFlightPerSourceNode.Where(p => p.Value > MaxOutbound))
        {
            found++;
            problems.Add($"limit: {peak} migrations in flight out of {node} at once, above {MaxOutbound}");
        }

        // The drain's own promise: it never has more unfinished VMIMs than its limits, Pending ones included.
        var rows = attempts.GroupBy(a => a.VmimName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var events = migrations
            .SelectMany(m => new[] { (At: m.CreatedAt, Start: true, Vmim: m), (At: m.EndedAt ?? DateTimeOffset.MaxValue, Start: false, Vmim: m) })
            .OrderBy(e => e.At)
            .ThenBy(e => e.Start) // ends before starts at the same instant
            .ToList();
        var intendedAfterChange = IntendedAfterLimitsChanged(journal);
        var open = 0;
        var outbound = new Dictionary<string, int>(StringComparer.Ordinal);
        var inbound = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (at, start, vmim) in events)
        {
            var row = rows.GetValueOrDefault(vmim.Name);
            var source = vmim.SourceNode ?? row?.SourceNode ?? "?";
            var target = row?.TargetNode ?? vmim.TargetNode ?? "?";
            var step = start ? 1 : -1;
            open += step;
            outbound[source] = outbound.GetValueOrDefault(source) + step;
            inbound[target] = inbound.GetValueOrDefault(target) + step;
            if (!start)
            {
                continue;
            }

            var when = at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var lowered = drive.LoweredLimit is { } low && (intendedAfterChange.Contains(vmim.Name) || at >= low.At + LimitGrace);
            var maxParallel = lowered ? drive.LoweredLimit!.Value.Limit : MaxParallel;
            if (open > maxParallel)
            {
                found++;
                problems.Add($"limit: {vmim.Name} created at {when} made {open} unfinished VMIMs, above {maxParallel}"
                    + (lowered ? " (the KubeVirt CR's lowered limit)" : ""));
            }

            if (outbound[source] > MaxOutbound)
            {
                found++;
                problems.Add($"limit: {vmim.Name} created at {when} made {outbound[source]} unfinished VMIMs out of {source}, above {MaxOutbound}");
            }

            if (inbound[target] > MaxInbound)
            {
                found++;
                problems.Add($"limit: {vmim.Name} created at {when} made {inbound[target]} unfinished VMIMs into {target}, above {MaxInbound}");
            }
        }

        return found;
    }

    // The VMIMs intended by a pass that had seen the KubeVirt CR's limit change (journaled after the drain's first
    // cluster.limits_changed): each must keep the new limit however soon after the change it came, as ClusterViewTests
    // holds a single drain to; the grace above only catches a drain that never noticed.
    private static HashSet<string> IntendedAfterLimitsChanged(IReadOnlyList<JournalEntry> journal)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var drain in journal.GroupBy(e => e.DrainId))
        {
            var change = drain.Where(e => e.Kind == "cluster.limits_changed").Select(e => (long?)e.Seq).Min();
            if (change is not { } seq)
            {
                continue;
            }

            foreach (var entry in drain.Where(e => e.Seq > seq))
            {
                if (entry.ReadEvent() is AttemptIntended intended)
                {
                    names.Add(intended.Vmim);
                }
            }
        }

        return names;
    }

    private static async Task<bool> JudgeCompletionAsync(ChaosRun run, ChaosDrive drive, IReadOnlyList<DrainRecord> drains,
        IReadOnlyList<AttemptRecord> attempts, IReadOnlyList<JournalEntry> journal, GroundTruth truth, List<string> problems)
    {
        var before = problems.Count;
        if (!drive.EngineCompleted)
        {
            problems.Add("not completed: the engine did not end as expected (see its output)");
        }

        if (drains.Count != drive.ExpectedDrains)
        {
            problems.Add($"not completed: {drains.Count} drains recorded, expected {drive.ExpectedDrains}");
        }

        var givenUp = journal.Select(e => e.ReadEvent()).OfType<VmiGivenUp>().ToList();
        foreach (var given in givenUp.Where(g => $"{g.Namespace}/{g.Name}" != drive.ExpectedGivenUp && $"{g.Namespace}/{g.Name}" != drive.DeletedVmi))
        {
            problems.Add($"not completed: the engine gave up on {given.Namespace}/{given.Name}: {given.Reason}");
        }

        if (drive.ExpectedGivenUp is { } expected)
        {
            var reason = givenUp.FirstOrDefault(g => $"{g.Namespace}/{g.Name}" == expected)?.Reason;
            if (reason is null || !reason.Contains("post-copy", StringComparison.Ordinal))
            {
                problems.Add($"not completed: expected the engine to give up on {expected} because post-copy failed; it recorded {reason ?? "nothing"}");
            }

            var last = attempts.Where(a => $"{a.VmiNamespace}/{a.VmiName}" == expected).OrderBy(a => a.Attempt).LastOrDefault();
            if (last?.FailureClass != "PostCopyFailed")
            {
                problems.Add($"not completed: the last attempt of {expected} is classed {last?.FailureClass ?? "(none)"}, expected PostCopyFailed");
            }
        }

        foreach (var loss in truth.Document["vmiLosses"]!.AsArray())
        {
            var name = $"{loss!["namespace"]}/{loss["name"]}";
            var tolerated = drive.ToleratedLossCause is { } cause && loss["reason"]?.ToString().Contains(cause, StringComparison.Ordinal) == true;
            if (name != drive.ExpectedGivenUp && !tolerated)
            {
                problems.Add($"not completed: the guest {name} was lost: {loss["reason"]}");
            }
        }

        var vmis = await run.Sim.VmisAsync();
        foreach (var (name, vmi) in vmis.Where(v => v.Key != drive.ExpectedGivenUp))
        {
            var node = vmi.Status?.NodeName;
            if (node is null || ChaosRun.DrainedNodes.Contains(node) || vmi.Status?.Phase != "Running")
            {
                problems.Add($"not completed: {name} is {vmi.Status?.Phase} on {node ?? "no node"}");
            }
        }

        return problems.Count == before;
    }

    /// <summary>One VMIM of the ground truth, with the times the limits are judged by.</summary>
    private sealed record ObservedVmim(string Namespace, string Name, string Vmi, string? SourceNode, string? TargetNode, string Outcome,
        DateTimeOffset CreatedAt, DateTimeOffset? EndedAt)
    {
        public string Key => Namespace + "/" + Name;

        public static IReadOnlyList<ObservedVmim> ReadAll(JsonObject truth) =>
        [
            .. truth["migrations"]!.AsArray().Select(m =>
            {
                var transitions = m!["phaseTransitions"]?.AsArray() ?? [];
                var ended = transitions
                    .Where(t => t!["phase"]!.GetValue<string>() is "Succeeded" or "Failed")
                    .Select(t => (DateTimeOffset?)t!["at"]!.GetValue<DateTimeOffset>())
                    .FirstOrDefault();
                var outcome = m["outcome"]?.GetValue<string>() ?? "Unfinished";

                // A VMIM removed before it ended (aborted while pending) leaves no final phase: it ended with its last one.
                if (ended is null && outcome != "Unfinished" && transitions.Count > 0)
                {
                    ended = transitions[^1]!["at"]!.GetValue<DateTimeOffset>();
                }

                var ns = m["namespace"]!.GetValue<string>();
                return new ObservedVmim(ns, m["name"]!.GetValue<string>(), ns + "/" + m["vmiName"]!.GetValue<string>(),
                    m["sourceNode"]?.GetValue<string>(), m["targetNode"]?.GetValue<string>(), outcome,
                    m["createdAt"]!.GetValue<DateTimeOffset>(), ended);
            }),
        ];
    }
}
