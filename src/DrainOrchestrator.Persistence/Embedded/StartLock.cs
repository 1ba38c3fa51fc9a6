namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>
/// An exclusive lock file (flock underneath) serialising start, adoption and stop of one data directory across
/// processes. The kernel releases it if the holder dies.
/// </summary>
internal sealed class StartLock : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _stream;

    private StartLock(FileStream stream) => _stream = stream;

    public static async Task<StartLock> AcquireAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new StartLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(RetryDelay, time, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
