using System.Security.Cryptography;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Server.Auth;
using DrainOrchestrator.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Server;

/// <summary>
/// <c>drainctl serve</c>: checks the options (every problem at once), opens the database (embedded unless a connection
/// string is given) and the cluster, serves the API until the cancellation token fires or the process gets
/// SIGTERM, then stops taking jobs and lets running drains release their leases for another replica.
/// </summary>
public static class DrainServer
{
    /// <summary>The start of the line printed on <c>output</c> once the server is ready; the URL follows.</summary>
    public const string ListeningPrefix = "drainctl serve listening on ";

    /// <summary>
    /// Runs the server. Throws <see cref="InvalidServeOptionsException"/> for bad options (nothing started),
    /// <see cref="ClusterUnavailableException"/> when the cluster cannot be read, and the database's errors as the
    /// other commands see them.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="time">The server's wall clock (the system clock, or drainctl's test knob for clocks set off).</param>
    /// <param name="output">Gets one line, <see cref="ListeningPrefix"/> and the URL, once the server is ready.</param>
    /// <param name="log">Gets the log lines (text or JSON per <see cref="ServeOptions.LogFormat"/>).</param>
    /// <param name="cancellationToken">Stops the server gracefully.</param>
    public static async Task RunAsync(ServeOptions options, TimeProvider time, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        var (tokens, certificate, database) = Check(options);
        var logs = new WriterLoggerProvider(log, options.LogFormat, time);
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information)
            .AddFilter(ServerHost.OwnCategories, options.OwnLogLevel).AddFilter("Npgsql", LogLevel.Warning));
        using (certificate)
        {
            await using var db = await DrainDatabase.OpenAsync(database, time, loggerFactory, cancellationToken);
            await using var cluster = await ClusterConnection.OpenAsync(new ClusterTarget(options.Kubeconfig, options.Context,
                options.LeaseNamespace, options.AllowInsecureKubernetes)
            { Prometheus = options.Prometheus }, time, loggerFactory,
                cancellationToken);
            var connectionString = database.ConnectionString ?? db.Embedded!.ApplicationConnectionString;
            await using var app = ServerHost.Build(options, tokens, certificate, db.DataSource, connectionString, cluster, logs, time);
            await app.StartAsync(cancellationToken);
            var url = app.Urls.First();
            var logger = loggerFactory.CreateLogger("DrainOrchestrator.Server");
            var where = db.Describe();
            ServerLog.Listening(logger, url, where, cluster.Cluster);
            await output.WriteLineAsync(ListeningPrefix + url);
            await output.FlushAsync(CancellationToken.None);

            try
            {
                await WaitForStopAsync(app.Lifetime, cancellationToken);
                ServerLog.ShuttingDown(logger);
                await app.StopAsync(CancellationToken.None);
            }
            finally
            {
                // Hangfire opens its connections through Npgsql's process-wide pool for this connection string, which
                // outlives the host: close them, or a process that runs servers one after another (the tests) keeps
                // every stopped server's idle connections until the pool prunes them minutes later.
                using var hangfire = new NpgsqlConnection(connectionString);
                NpgsqlConnection.ClearPool(hangfire);
            }
        }
    }

    private static async Task WaitForStopAsync(IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var byCaller = cancellationToken.Register(() => stop.TrySetResult());
        await using var bySignal = lifetime.ApplicationStopping.Register(() => stop.TrySetResult());
        await stop.Task;
    }

    // Every problem with the options, the tokens file, the certificate and the database options, at once.
    private static (IReadOnlyList<ApiToken> Tokens, ServerCertificate? Certificate, DatabaseOptions Database) Check(ServeOptions options)
    {
        var problems = options.Problems().ToList();
        IReadOnlyList<ApiToken> tokens = [];
        if (options.TokensFile is { } file && File.Exists(file))
        {
            try
            {
                tokens = TokenFile.Load(file);
            }
            catch (InvalidServeOptionsException ex)
            {
                problems.AddRange(ex.Problems);
            }
        }

        ServerCertificate? certificate = null;
        if (options.TlsCertificate is { } cert && options.TlsKey is { } key && File.Exists(cert) && File.Exists(key))
        {
            try
            {
                certificate = ServerCertificate.Load(cert, key);
            }
            catch (CryptographicException ex)
            {
                problems.Add($"--tls-cert/--tls-key: cannot load the PEM certificate and key ({ex.Message})");
            }
        }

        DatabaseOptions? database = null;
        try
        {
            database = DatabaseOptions.FromCommandLine(options.Database, null, passwordFile: options.DatabasePasswordFile);
        }
        catch (ArgumentException ex)
        {
            problems.Add("--db: " + ex.Message.TrimEnd('.'));
        }

        if (problems.Count > 0)
        {
            certificate?.Dispose();
            throw new InvalidServeOptionsException(problems);
        }

        return (tokens, certificate, database!);
    }
}
