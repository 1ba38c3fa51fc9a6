using System.Security.Cryptography;
using DrainOrchestrator.Persistence.Secrets;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>Creates and initialises a data directory on first use; returns the superuser's password.</summary>
internal static class DataDirectoryInitializer
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly string[] Settings =
    [
        "",
        "# Added by DrainOrchestrator: a private server reachable only on loopback TCP.",
        "listen_addresses = '127.0.0.1'",
        "unix_socket_directories = ''",
        "max_connections = 200",
        "logging_collector = off",
    ];

    public static async Task<string> EnsureAsync(EmbeddedLayout layout, PostgresBinaries binaries, string? runAs,
        ILogger logger, CancellationToken cancellationToken)
    {
        if (layout.IsInitialised)
        {
            return File.Exists(layout.PasswordFile)
                ? (await File.ReadAllTextAsync(layout.PasswordFile, cancellationToken)).Trim()
                : throw new EmbeddedPostgresException(
                    $"The data directory {layout.DataDirectory} exists but its password file {layout.PasswordFile} is missing. Restore that file, or move the data directory away to start afresh.");
        }

        if (Directory.Exists(layout.DataDirectory) && Directory.EnumerateFileSystemEntries(layout.DataDirectory).Any())
        {
            throw new EmbeddedPostgresException(
                $"{layout.DataDirectory} is not empty but holds no PostgreSQL data (no PG_VERSION), perhaps from an interrupted first start. Remove it to start afresh, or choose another data directory.");
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The private PostgreSQL server runs on Linux; on Windows give a connection string with --db.");
        }

        logger.InitialisingDataDirectory(layout.DataDirectory);
        Directory.CreateDirectory(layout.DataDirectory, OwnerOnly);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var passwordInput = layout.DataDirectory + ".pwinput";
        await PrivateFile.WriteAsync(passwordInput, password, cancellationToken);
        try
        {
            if (runAs is not null)
            {
                await ChownAsync(runAs, layout.DataDirectory, cancellationToken);
                await ChownAsync(runAs, passwordInput, cancellationToken);
            }

            var init = await OsCommand.RunAsync(binaries.Program("initdb"),
            [
                "-D", layout.DataDirectory, "-U", EmbeddedPostgres.SuperUser, "--pwfile", passwordInput,
                "--auth", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-instructions",
            ], runAs, cancellationToken);
            if (!init.Succeeded)
            {
                TryClear(layout.DataDirectory);
                throw new EmbeddedPostgresException(
                    $"initdb failed for {layout.DataDirectory}{(runAs is null ? string.Empty : $" (run as OS user '{runAs}', who must be able to reach that directory)")}: {init.Output}");
            }
        }
        finally
        {
            File.Delete(passwordInput);
        }

        await File.AppendAllLinesAsync(Path.Combine(layout.DataDirectory, "postgresql.conf"), Settings, cancellationToken);
        await PrivateFile.WriteAsync(layout.PasswordFile, password, cancellationToken);
        return password;
    }

    private static async Task ChownAsync(string user, string path, CancellationToken cancellationToken)
    {
        var result = await OsCommand.RunAsync("chown", [user + ":", path], runAsUser: null, cancellationToken);
        if (!result.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"Cannot hand {path} to OS user '{user}': {result.Output}. The server runs as '{user}' when started by root; install the PostgreSQL server package (apt-get install -y postgresql) to create that user.");
        }
    }

    private static void TryClear(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the operator; the error message names the directory.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
