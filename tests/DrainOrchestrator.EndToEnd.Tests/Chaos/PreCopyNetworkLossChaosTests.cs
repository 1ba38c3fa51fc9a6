using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>network-loss-precopy</c>: once or twice during the drain, at a random moment, a migration caught in its
/// pre-copy transfer loses its target's migration network for 2 to 5 model seconds. The transfer fails (the guest keeps
/// running on its source), so does any other transfer into that node, and the engine retries them. Runs at half the
/// speed of the other kinds so that every transfer lasts long enough to be caught.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class PreCopyNetworkLossChaosTests(ITestOutputHelper log)
{
    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.NetworkLossPreCopy)]
    public Task Chaos_TargetNetworkLostDuringPreCopy_FailedTransfersRetriedAndDrainCompletes() =>
        ChaosCampaign.RunAsync(ChaosKinds.NetworkLossPreCopy, ChaosKinds.DrainScenario, speed: 5, TestPostgresServer.GetAdminConnectionStringAsync, log,
            async run =>
            {
                var engine = run.StartEngine();
                await engine.WaitForOutputAsync("drain drain-", Drainctl.Patience);
                var wanted = run.Random.Next(1, 3);
                var struck = 0;
                for (var tries = 0; struck < wanted && tries < 8 && !engine.HasExited; tries++)
                {
                    await Task.WhenAny(engine.WaitForExitAsync(Drainctl.Patience), Task.Delay(run.RandomDelay(0, 1500)));
                    var transfer = await NetworkLoss.FindTransferAsync(run, engine, "PreCopy");
                    if (transfer is null)
                    {
                        break;
                    }

                    var seconds = run.Random.Next(2, 6);
                    await NetworkLoss.InjectAsync(run, transfer.TargetNode, seconds);
                    var end = await NetworkLoss.EndOfAsync(run, transfer.MigrationUid);
                    var reason = end["failureReason"]?.GetValue<string>();
                    var hit = reason?.Contains("migration connection to node", StringComparison.Ordinal) == true;
                    struck += hit ? 1 : 0;
                    run.Note($"network of {transfer.TargetNode} cut for {seconds} s while {transfer.Vmi} was in pre-copy: "
                        + $"{end["outcome"]} {reason}");
                }

                var code = await engine.WaitForExitAsync(Drainctl.Patience);
                run.Note($"the engine exited {code} after {struck} pre-copy transfer(s) lost their network");
                return new ChaosDrive(code == 0, struck > 0);
            });
}
