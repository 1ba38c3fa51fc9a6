using DrainOrchestrator.Persistence.Secrets;

namespace DrainOrchestrator.Testing;

/// <summary>A bearer token in a file for <c>drainctl --token-file</c>, private as drainctl insists (0600).</summary>
public static class BearerTokenFile
{
    /// <summary>Writes <paramref name="token"/> to a new owner-only file at <paramref name="path"/> and returns the path.</summary>
    public static async Task<string> WriteAsync(string path, string token)
    {
        await PrivateFile.WriteAsync(path, token + "\n", CancellationToken.None);
        return path;
    }
}
