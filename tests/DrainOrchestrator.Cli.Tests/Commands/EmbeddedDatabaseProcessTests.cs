using System.Diagnostics;
using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary>
/// The real drainctl binary with no --db: it must start a private PostgreSQL for an ordinary user in that user's
/// XDG data directory, serve, and stop it on exit. Under root the test runs drainctl as a dedicated unprivileged user.
/// </summary>
public sealed class EmbeddedDatabaseProcessTests
{
    private const string TestUser = "drainorch-test";

    [Fact]
    public async Task Migrate_NoDbAsOrdinaryUser_StartsPrivateServerInXdgDataHomeAndStopsIt()
    {
        var home = Path.Combine(TestPostgresServer.TestDataRoot, "home-" + Guid.NewGuid().ToString("N")[..12]);
        ReachableDirectory.Create(TestPostgresServer.TestDataRoot);
        var isRoot = Environment.UserName == "root";
        var app = CopyDrainctl();
        try
        {
            Directory.CreateDirectory(home);
            if (isRoot)
            {
                await EnsureUserAsync();
                await RunAsync("chown", ["-R", $"{TestUser}:", home]);
            }

            var xdg = Path.Combine(home, "data");
            string[] drainctl = [DotnetHost(), Path.Combine(app, "drainctl.dll"), "db", "migrate"];
            string[] env = ["env", $"HOME={home}", $"XDG_DATA_HOME={xdg}", "DRAIN_DB=", "DOTNET_CLI_HOME=" + home];
            var command = isRoot ? ["runuser", "-u", TestUser, "--", .. env, .. drainctl] : env.Concat(drainctl).ToArray();

            var (code, output) = await RunAsync(command[0], command[1..]);

            Assert.True(code == 0, $"drainctl failed ({code}): {output}");
            Assert.Matches(@"Applied \d+ schema file\(s\)", output);
            var dataDirectory = Path.Combine(xdg, "drain-orchestrator", "postgres");
            Assert.True(File.Exists(Path.Combine(dataDirectory, "PG_VERSION")), $"no data directory at {dataDirectory}");
            Assert.False(File.Exists(Path.Combine(dataDirectory, "postmaster.pid")), "the server was left running");

            (code, output) = await RunAsync(command[0], command[1..]);
            Assert.True(code == 0, $"second run failed ({code}): {output}");
            Assert.Contains("Schema up to date", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
            Directory.Delete(app, recursive: true);
        }
    }

    private static string CopyDrainctl()
    {
        // The unprivileged user may not reach the build tree (a clone under /root, say): run a world-readable copy.
        var source = Path.GetDirectoryName(typeof(DrainctlApplication).Assembly.Location)!;
        var target = Path.Combine(TestPostgresServer.TestDataRoot, "drainctl-" + Guid.NewGuid().ToString("N")[..12]);
        ReachableDirectory.Create(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static async Task EnsureUserAsync()
    {
        var (exists, _) = await RunAsync("id", ["-u", TestUser]);
        if (exists != 0)
        {
            var (code, output) = await RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TestUser]);
            Assert.True(code == 0, $"useradd failed: {output}");
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
