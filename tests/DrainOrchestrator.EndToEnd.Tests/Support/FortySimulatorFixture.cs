namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>One simulator of <c>forty.yaml</c> for a test class whose tests change nothing in it.</summary>
public sealed class FortySimulatorFixture : IAsyncLifetime
{
    private SimulatorProcess? _sim;

    internal SimulatorProcess Sim => _sim ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _sim = await SimulatorProcess.StartAsync("forty.yaml", 25);

    public async Task DisposeAsync()
    {
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }
    }
}
