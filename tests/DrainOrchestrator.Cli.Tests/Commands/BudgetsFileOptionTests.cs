using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary><c>--budgets-file</c>: read with the policy's options, before any cluster is opened; every problem at its line.</summary>
public sealed class BudgetsFileOptionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("budgets-file-").FullName;

    [Fact]
    public async Task Drain_InvalidBudgetsFile_EveryProblemWithFileAndLine()
    {
        var path = Write("bad.yaml", """
            - name: db
              selector: {matchLabels: {app: db}}
              maxInFlight: 1
              maxUnavailable: 1
            - nonsense
            """);

        var run = await Drain("--budgets-file", path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"--budgets-file {path}:1:3: budgets[0]: budget 'db': must set exactly one of maxInFlight and maxUnavailable", run.Error, StringComparison.Ordinal);
        Assert.Contains($"--budgets-file {path}:5:3: budgets[1]: must read NAME=SELECTOR:max=K", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_GoodBudgetsFileWithBudgetOption_AcceptedTogether()
    {
        var path = Write("good.json", """[{"name": "db", "selector": {"matchLabels": {"app": "db"}}, "maxInFlight": 1}]""");

        var run = await Drain("--budgets-file", path, "--budget", "lb=app=lb:unavailable=1");

        Assert.DoesNotContain("budget", run.Error, StringComparison.Ordinal);
        Assert.Contains("kubeconfig", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_MissingBudgetsFile_SaysItCannotBeRead()
    {
        var run = await Drain("--budgets-file", Path.Combine(_folder, "absent.yaml"));

        Assert.Contains("--budgets-file cannot read", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<DrainctlRun> Drain(params string[] extra) =>
        DrainctlRun.RunAsync(["drain", "--kubeconfig", "/nonexistent/kubeconfig", "--node", "w1", .. extra, "--db", database.ConnectionString]);
}
