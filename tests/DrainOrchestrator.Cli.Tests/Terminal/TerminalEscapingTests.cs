using DrainOrchestrator.Cli.Clock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrainOrchestrator.Cli.Tests.Terminal;

/// <summary>No control character from input or from the cluster reaches drainctl's terminal, in its output or its logs.</summary>
public sealed class TerminalEscapingTests
{
    [Fact]
    public async Task Drainctl_ControlCharactersInWhatItEchoes_EscapedOnTheTerminal()
    {
        var run = await DrainctlRun.RunAsync("workflow", "validate", "/nonexistent/\u001b[2Jwf.yaml", "--param", "\u001b]0;owned\u0007");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("\\x1b]0;owned\\x07", run.Error, StringComparison.Ordinal);
        Assert.Contains("\\x1b[2Jwf.yaml", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Error + run.Output);
        Assert.DoesNotContain('\u0007', run.Error + run.Output);
    }

    [Fact]
    public void LogFormatter_TenantTextInAMessage_OneLineWithEscapes()
    {
        var formatter = new EscapingConsoleFormatter(DrainctlClock.Current);
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Warning, "DrainOrchestrator.Engine", new EventId(3001), "vm prod/\u001b[31mdb\nforged: line",
            null, (state, _) => "migration of " + state + " failed");

        formatter.Write(entry, null, writer);

        var line = writer.ToString();
        Assert.EndsWith(Environment.NewLine, line, StringComparison.Ordinal);
        Assert.Single(line.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("warn: DrainOrchestrator.Engine[3001] migration of vm prod/\\x1b[31mdb\\x0aforged: line failed", line, StringComparison.Ordinal);
    }
}
