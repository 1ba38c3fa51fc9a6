namespace DrainOrchestrator.Cli.Tests;

/// <summary>drainctl run in-process, with what it printed.</summary>
internal sealed record DrainctlRun(int ExitCode, string Output, string Error)
{
    public static async Task<DrainctlRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await DrainctlApplication.RunAsync(args, output, error);
        return new DrainctlRun(code, output.ToString(), error.ToString());
    }
}
