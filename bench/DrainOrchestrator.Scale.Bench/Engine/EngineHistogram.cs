using System.Diagnostics.Metrics;
using DrainOrchestrator.Engine.Telemetry;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// One of the engine's own duration histograms (<see cref="EngineMetrics"/>), heard through a
/// <see cref="MeterListener"/> as any exporter would: every measurement, in milliseconds.
/// </summary>
internal sealed class EngineHistogram : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<double> _milliseconds = [];
    private readonly MeterListener _listener = new();

    public EngineHistogram(string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Name == instrumentName)
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
