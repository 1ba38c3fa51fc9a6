using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>
/// One engine loses its database (a proxy between them is cut) while the server stays up for everyone else, and another
/// engine takes the drain over meanwhile: when the first one gets its database back it must stop without acting.
/// </summary>
public sealed class OutageTakeOverTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Unavailable = 3030;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task RunAsync_LeaseTakenOverDuringOutage_StopsWithoutActingAndOtherEngineCompletes()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3");
        for (var i = 0; i < 8; i++)
        {
            cluster.AddVmi($"a{i}", "w1");
        }

        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = TcpProxy.Start(direct.Host!, direct.Port);
        await using var proxied = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = proxy.Port,
        }.ConnectionString);
        var logger = new RecordingLogger();
        var lease = TimeSpan.FromSeconds(2);
        var engineA = new DrainHarness(proxied, cluster)
        {
            OptionsFor = holder => DrainHarness.Options(holder) with
            {
                LeaseDuration = lease,
                DatabaseRetryDelay = TimeSpan.FromMilliseconds(100),
                DatabaseRetryMaxDelay = TimeSpan.FromMilliseconds(500),
            },
            Logger = logger,
            RunTimeout = Patience * 2,
        };
        var id = await engineA.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var createsAtCut = -1;
        Lease? takenOver = null;

        var first = await engineA.RunAsync(id, "engine-a", async () =>
        {
            if (createsAtCut >= 0 || cluster.CreateCount < 3)
            {
                return;
            }

            using var patience = new CancellationTokenSource(Patience);
            await proxy.CutAsync();
            var cutAt = TimeProvider.System.GetUtcNow();
            createsAtCut = cluster.CreateCount;
            await logger.WhenLoggedAsync(Unavailable, patience.Token);
            while (TimeProvider.System.GetUtcNow() <= cutAt + lease + TimeSpan.FromMilliseconds(200))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, patience.Token);
            }

            takenOver = await new LeaseStore(database.DataSource).TryAcquireAsync(
                OwnershipLease.NameFor(id), "engine-b", TimeSpan.FromMinutes(5), patience.Token);
            proxy.Restore();
        });
        var creates = cluster.CreateCount;
        var second = await new DrainHarness(database.DataSource, cluster).RunAsync(id, "engine-b");

        foreach (var entry in logger.Entries)
        {
            output.WriteLine($"{entry.EventId} {entry.Level}: {entry.Message}");
        }

        Assert.NotNull(takenOver);
        Assert.Equal(DrainRunState.Lost, first.State);
        Assert.Equal(createsAtCut, creates);
        var journal = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync(id, CancellationToken.None);
        Assert.DoesNotContain(journal, e => e.Actor == "engine-a" && e.LeaseEpoch >= takenOver!.Epoch);
        Assert.DoesNotContain(journal, e => e.ReadEvent() is DatabaseReconnected);
        Assert.True(second.Succeeded, second.Reason);
        Assert.Empty(cluster.VmisOn("w1"));
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
    }
}
