using DrainOrchestrator.Engine.Network;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Tests.Network;

public sealed class MigrationNetworkJudgeTests
{
    private static readonly MigrationNetworkConfig V4 = Configured("""{"ipam":{"type":"whereabouts","range":"192.168.50.0/24"}}""");
    private static readonly MigrationNetworkConfig V6 = Configured("""{"ipam":{"type":"host-local","ranges":[[{"subnet":"fd00:50::/64"}]]}}""");

    [Theory]
    [InlineData("192.168.50.7", true)]
    [InlineData("10.128.0.2", false)]
    public void Judge_IPv4Network_OnItWhenTheTargetAddressIsInItsSubnet(string address, bool expected)
    {
        var judged = MigrationNetworkJudge.Judge(Succeeded(address), V4);

        Assert.Equal(new AttemptNetwork(address, "kubevirt/migration-net", expected), judged.Network);
    }

    [Theory]
    [InlineData("fd00:50::2", true)]
    [InlineData("fd00:51::2", false)]
    [InlineData("10.128.0.2", false)]
    public void Judge_IPv6Network_OnItWhenTheTargetAddressIsInItsSubnet(string address, bool expected)
    {
        Assert.Equal(expected, MigrationNetworkJudge.Judge(Succeeded(address), V6).Network!.OnMigrationNetwork);
    }

    [Fact]
    public void Judge_NoNetworkConfigured_RecordsTheAddressAndNoVerdict()
    {
        var judged = MigrationNetworkJudge.Judge(Succeeded("10.128.0.2"), MigrationNetworkConfig.PodNetwork);

        Assert.Equal(new AttemptNetwork("10.128.0.2", null, null), judged.Network);
        Assert.False(judged.Network!.MissedMigrationNetwork);
    }

    [Fact]
    public void Judge_DefinitionAbsent_MissedWithTheProblemInTheDescription()
    {
        var absent = new MigrationNetworkConfig("kubevirt/migration-net", null, "NetworkAttachmentDefinition kubevirt/migration-net ... does not exist");
        var observation = MigrationNetworkJudge.Judge(Succeeded("10.128.0.2"), absent);

        Assert.True(observation.Network!.MissedMigrationNetwork);
        Assert.Contains("does not exist", MigrationNetworkJudge.Describe(Record(), observation, absent), StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_DefinitionUnreadable_NoVerdict()
    {
        var unreadable = new MigrationNetworkConfig("kubevirt/migration-net", null, "forbidden", Readable: false);

        Assert.Null(MigrationNetworkJudge.Judge(Succeeded("10.128.0.2"), unreadable).Network!.OnMigrationNetwork);
    }

    [Fact]
    public void Describe_MissOnAnUsableNetwork_NamesTheNodeTheSubnetAndTheFix()
    {
        var observation = MigrationNetworkJudge.Judge(Succeeded("10.128.0.2") with { TargetNode = "worker-3" }, V4);

        var text = MigrationNetworkJudge.Describe(Record(), observation, V4);

        Assert.Contains("db/pg to worker-3 used the pod network", text, StringComparison.Ordinal);
        Assert.Contains("192.168.50.0/24", text, StringComparison.Ordinal);
        Assert.Contains("restart virt-handler there", text, StringComparison.Ordinal);
        Assert.Contains("a retry cannot succeed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NotSucceeded_Unchanged()
    {
        var failed = new AttemptObservation(AttemptOutcome.Failed, FailureReason: "x");

        Assert.Same(failed, MigrationNetworkJudge.Judge(failed, V4));
    }

    private static MigrationNetworkConfig Configured(string config) =>
        new("kubevirt/migration-net", CniIpamRange.Parse(config).Range, null);

    private static AttemptObservation Succeeded(string address) =>
        new(AttemptOutcome.Succeeded, TargetNode: "worker-2", Network: new AttemptNetwork(address, null, null));

    private static AttemptRecord Record() => new(1, Guid.Empty, 1, 1, "db", "pg", "uid", "worker-1", null, "vmim", null, null,
        AttemptOutcome.Running, null, null, null, null, "{}", false, DateTimeOffset.UnixEpoch, null, null, null);
}
