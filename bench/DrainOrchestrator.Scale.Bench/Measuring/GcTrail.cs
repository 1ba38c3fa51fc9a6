using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace DrainOrchestrator.Scale.Bench.Measuring;

/// <summary>
/// Why the runtime collected: each gen 2 collection's reason and kind (blocking or background), and the largest
/// large-object allocations sampled, from the runtime's own events. A blocking gen 2 collection breaks the pass and
/// refill targets, and its reason says which allocation to remove.
/// </summary>
internal sealed class GcTrail : EventListener
{
    private const int GcStart = 1;
    private const int AllocationTick = 10;
    private const long GcKeyword = 0x1;
    private readonly ConcurrentQueue<string> _full = new();
    private readonly ConcurrentDictionary<string, long> _large = new(StringComparer.Ordinal);

    /// <summary>Each gen 2 collection since the listener started: its number, reason and kind.</summary>
    public IReadOnlyList<string> FullCollections => [.. _full];

    /// <summary>The types sampled in large-object allocations, by the bytes sampled (about every 100 KB allocated).</summary>
    public IReadOnlyList<(string Type, long Bytes)> LargeAllocations =>
        [.. _large.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value))];

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId == GcStart && Field<uint>(eventData, "Depth") == 2)
        {
            _full.Enqueue($"#{Field<uint>(eventData, "Count")} {Reason(Field<uint>(eventData, "Reason"))} {Kind(Field<uint>(eventData, "Type"))}");
        }
        else if (eventData.EventId == AllocationTick && Field<uint>(eventData, "AllocationKind") == 1)
        {
            var type = eventData.PayloadNames?.Contains("TypeName") == true ? eventData.Payload![eventData.PayloadNames.IndexOf("TypeName")] as string : null;
            _large.AddOrUpdate(type ?? "?", Field<uint>(eventData, "AllocationAmount"), (_, sum) => sum + Field<uint>(eventData, "AllocationAmount"));
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
