namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>The shared drain-sim launcher as these tests start it: the drain-sim they were built with, their scenarios.</summary>
internal static class SimulatorStarts
{
    extension(SimulatorProcess)
    {
        /// <summary>Starts drain-sim on <paramref name="scenario"/> (a file under Scenarios/ or a built-in name), with further flags.</summary>
        public static Task<SimulatorProcess> StartAsync(string scenario, double speed, params string[] extra)
        {
            var file = Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario);
            return SimulatorProcess.StartAsync(
                new SimulatorLaunch(Programs.DrainSim, File.Exists(file) ? file : scenario, speed)
                {
                    Arguments = extra,
                    StartupTimeout = TimeSpan.FromSeconds(60),
                },
                CancellationToken.None);
        }
    }

    extension(SimulatorProcess sim)
    {
        /// <summary>The simulator's account of what really happened, with the reads the tests judge by.</summary>
        public async Task<GroundTruth> GroundTruthAsync() => new(await sim.GroundTruthDocumentAsync(CancellationToken.None));
    }
}
