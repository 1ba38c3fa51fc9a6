using System.Diagnostics.Metrics;
using DrainOrchestrator.Engine.Telemetry;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// Core's share of each pass: the engine's own measurement of every scheduler decision (its decision-duration
/// histogram), heard through a <see cref="MeterListener"/> as any exporter would.
/// </summary>
internal sealed class DecisionClock : IDisposable
{
    private const string Instrument = "drain_orchestrator.scheduler.decision.duration";
    private readonly Lock _gate = new();
    private readonly List<double> _milliseconds = [];
    private readonly MeterListener _listener = new();

    public DecisionClock()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Name == Instrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            lock (_gate)
            {
                _milliseconds.Add(seconds * 1000);
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<double> Milliseconds
    {
        get
        {
            lock (_gate)
            {
                return [.. _milliseconds];
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
