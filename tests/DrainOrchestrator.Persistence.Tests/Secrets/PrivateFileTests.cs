using System.Runtime.Versioning;
using DrainOrchestrator.Persistence.Secrets;

namespace DrainOrchestrator.Persistence.Tests.Secrets;

[UnsupportedOSPlatform("windows")]
public sealed class PrivateFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("private-file-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WriteAsync_BeforeTheFirstByte_FileIsAlreadyOwnerOnly()
    {
        var path = Path.Combine(_dir, "secret");
        UnixFileMode? modeWhenWriting = null;

        await PrivateFile.WriteAsync(path, async (stream, ct) =>
        {
            modeWhenWriting = File.GetUnixFileMode(path);
            await stream.WriteAsync("s3cret"u8.ToArray(), ct);
        }, CancellationToken.None);

        Assert.Equal(PrivateFile.OwnerReadWrite, modeWhenWriting);
        Assert.Equal(PrivateFile.OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal("s3cret", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task WriteAsync_WorldReadableFileThere_ReplacedByAPrivateOne()
    {
        var path = Path.Combine(_dir, "secret");
        await File.WriteAllTextAsync(path, "old and longer content");
        File.SetUnixFileMode(path, PrivateFile.OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await PrivateFile.WriteAsync(path, "new", CancellationToken.None);

        Assert.Equal(PrivateFile.OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal("new", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Problem_GroupOrOthersMayRead_RefusedWithTheChmodThatFixesIt()
    {
        var path = Path.Combine(_dir, "password");
        await PrivateFile.WriteAsync(path, "pw", CancellationToken.None);
        Assert.Null(PrivateFile.Problem(path, "--db-password-file"));

        File.SetUnixFileMode(path, PrivateFile.OwnerReadWrite | UnixFileMode.GroupRead);
        var problem = PrivateFile.Problem(path, "--db-password-file");

        Assert.NotNull(problem);
        Assert.Contains("--db-password-file", problem, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 '{path}'", problem, StringComparison.Ordinal);
        Assert.Contains("0640", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_MissingFile_SaysSo() =>
        Assert.Contains("does not exist", PrivateFile.Problem(Path.Combine(_dir, "nope"), "--db-password-file"), StringComparison.Ordinal);
}
