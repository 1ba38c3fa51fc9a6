using System.Globalization;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>api-errors</c>: for the whole drain, one Kubernetes API request in ten (any verb, any resource, the
/// VMIM creates included) is answered 500, and every watch stream is cut after a random 1 s to 5 s.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class ApiErrorChaosTests(ITestOutputHelper log)
{
    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.ApiErrors)]
    public Task Chaos_TenPercentApiErrorsAndDroppedWatches_DrainCompletesWithoutDuplicatesLostRecordsOrViolations() =>
        ChaosCampaign.RunAsync(ChaosKinds.ApiErrors, ChaosKinds.DrainScenario, speed: 10, TestPostgresServer.GetAdminConnectionStringAsync, log,
            async run =>
            {
                var drop = run.Random.Next(1, 6).ToString(CultureInfo.InvariantCulture);
                await run.Sim.PostAdminAsync("/sim/v1/faults",
                    $$"""{"rules":[{"resource":"*","verb":"*","errorRate":0.1},{"resource":"*","verb":"watch","dropWatchAfter":"{{drop}}s"}]}""");
                run.Note($"API faults: 10% of requests answered 500, watches cut after {drop} s");
                var engine = run.StartEngine();
                var code = await engine.WaitForExitAsync(Drainctl.Patience);
                run.Note($"the engine exited {code}");
                return new ChaosDrive(code == 0, FaultHit: true);
            });
}
