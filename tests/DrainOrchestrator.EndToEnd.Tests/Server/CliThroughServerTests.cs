using System.Text.RegularExpressions;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Server;

/// <summary>
/// <c>drainctl --server URL</c> runs every command through the API with the same output as embedded mode: the same
/// drain read both ways prints the same status and reports, the signals print alike, and a drain run through the
/// server prints the same lines as one run in this process (progress lines in the same form).
/// </summary>
public sealed partial class CliThroughServerTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    [Fact]
    public async Task DrainStatusReportSignals_ThroughServer_SameOutputAsEmbedded()
    {
        await using var embeddedSim = await SimulatorProcess.StartAsync("forty.yaml", Speed);
        await using var sim = await SimulatorProcess.StartAsync("forty.yaml", Speed);
        var directory = Path.GetDirectoryName(sim.KubeconfigPath)!;
        var tokens = await ApiTokens.CreateAsync(directory);
        var tokenFile = Path.Combine(directory, "operator-token");
        await BearerTokenFile.WriteAsync(tokenFile, tokens.Operator);
        await using var server = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        string[] remote = ["--server", server.Url.ToString(), "--token-file", tokenFile];
        string[] local = ["--db", database.ConnectionString];
        string[] drain = ["drain", "--node", "src-1", "--non-migratable", "skip", "--retry-backoff-seconds", "1"];

        var (embeddedCode, embeddedOut) = await Drainctl.RunAsync([.. drain, "--kubeconfig", embeddedSim.KubeconfigPath, .. local]);
        var (remoteCode, remoteOut) = await Drainctl.RunAsync([.. drain, .. remote]);

        Assert.True(embeddedCode == 0, embeddedOut);
        Assert.True(remoteCode == 0, remoteOut);
        Assert.Equal(Normalized(embeddedOut), Normalized(remoteOut));
        Assert.Contains(Lines(remoteOut), l => Progress().IsMatch(l));
        var name = DrainName().Match(remoteOut).Groups["name"].Value;
        string[][] reads = [["status", name], ["report", name], ["report", name, "--format", "json"], ["report", name, "--format", "csv"]];
        foreach (var read in reads)
        {
            var (localCode, localOut) = await Drainctl.RunAsync([.. read, .. local]);
            var (serverCode, serverOut) = await Drainctl.RunAsync([.. read, .. remote]);
            // A JSON report says when it was generated: the only line the two runs may differ in.
            Assert.Equal((0, GeneratedAt().Replace(localOut, string.Empty)), (serverCode, GeneratedAt().Replace(serverOut, string.Empty)));
            Assert.Equal(0, localCode);
        }
    }

    [Fact]
    public async Task PauseResumeCancel_ThroughServer_SameOutputAsEmbedded()
    {
        // Slow creates keep the drain running through the five drainctl processes below (each a dotnet start-up, seconds
        // on a loaded runner): the cancel must find it unfinished.
        await using var sim = await SimulatorProcess.StartAsync("forty.yaml", 1, "--fault", "virtualmachineinstancemigrations/create:delay=2s");
        var directory = Path.GetDirectoryName(sim.KubeconfigPath)!;
        var tokens = await ApiTokens.CreateAsync(directory);
        var tokenFile = Path.Combine(directory, "operator-token");
        await BearerTokenFile.WriteAsync(tokenFile, tokens.Operator);
        await using var server = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        string[] remote = ["--server", server.Url.ToString(), "--token-file", tokenFile];
        string[] local = ["--db", database.ConnectionString];
        var name = await ServerDrains.StartWithCurlAsync(server, tokens.Operator, "src-2");
        await ServerDrains.WaitRecordedStateAsync(server.Client(tokens.Viewer), name, "running", TimeSpan.FromMinutes(2));

        var pausedRemote = await Drainctl.RunAsync(["pause", name, .. remote]);
        var resumedLocal = await Drainctl.RunAsync(["resume", name, .. local]);
        var pausedLocal = await Drainctl.RunAsync(["pause", name, .. local]);
        var resumedRemote = await Drainctl.RunAsync(["resume", name, .. remote]);
        var cancelledRemote = await Drainctl.RunAsync(["cancel", name, .. remote]);
        // Cancelling again is answered from the drain's state, which moves from cancelling to cancelled on its own: both
        // front doors are asked once it has ended, so that they answer the same state.
        Assert.Equal("cancelled", (await ServerDrains.WaitFinalAsync(server.Client(tokens.Viewer), TimeSpan.FromMinutes(3), name))[name]);
        var cancelledAgainLocal = await Drainctl.RunAsync(["cancel", name, .. local]);
        var cancelledAgainRemote = await Drainctl.RunAsync(["cancel", name, .. remote]);

        Assert.Equal(pausedLocal, pausedRemote);
        Assert.Equal(resumedLocal, resumedRemote);
        Assert.Equal(0, pausedRemote.ExitCode);
        Assert.Equal(0, cancelledRemote.ExitCode);
        Assert.Equal(cancelledAgainLocal, cancelledAgainRemote);
    }

    // The lines of a drain's run with its name, id and ETAs replaced, and the progress lines (whose number depends on
    // timing) dropped after checking their form.
    private static List<string> Normalized(string output) =>
        Lines(output).Where(l => !Progress().IsMatch(l))
            .Select(l => Regex.Replace(l, @"drain-\d{8}-\d{6}-[0-9a-f]{6}", "NAME"))
            .Select(l => Regex.Replace(l, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID"))
            .ToList();

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("info", StringComparison.Ordinal));

    [GeneratedRegex(@"^src-\d: moved \d+/\d+, in flight \d+, failed attempts \d+ \(retrying \d+\), given up \d+(, skipped \d+)?(  \[paused\])?(  ETA \d+s)?$")]
    private static partial Regex Progress();

    [GeneratedRegex("^  \"generatedAt\": \"[^\"]+\",$", RegexOptions.Multiline)]
    private static partial Regex GeneratedAt();

    [GeneratedRegex(@"drain (?<name>drain-\S+) \(")]
    private static partial Regex DrainName();
}
