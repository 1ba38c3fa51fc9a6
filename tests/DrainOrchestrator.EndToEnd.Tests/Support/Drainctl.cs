namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary><c>drainctl</c> run as its own process against a test database.</summary>
internal static class Drainctl
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>Starts <c>drainctl</c> with <paramref name="arguments"/>; the caller waits, or kills it.</summary>
    public static ChildProcess Start(params string[] arguments) => ChildProcess.Start(Programs.Drainctl, arguments);

    /// <summary>Runs <c>drainctl</c> to its exit.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        await using var process = Start(arguments);
        var code = await process.WaitForExitAsync(Patience);
        return (code, process.Output);
    }

    /// <summary>Runs <c>drainctl</c> to its exit with <paramref name="environment"/> added (e.g. a clock knob).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        await using var process = ChildProcess.Start(Programs.Drainctl, arguments, environment);
        var code = await process.WaitForExitAsync(Patience);
        return (code, process.Output);
    }
}
