using System.Globalization;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>ambiguous-create</c>: 20% to 40% of VMIM creates are carried out (the VMIM exists) and then answered
/// 500 or, in the other half of the runs, with a connection reset and no answer at all, so that the engine cannot tell
/// from the answer whether its VMIM exists. virt-api admits through a lagging cache; in half of the runs a second engine
/// runs the same drain. Every engine must exit 0 with the drain completed, each VM migrated once and recorded as it was.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class AmbiguousCreateChaosTests(ITestOutputHelper log)
{
    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.AmbiguousCreate)]
    public Task Chaos_CreatesCommittedThenAnswered500OrReset_EachVmMigratedOnceAndRecordedAsItWas() =>
        ChaosCampaign.RunAsync(ChaosKinds.AmbiguousCreate, ChaosKinds.DrainScenario, speed: 10, TestPostgresServer.GetAdminConnectionStringAsync, log,
            async run =>
            {
                await run.LagAdmissionAsync();
                var rate = (run.Random.Next(20, 41) / 100.0).ToString(CultureInfo.InvariantCulture);
                var answer = run.Random.Next(2) == 0 ? "error" : "reset";
                await run.Sim.PostAdminAsync("/sim/v1/faults",
                    $$"""{"resource":"virtualmachineinstancemigrations","verb":"create","ambiguousRate":{{rate}},"ambiguousAnswer":"{{answer}}"}""");
                run.Note($"{rate} of the VMIM creates are carried out, then answered {(answer == "error" ? "500" : "with a connection reset")}");
                var engines = new List<ChildProcess> { run.StartEngine() };
                if (run.Random.Next(2) == 0)
                {
                    await Task.Delay(run.RandomDelay(0, 1500));
                    engines.Add(run.StartEngine());
                }

                var codes = await Task.WhenAll(engines.Select(e => e.WaitForExitAsync(Drainctl.Patience)));
                var ambiguous = (await run.Sim.GetAdminAsync("/sim/v1/faults"))["ambiguousAnswered"]!.GetValue<long>();
                run.Note($"engine(s) exited {string.Join(", ", codes)}; {ambiguous} create(s) answered ambiguously");
                return new ChaosDrive(codes.All(c => c == 0), ambiguous > 0);
            });
}
