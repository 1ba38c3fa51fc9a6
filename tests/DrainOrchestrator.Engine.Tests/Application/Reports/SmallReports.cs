using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Waves;

namespace DrainOrchestrator.Engine.Tests.Application.Reports;

/// <summary>A small drain report: two waves, a failure with a retry in post-copy, a VM named like a script, and a signal.</summary>
internal static class SmallReports
{
    public static readonly DateTimeOffset At = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    public const string ScriptName = "<script>alert('x')</script>";

    public const string MigrationNetwork = "kubevirt/migration-net";

    public static DrainReport Drain()
    {
        var id = Guid.NewGuid();
        var drain = new DrainRecord(id, "drain-a", "https://c", DrainState.Succeeded, """{"version":1,"maxParallel":3}""", "alice (drainctl)", At, At, At.AddMinutes(5),
            "every VM moved", 1, [new DrainNodeRecord("w1", DrainNodeState.Drained, false, 3, 3, 0, 0, null, null)]);
        AttemptRecord[] attempts =
        [
            Attempt(11, id, 1, 1, ScriptName, AttemptOutcome.Failed, postCopy: false, start: 0, seconds: 20, reason: "target <b>full</b>"),
            Attempt(12, id, 2, 2, ScriptName, AttemptOutcome.Succeeded, postCopy: true, start: 30, seconds: 40, reason: null) with
            {
                Network = new AttemptNetwork("192.168.50.2", MigrationNetwork, true),
            },
            Attempt(13, id, 1, 1, "db", AttemptOutcome.Succeeded, postCopy: false, start: 5, seconds: 10, reason: null) with
            {
                Network = new AttemptNetwork("10.128.0.2", MigrationNetwork, false),
            },
        ];
        WaveRecord[] waves = [new(1, "rolling", 2, 3, At, At, At.AddSeconds(25)), new(2, "rolling", 1, 3, At, At.AddSeconds(30), At.AddSeconds(70))];
        return new DrainReport(drain, waves, attempts, [new UnmovedVmi("apps/legacy", "w1", "skipped", "DisksNotLiveMigratable")])
        {
            Predictions = new Dictionary<string, PredictedMigration> { ["uid-db"] = new(12.5, "PreCopy") },
            PredictedMakespanSeconds = 60,
            Actions = [new ReportAction(At.AddMinutes(1), "pause", "bob <admin>", "running -> paused")],
        };
    }

    public static ReportDocument Document(DrainReport report) => new("drain", "Drain " + report.Drain.Name, At, [report]);

    public static async Task<string> WriteAsync(ReportDocument document, ReportFormat format, ReportTimeZone zone)
    {
        await using var output = new StringWriter();
        await ReportWriter.WriteAsync(document, new ReportOptions(format, zone), output, CancellationToken.None);
        return output.ToString();
    }

    public static ReportTimeZone Berlin()
    {
        var problems = new List<DrainOrchestrator.Application.Requests.RequestProblem>();
        return ReportTimeZone.Parse("Europe/Berlin", "--time-zone", problems) ?? throw new InvalidOperationException(problems[0].Message);
    }

    public static AttemptRecord Attempt(long id, Guid drain, int wave, int attempt, string name, AttemptOutcome outcome, bool postCopy, int start, int seconds,
        string? reason) => new(id, drain, wave, attempt, "apps", name, "uid-" + name, "w1", "w2", $"m-{id}", null, postCopy ? "PostCopy" : "PreCopy", outcome,
        reason is null ? null : "TargetFull", reason, null, null, "{}", postCopy, At.AddSeconds(start), At.AddSeconds(start), At.AddSeconds(start + 1),
        At.AddSeconds(start + seconds), At.AddSeconds(start + seconds));
}
