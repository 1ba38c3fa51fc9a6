using System.Runtime.Versioning;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary>
/// <c>--token-file</c> holds a bearer token, a password: drainctl reads it only when nobody but its owner can (as for
/// <c>--db-password-file</c>), and says how to fix it before any request is sent.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class TokenFileOptionTests : IDisposable
{
    // Nothing listens here: a command that contacted the server would fail differently (exit 3, "could not be reached").
    private const string Nowhere = "http://127.0.0.1:9";

    private readonly string _directory = Directory.CreateTempSubdirectory("token-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "0644")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupRead, "0440")]
    public async Task ReadableByOthers_RefusedNamingTheModeAndTheChmodExit2(UnixFileMode mode, string shown)
    {
        var path = Path.Combine(_directory, "token");
        await File.WriteAllTextAsync(path, "secret-token\n");
        File.SetUnixFileMode(path, mode);

        var run = await DrainctlRun.RunAsync("status", "some-drain", "--server", Nowhere, "--token-file", path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--token-file: file '{path}' may be read by others (mode {shown}): make it private with chmod 600 '{path}'", run.Error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("could not be reached", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_RefusedNamingTheFileExit2()
    {
        var path = Path.Combine(_directory, "absent");

        var run = await DrainctlRun.RunAsync("status", "some-drain", "--server", Nowhere, "--token-file", path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--token-file: file '{path}' does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnerOnly_ReadAndTheServerContacted()
    {
        var path = await BearerTokenFile.WriteAsync(Path.Combine(_directory, "token"), "secret-token");

        var run = await DrainctlRun.RunAsync("status", "some-drain", "--server", Nowhere, "--token-file", path);

        Assert.NotEqual(ExitCodes.BadInput, run.ExitCode);
        Assert.DoesNotContain("--token-file", run.Error, StringComparison.Ordinal);
    }
}
