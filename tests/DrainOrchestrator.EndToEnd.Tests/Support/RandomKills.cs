using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>
/// The crash tests' loop: start drainctl, SIGKILL it at a random moment, start it again, up to a number of trials or
/// until one run finishes by itself. The seeded <see cref="Random"/> and every kill's moment go to the test's log.
/// </summary>
internal static class RandomKills
{
    /// <summary>
    /// Runs the loop and returns how many processes it killed. Each delay is drawn from <paramref name="minDelay"/> to
    /// <paramref name="maxDelay"/>, counted from when <paramref name="ready"/> returns (at once when null): on a loaded
    /// machine drainctl's start-up alone can outlast a delay counted from its start, and then no kill is mid-work.
    /// </summary>
    public static async Task<int> RunAsync(
        Func<ChildProcess> start, int trials, Random random, TimeSpan minDelay, TimeSpan maxDelay, ITestOutputHelper log,
        Func<ChildProcess, Task>? ready = null)
    {
        var kills = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            await using var engine = start();
            if (ready is not null)
            {
                await ready(engine);
            }

            var delay = TimeSpan.FromMilliseconds(random.Next((int)minDelay.TotalMilliseconds, (int)maxDelay.TotalMilliseconds));
            await Task.WhenAny(engine.WaitForExitAsync(Drainctl.Patience), Task.Delay(delay));
            if (engine.HasExited)
            {
                log.WriteLine($"trial {trial}: finished by itself ({engine.ExitCode})\n{engine.Output}");
                break;
            }

            await engine.KillAsync();
            kills++;
            log.WriteLine($"trial {trial}: killed after {delay.TotalMilliseconds} ms");
        }

        return kills;
    }
}
