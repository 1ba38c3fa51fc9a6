using System.Diagnostics;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>Drives one fault kind through a run of the campaign; the campaign judges what it left behind.</summary>
internal delegate Task<ChaosDrive> ChaosBody(ChaosRun run);

/// <summary>
/// Runs one fault kind <see cref="ChaosSettings.Runs"/> times, each on a fresh simulator and database with its own seed,
/// judges every run (<see cref="ChaosJudge"/>), appends each verdict to <see cref="ChaosSettings.ResultsFile"/>, and
/// fails at the end, naming the seed and the findings of every run that was not clean. A failing run does not stop the
/// campaign: the counts are the point.
/// </summary>
internal static class ChaosCampaign
{
    private static readonly Lock ResultsGate = new();

    public static async Task RunAsync(string kind, string scenario, double speed, Func<Task<string>> adminConnectionString,
        ITestOutputHelper log, ChaosBody body)
    {
        var runs = ChaosSettings.Runs;
        var failed = new List<ChaosVerdict>();
        var mine = 0;
        for (var number = 1; number <= runs; number++)
        {
            if (!ChaosSettings.IsMine(number))
            {
                continue;
            }

            mine++;
            var seed = ChaosSettings.SeedFor(number);
            var verdict = await RunOnceAsync(kind, number, seed, ChaosSettings.PolicyFor(number), scenario, speed, await adminConnectionString(), log, body);
            Append(verdict);
            log.WriteLine(verdict.Summary);
            if (!verdict.Clean)
            {
                failed.Add(verdict);
            }
        }

        Assert.True(failed.Count == 0,
            $"{failed.Count} of {mine} {kind} run(s) were not clean; repeat one with {ChaosSettings.SeedVariable}=SEED "
            + $"{ChaosSettings.PolicyVariable}=POLICY {ChaosSettings.RunsVariable}=1:\n"
            + string.Join("\n", failed.Select(v => v.Summary + "\n  " + string.Join("\n  ", v.Problems))));
    }

    private static async Task<ChaosVerdict> RunOnceAsync(string kind, int number, int seed, ChaosPolicy policy, string scenario, double speed,
        string adminConnectionString, ITestOutputHelper log, ChaosBody body)
    {
        var clock = Stopwatch.StartNew();
        ChaosRun run;
        try
        {
            run = await ChaosRun.StartAsync(kind, number, seed, policy, scenario, speed, adminConnectionString);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Broken(kind, number, seed, policy, clock.Elapsed, $"the run could not start: {ex}");
        }

        await using (run)
        {
            ChaosVerdict verdict;
            try
            {
                var drive = await body(run);
                verdict = await ChaosJudge.JudgeAsync(run, drive, clock.Elapsed);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                run.Note($"the run broke off: {ex}");
                verdict = Broken(kind, number, seed, policy, clock.Elapsed, $"the run broke off: {ex.GetType().Name}: {ex.Message}");
            }

            var description = verdict.Clean ? run.Notes.TrimEnd() : run.Describe();
            log.WriteLine(description);
            if (!verdict.Clean)
            {
                KeepDescription(verdict, description);
            }

            return verdict;
        }
    }

    // A run that could not be judged counts as not completed; its counts are unknown, not zero, and its problem says so.
    private static ChaosVerdict Broken(string kind, int number, int seed, ChaosPolicy policy, TimeSpan duration, string problem) => new()
    {
        Kind = kind,
        Run = number,
        Seed = seed,
        Policy = policy.Name(),
        Completed = false,
        Duplicates = 0,
        LostRecords = 0,
        LimitViolations = 0,
        Contradictions = 0,
        UnfinishedDrains = 0,
        DurationSeconds = Math.Round(duration.TotalSeconds, 1),
        FaultHit = false,
        Judged = false,
        Problems = [problem],
    };

    // A run that was not clean is described at once beside the results file (the test's own output comes only when all
    // its runs are done, which in a campaign is an hour later): run-KIND-N.txt.
    private static void KeepDescription(ChaosVerdict verdict, string description)
    {
        if (ChaosSettings.ResultsFile is not { } path)
        {
            return;
        }

        var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $"run-{verdict.Kind}-{verdict.Run}.txt");
        File.WriteAllText(file, verdict.Summary + "\n" + string.Join("\n", verdict.Problems) + "\n" + description + "\n");
    }

    private static void Append(ChaosVerdict verdict)
    {
        if (ChaosSettings.ResultsFile is not { } path)
        {
            return;
        }

        lock (ResultsGate)
        {
            File.AppendAllText(path, verdict.ToJsonLine() + "\n");
        }
    }
}
