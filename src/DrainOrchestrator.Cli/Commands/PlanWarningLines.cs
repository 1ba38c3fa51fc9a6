namespace DrainOrchestrator.Cli.Commands;

/// <summary>A plan's warnings in the table output: one line each under the headline, before the VMs.</summary>
internal static class PlanWarningLines
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<string> warnings)
    {
        foreach (var warning in warnings)
        {
            await output.WriteLineAsync("  warning: " + warning);
        }
    }
}
