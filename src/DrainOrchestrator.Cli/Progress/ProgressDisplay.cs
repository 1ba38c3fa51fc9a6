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
    public static async Task<T> FollowAsync<T>(ProgressMode mode, ConsoleTerminal? terminal, TextWriter output, string title, TimeProvider time,
        Func<IProgress<DrainProgress>, CancellationToken, Task<T>> follow, CancellationToken cancellationToken)
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
            return await follow(new PlainProgressPrinter(output), cancellationToken);
        }

        var latest = new LatestProgress();
        int Height() => live.Console.Profile.Height;
        return await live.Console.Live(LiveProgressRendering.Render(title, null, Height())).AutoClear(false).Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                // The timer runs before the follow starts: its first reports are redrawn on the next tick.
                using var timer = new PeriodicTimer(Redraw, time);
                var run = follow(latest, cancellationToken);
                while (true)
                {
                    var tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
                    if (await Task.WhenAny(run, tick) == run || !tick.IsCompletedSuccessfully)
                    {
                        break;
                    }

                    context.UpdateTarget(LiveProgressRendering.Render(title, latest.Value, Height()));
                }

                // The last report before the end is drawn too, however soon it came after the last redraw.
                context.UpdateTarget(LiveProgressRendering.Render(title, latest.Value, Height()));
                return await run;
            });
    }

    // Keeps the newest report; the engine reports from its own thread.
    private sealed class LatestProgress : IProgress<DrainProgress>
    {
        private DrainProgress? _value;

        public DrainProgress? Value => Volatile.Read(ref _value);

        public void Report(DrainProgress value) => Volatile.Write(ref _value, value);
    }
}
