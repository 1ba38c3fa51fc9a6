using Npgsql;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// Repeats a database call of the run's prologue (finding the drain, taking its lease) while the database is
/// unreachable, with the outage rider's backoff, up to <see cref="DrainEngineOptions.DatabaseOutageTimeout"/>: a
/// PostgreSQL restart in the first instants of a run is ridden out as one later on is (<see cref="DatabaseOutage"/>),
/// not reported as the run's failure. Past the timeout it throws <see cref="DatabaseOutageException"/>.
/// </summary>
internal static class DatabaseRetry
{
    public static async Task<T> UntilAnsweredAsync<T>(NpgsqlDataSource dataSource, DrainEngineOptions options, TimeProvider time,
        Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (Exception ex) when (DatabaseOutage.IsOutage(ex, cancellationToken))
            {
                var elapsed = time.GetUtcNow() - since;
                if (elapsed >= options.DatabaseOutageTimeout)
                {
                    throw new DatabaseOutageException(
                        $"the database was unreachable for {Math.Round(elapsed.TotalSeconds, 1)}s as the run began, longer than the outage "
                        + $"timeout of {Math.Round(options.DatabaseOutageTimeout.TotalSeconds, 1)}s (last error: "
                        + $"{Persistence.Database.DatabaseErrors.Describe(ex)}). Nothing was done; run the same command again.", ex);
                }

                // Pooled connections to a server that went away are dead: the next try opens a new one.
                dataSource.Clear();
                await Task.Delay(DatabaseOutage.Backoff(attempt, options.DatabaseRetryDelay, options.DatabaseRetryMaxDelay, Random.Shared.NextDouble()),
                    time, cancellationToken);
            }
        }
    }
}
