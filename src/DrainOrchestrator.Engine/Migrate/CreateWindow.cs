namespace DrainOrchestrator.Engine.Migrate;

/// <summary>The token of one fenced create: cancelled at its deadline or with the run (<see cref="CreateFence"/>).</summary>
internal sealed class CreateWindow : IDisposable
{
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;

    public CreateWindow(TimeSpan deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        _deadline = new CancellationTokenSource(deadline, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
        Deadline = deadline;
    }

    /// <summary>The deadline the window was opened with.</summary>
    public TimeSpan Deadline { get; }

    /// <summary>Pass this to the create.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Whether the deadline (not the run) cancelled the create.</summary>
    public bool TimedOut => _deadline.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _deadline.Dispose();
    }
}
