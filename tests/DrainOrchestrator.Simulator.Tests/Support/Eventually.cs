namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>Polls a condition until it holds; the deadline only guards against a hang (no timing is asserted).</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? deadline = null)
        where T : class
    {
        using var timeout = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.False(timeout.IsCancellationRequested, $"gave up waiting for {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    public static Task UntilAsync(Func<Task<bool>> probe, string what, TimeSpan? deadline = null) =>
        UntilAsync<object>(async () => await probe() ? new object() : null, what, deadline);
}
