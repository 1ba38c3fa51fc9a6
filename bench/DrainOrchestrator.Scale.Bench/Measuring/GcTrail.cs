using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace DrainOrchestrator.Scale.Bench.Measuring;

/// <summary>
/// Why the runtime collected: each gen 2 collection's reason and kind (blocking or background), from the runtime's own
/// events at their informational level (one event per collection: the allocation samples, a verbose event every
/// ~100 KB allocated, would add their own CPU and allocations to the engine's per-migration figures). A blocking gen 2
/// collection breaks the pass and refill targets, and its reason says what to look for. Events arrive asynchronously:
/// a collection in the run's last instant may be missing.
/// </summary>
internal sealed class GcTrail : EventListener
{
    private const int GcStart = 1;
    private const long GcKeyword = 0x1;
    private readonly ConcurrentQueue<string> _full = new();

    /// <summary>Each gen 2 collection since the listener started: its number, reason and kind.</summary>
    public IReadOnlyList<string> FullCollections => [.. _full];

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId == GcStart && Field<uint>(eventData, "Depth") == 2)
        {
            _full.Enqueue($"#{Field<uint>(eventData, "Count")} {Reason(Field<uint>(eventData, "Reason"))} {Kind(Field<uint>(eventData, "Type"))}");
        }
    }

    private static T Field<T>(EventWrittenEventArgs e, string name) where T : struct =>
        e.PayloadNames?.IndexOf(name) is int i && i >= 0 && e.Payload![i] is T value ? value : default;

    private static string Reason(uint reason) => reason switch
    {
        0 => "small allocation",
        1 => "induced",
        2 => "low memory",
        4 => "large allocation",
        5 => "out of space (small heap)",
        6 => "out of space (large heap)",
        7 => "induced, not forced",
        _ => $"reason {reason}",
    };

    private static string Kind(uint type) => type switch
    {
        0 => "blocking",
        1 => "background",
        2 => "foreground during background",
        _ => $"type {type}",
    };
}
