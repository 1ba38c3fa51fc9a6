using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine.Progress;
using Spectre.Console;

namespace DrainOrchestrator.Cli.Progress;

/// <summary>
/// Follows a drain with the progress display the caller asked for: live bars redrawn in place on a terminal (at most
/// every <see cref="Redraw"/>, whatever the engine's pace), plain lines otherwise.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>How often the live display redraws.</summary>
    public static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs <paramref name="follow"/> with a progress sink, and returns what it returns.</summary>
    public static Task<T> FollowAsync<T>(ProgressMode mode, ConsoleTerminal? terminal, TextWriter output, string title, TimeProvider time,
        Func<IProgress<DrainProgress>, CancellationToken, Task<T>> follow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(follow);
        return FollowAsync(mode, terminal, output, title, time, (progress, _, ct) => follow(progress, ct), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="follow"/> with a progress sink and a notice sink, and returns what it returns. A notice (what
    /// the run now waits for, and what to do about it) is a line of its own in plain output and follows the title in the
    /// live display; null clears it there.
    /// </summary>
    public static async Task<T> FollowAsync<T>(ProgressMode mode, ConsoleTerminal? terminal, TextWriter output, string title, TimeProvider time,
        Func<IProgress<DrainProgress>, IProgress<string?>, CancellationToken, Task<T>> follow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(follow);
        var live = mode switch
        {
            ProgressMode.Live => terminal ?? throw new InvalidRequestException([new RequestProblem("output",
                "--output live needs drainctl's stdout to be a console; use --output plain (or auto) when its output is captured")]),
            ProgressMode.Auto when terminal is { IsInteractive: true } => terminal,
            _ => null,
        };
        if (live is null)
        {
            return await follow(new PlainProgressPrinter(output), new PlainNotices(output), cancellationToken);
        }

        var latest = new Latest<DrainProgress>();
        var notice = new Latest<string>();
        int Height() => live.Console.Profile.Height;
        string Heading() => notice.Value is { } text ? $"{title} · {text}" : title;
        return await live.Console.Live(LiveProgressRendering.Render(title, null, Height())).AutoClear(false).Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                // The timer runs before the follow starts: its first reports are redrawn on the next tick.
                using var timer = new PeriodicTimer(Redraw, time);
                var run = follow(latest, notice, cancellationToken);
                while (true)
                {
                    var tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
                    if (await Task.WhenAny(run, tick) == run || !tick.IsCompletedSuccessfully)
                    {
                        break;
                    }

                    context.UpdateTarget(LiveProgressRendering.Render(Heading(), latest.Value, Height()));
                }

                // The last report before the end is drawn too, however soon it came after the last redraw.
                context.UpdateTarget(LiveProgressRendering.Render(Heading(), latest.Value, Height()));
                return await run;
            });
    }

    // Keeps the newest report; the engine reports from its own thread.
    private sealed class Latest<TValue> : IProgress<TValue?>
        where TValue : class
    {
        private TValue? _value;

        public TValue? Value => Volatile.Read(ref _value);

        public void Report(TValue? value) => Volatile.Write(ref _value, value);
    }

    // Prints each notice as a line of its own (a cleared one prints nothing).
    private sealed class PlainNotices(TextWriter output) : IProgress<string?>
    {
        public void Report(string? value)
        {
            if (value is not null)
            {
                output.WriteLine(value);
            }
        }
    }
}
