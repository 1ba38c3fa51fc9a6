using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DrainOrchestrator.Bench.Harness.Analysis;

/// <summary>
/// The engine's debug log, read for the migrate loop's passes (3050 begins, 3051 decided), attempt observations (3021)
/// and starts (3020). Two shapes are read: <c>drainctl drain -v</c> (single lines, UTC time of day to the millisecond)
/// and <c>drainctl serve --verbose --log-format json</c> (one JSON object per line with <c>time</c>, <c>eventId</c> and
/// <c>message</c>). Other lines are skipped. The lines must come from one engine at a time: pass markers carry no drain.
/// </summary>
public sealed partial class EngineLog
{
    private EngineLog(IReadOnlyList<EnginePass> passes) => Passes = passes;

    /// <summary>Every pass of the migrate loop, in order.</summary>
    public IReadOnlyList<EnginePass> Passes { get; }

    /// <summary>Whether the log had pass markers at all (an engine without them, or a run without -v, has none).</summary>
    public bool HasPasses => Passes.Count > 0;

    /// <summary>Parses <paramref name="lines"/>; times of day (drainctl's shape) are placed on the day nearest to <paramref name="around"/>.</summary>
    public static EngineLog Parse(IEnumerable<string> lines, DateTimeOffset around)
    {
        var passes = new List<EnginePass>();
        EnginePass? current = null;
        foreach (var line in lines)
        {
            if (Read(line, around) is not { } entry)
            {
                continue;
            }

            var (eventId, at, message) = entry;

            switch (eventId)
            {
                case "3050":
                    current = new EnginePass(long.Parse(PassNumber().Match(message).Value, CultureInfo.InvariantCulture), at);
                    passes.Add(current);
                    break;
                case "3051" when current is not null:
                    current.DecidedAt = at;
                    current.DecisionMilliseconds = double.Parse(DecidedIn().Match(message).Groups["ms"].Value, CultureInfo.InvariantCulture);
                    break;
                case "3021" when current is not null && ObservedPattern().Match(message) is { Success: true } observed:
                    current.Observed.Add(new EngineEvent(observed.Groups["vmim"].Value, observed.Groups["outcome"].Value, at));
                    break;
                case "3020" when current is not null && StartedPattern().Match(message) is { Success: true } started:
                    current.Started.Add(new EngineEvent(started.Groups["vmim"].Value, "started", at));
                    break;
            }
        }

        return new EngineLog(passes);
    }

    // (event id, time, message) of a line of either shape, or null for any other line.
    private static (string EventId, DateTimeOffset At, string Message)? Read(string line, DateTimeOffset around)
    {
        if (line.StartsWith('{'))
        {
            // A JSON log line: only the engine's pass and attempt events are worth parsing.
            if (!line.Contains("\"eventId\":30", StringComparison.Ordinal))
            {
                return null;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                return root.TryGetProperty("eventId", out var id) && root.TryGetProperty("time", out var time)
                    && root.TryGetProperty("message", out var message)
                    ? (id.GetInt32().ToString(CultureInfo.InvariantCulture), time.GetDateTimeOffset(), message.GetString() ?? string.Empty)
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var match = LinePattern().Match(line);
        return match.Success
            ? (match.Groups["event"].Value,
                Place(TimeSpan.ParseExact(match.Groups["time"].Value, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture), around),
                match.Groups["message"].Value)
            : null;
    }

    private static DateTimeOffset Place(TimeSpan timeOfDay, DateTimeOffset around)
    {
        var day = new DateTimeOffset(around.UtcDateTime.Date, TimeSpan.Zero);
        var candidates = new[] { day.AddDays(-1) + timeOfDay, day + timeOfDay, day.AddDays(1) + timeOfDay };
        return candidates.MinBy(c => Math.Abs((c - around).Ticks));
    }

    [GeneratedRegex(@"^(?<time>\d\d:\d\d:\d\d\.\d{3}) \w+: [\w.]+\[(?<event>\d+)\] (?<message>.*)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex PassNumber();

    [GeneratedRegex(@"decided in (?<ms>[\d.]+) ms")]
    private static partial Regex DecidedIn();

    [GeneratedRegex(@"^(?<vmim>\S+) is (?<outcome>\S+)$")]
    private static partial Regex ObservedPattern();

    [GeneratedRegex(@"^Started (?<vmim>\S+) for ")]
    private static partial Regex StartedPattern();
}

/// <summary>One pass of the migrate loop as logged.</summary>
public sealed class EnginePass(long number, DateTimeOffset beganAt)
{
    public long Number { get; } = number;

    public DateTimeOffset BeganAt { get; } = beganAt;

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>From the pass's beginning to the end of its starts, as the engine measured it.</summary>
    public double? DecisionMilliseconds { get; set; }

    /// <summary>Attempt observations recorded in this pass (after their journal write).</summary>
    public List<EngineEvent> Observed { get; } = [];

    /// <summary>VMIMs created in this pass (logged after the create and its journal write).</summary>
    public List<EngineEvent> Started { get; } = [];
}

/// <summary>One logged event about one VMIM.</summary>
public sealed record EngineEvent(string Vmim, string What, DateTimeOffset At);
