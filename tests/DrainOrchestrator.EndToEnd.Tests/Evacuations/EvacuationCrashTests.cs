using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Evacuations;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Evacuations;

/// <summary>
/// Crash safety of an evacuation: drainctl SIGKILLed at random moments mid-evacuation and started again. Whatever
/// happens, every VM moves exactly once, and no receiver VM and no VMIM is created twice.
/// </summary>
public sealed class EvacuationCrashTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Trials = 6;
    private const double Speed = 2;

    [Fact]
    public async Task Evacuate_EngineKilledAtRandomMoments_EveryVmMovesOnceAndNothingIsCreatedTwice()
    {
        var seed = Environment.TickCount;
        log.WriteLine($"seed {seed}");
        var random = new Random(seed);
        await using var sim = await SimulatorProcess.StartAsync("evacuation.yaml", Speed);
        await EvacuationSim.SetGateAsync(sim, on: true);
        // The random moment counts from when this process has the evacuation (started or attached), not from its start.
        var kills = await RandomKills.RunAsync(() => Drainctl.Start(EvacuationSim.Arguments(sim, database.ConnectionString)), Trials, random,
            TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(2500), log, WhenItHasTheEvacuationAsync);

        var (code, output) = await Drainctl.RunAsync(EvacuationSim.Arguments(sim, database.ConnectionString));
        log.WriteLine(output);

        Assert.True(code == 0, output);
        Assert.Contains("Attached to unfinished evacuation", output, StringComparison.Ordinal);
        var truth = await sim.GroundTruthDocumentAsync();
        EvacuationSim.AssertMovedOnce(truth, 10);
        // The simulator records every VMIM it admitted, by uid: a name created twice would show twice.
        var vmims = truth["migrations"]!.AsArray().Select(m => (Ns: m!["namespace"]!.GetValue<string>(), Name: m["name"]!.GetValue<string>())).ToList();
        Assert.Equal(20, vmims.Count);
        Assert.Equal(vmims.Count, vmims.Distinct().Count());
        Assert.Equal(10, vmims.Count(m => m.Ns == EvacuationSim.Source));

        var store = new EvacuationStore(database.DataSource);
        var evacuation = (await store.ListAsync(CancellationToken.None)).Single(e => e.SourceCluster == sim.Server.TrimEnd('/'));
        var journal = await store.JournalAsync(evacuation.Id, CancellationToken.None);
        Assert.True(kills >= 2, $"only {kills} kills before the evacuation finished; slow the scenario down");
        Assert.True(journal.Count(e => e.Kind == EvacuationJournalKinds.Owned) >= 2, "the evacuation was never resumed by another process");
        foreach (var created in journal.Where(e => e.ObjectName is not null && e.Kind.EndsWith(".intended", StringComparison.Ordinal))
            .GroupBy(e => (e.Side, e.ObjectName, e.Attempt)))
        {
            var kind = created.Single().Kind[..^".intended".Length];
            var outcomes = journal.Where(e => e.Side == created.Key.Side && e.ObjectName == created.Key.ObjectName && e.Attempt == created.Key.Attempt).ToList();
            Assert.True(outcomes.Count(e => e.Kind == kind + ".created") <= 1, $"{kind} {created.Key.ObjectName} created twice");
            Assert.Contains(outcomes, e => e.Kind == kind + ".created" || e.Kind == kind + ".adopted");
        }

        var vms = await store.VmsAsync(evacuation.Id, CancellationToken.None);
        Assert.All(vms, vm => Assert.Equal((EvacuationVmState.Succeeded, 1), (vm.State, vm.Attempt)));
        var epochs = journal.Select(e => e.LeaseEpoch).Where(e => e > 0).ToList();
        Assert.Equal(epochs.Order(), epochs);
    }

    private static async Task WhenItHasTheEvacuationAsync(ChildProcess engine)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Drainctl.Patience;
        while (!engine.HasExited && !engine.Output.Contains(" evacuation ", StringComparison.Ordinal) && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
