namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>
/// Directories an embedded server's data may live below when drainctl runs as root: the server then runs as the
/// <c>postgres</c> OS user, which must be able to pass through every directory on the way.
/// </summary>
public static class ReachableDirectory
{
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="path"/> (and its missing parents) readable and passable by every user, 0755.</summary>
    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, Mode);
        File.SetUnixFileMode(path, Mode);
    }
}
