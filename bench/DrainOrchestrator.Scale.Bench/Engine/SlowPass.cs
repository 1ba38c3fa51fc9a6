namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>A pass that took long: how long, the GC pause inside it, and the engine's events in it with their times.</summary>
internal sealed record SlowPass(double Milliseconds, bool Quiet, TimeSpan GcPause, int FullCollections, IReadOnlyList<(int Event, double AtMs, string? Text)> Trail)
{
    public override string ToString() =>
        $"{Milliseconds:0.0} ms{(Quiet ? " (quiet)" : "")}, GC pause {GcPause.TotalMilliseconds:0.0} ms, gen 2 GCs {FullCollections}: "
        + string.Join(" ", Trail.Select(t => $"{t.Event}@{t.AtMs:0.0}" + (t.Text is null ? "" : $" [{t.Text}]")));
}
