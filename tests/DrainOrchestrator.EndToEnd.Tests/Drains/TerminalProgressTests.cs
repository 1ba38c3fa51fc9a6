using System.Text.RegularExpressions;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// <c>drainctl drain</c> on a real terminal (a pseudo-terminal from util-linux's <c>script</c>): live per-node bars
/// redrawn in place; with stdout captured, plain lines and no escape sequence.
/// </summary>
public sealed partial class TerminalProgressTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Drain_OnATerminal_BarsRedrawnInPlaceThenTheOutcome()
    {
        await using var sim = await SimulatorProcess.StartAsync("forty.yaml", 25);
        var (arguments, environment) = DatabasePasswordArgument.Separate(
            ["dotnet", Programs.Drainctl, "drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2",
                "--non-migratable", "skip", "--retry-backoff-seconds", "1", "--db", database.ConnectionString], null);
        environment["TERM"] = "xterm-256color";
        environment["COLUMNS"] = "150";
        environment["LINES"] = "50";

        await using var process = ChildProcess.StartProgram("script", ["--quiet", "--flush", "--return", "--command", Shell(arguments), "/dev/null"], environment);
        var code = await process.WaitForExitAsync(Drainctl.Patience);

        var output = process.Output;
        Assert.True(code == 0, output);
        Assert.Matches(CursorUp(), output);
        Assert.Contains("src-1", output, StringComparison.Ordinal);
        Assert.Contains("In flight", output, StringComparison.Ordinal);
        Assert.Contains("█", output, StringComparison.Ordinal);
        Assert.Contains("39/39 100%", output, StringComparison.Ordinal);
        Assert.Contains("succeeded", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(PlainLine(), output);
    }

    [Fact]
    public async Task Drain_StdoutCaptured_PlainLinesWithoutEscapes()
    {
        await using var sim = await SimulatorProcess.StartAsync("forty.yaml", 25);

        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2",
            "--non-migratable", "skip", "--retry-backoff-seconds", "1", "--db", database.ConnectionString);

        Assert.True(code == 0, output);
        Assert.DoesNotContain('\u001b', output);
        Assert.Matches(PlainLine(), output);
    }

    private static string Shell(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

    [GeneratedRegex(@"\u001b\[\d+A")]
    private static partial Regex CursorUp();

    [GeneratedRegex(@"(?m)^all: moved \d+/\d+, in flight \d+, .*\|  src-1 \d+/\d+")]
    private static partial Regex PlainLine();
}
