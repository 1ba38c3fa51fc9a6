namespace DrainOrchestrator.Persistence.Secrets;

/// <summary>
/// Files that hold a secret: created readable by their owner only before the first byte is written, and read only when
/// nobody else can read them (as libpq and ssh insist).
/// </summary>
public static class PrivateFile
{
    /// <summary>Owner read and write (0600).</summary>
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Writes <paramref name="content"/> to a new file created with mode 0600, so the secret is never readable by others,
    /// not even for an instant. A file already at <paramref name="path"/> is replaced, not reused with its own mode.
    /// </summary>
    public static Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WriteAsync(path, async (stream, ct) =>
        {
            await using var writer = new StreamWriter(stream, leaveOpen: true);
            await writer.WriteAsync(content.AsMemory(), ct);
        }, cancellationToken);
    }

    /// <summary>
    /// Creates a new file with mode 0600 and lets <paramref name="write"/> fill it: the mode is set by the call that
    /// creates the file (not by a chmod after writing), so the secret is never readable by others.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        await using var stream = new FileStream(path, options);
        await write(stream, cancellationToken);
    }

    /// <summary>
    /// Why the secret file at <paramref name="path"/> must not be used, or null when it is private: it must exist and
    /// be readable by its owner only. <paramref name="what"/> names it in the message, e.g. <c>--db-password-file</c>.
    /// </summary>
    public static string? Problem(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return $"{what}: file '{path}' does not exist";
        }

        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        return (mode & GroupOrOthers) == 0
            ? null
            : $"{what}: file '{path}' may be read by others (mode {Octal(mode)}): make it private with chmod 600 '{path}'";
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
