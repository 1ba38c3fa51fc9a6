using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Models;

public sealed class CniIpamRangeTests
{
    [Fact]
    public void Parse_WhereaboutsRange_SkipsTheNetworkAddress()
    {
        var (range, problem) = CniIpamRange.Parse("""{"cniVersion":"0.3.1","type":"macvlan","ipam":{"type":"whereabouts","range":"10.200.5.0/24"}}""");

        Assert.Null(problem);
        Assert.Equal("10.200.5.0/24", range!.Network.ToString());
        Assert.Equal(Value("10.200.5.1"), range.First);
        Assert.Equal(Value("10.200.5.254"), range.Last);
    }

    [Fact]
    public void Parse_WhereaboutsRangeStartAndEnd_HandsOutOnlyBetweenThem()
    {
        var (range, _) = CniIpamRange.Parse("""{"ipam":{"type":"whereabouts","range":"10.200.5.0/24","range_start":"10.200.5.10","range_end":"10.200.5.11"}}""");

        Assert.Equal(Value("10.200.5.10"), range!.First);
        Assert.Equal(Value("10.200.5.11"), range.Last);
    }

    [Fact]
    public void Parse_HostLocalRangesInAPluginList_ReadsTheFirstSubnet()
    {
        var (range, problem) = CniIpamRange.Parse(
            """{"cniVersion":"0.3.1","plugins":[{"type":"bridge","ipam":{"type":"host-local","ranges":[[{"subnet":"fd00:10::/64","rangeStart":"fd00:10::100"}]]}}]}""");

        Assert.Null(problem);
        Assert.Equal(Value("fd00:10::100"), range!.First);
        Assert.True(range.SubnetContains("fd00:10::ffff"));
    }

    [Theory]
    [InlineData("10.200.5.77", true)]
    [InlineData("10.200.6.1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("not an address", false)]
    public void SubnetContains_IPv4Range_TellsAddressesOfTheSubnet(string address, bool expected)
    {
        var (range, _) = CniIpamRange.Parse("""{"ipam":{"range":"10.200.5.0/24","range_start":"10.200.5.10"}}""");

        Assert.Equal(expected, range!.SubnetContains(address));
    }

    [Theory]
    [InlineData("fd00:10::abcd", true)]
    [InlineData("fd00:11::1", false)]
    [InlineData("10.128.0.1", false)]
    public void SubnetContains_IPv6Range_TellsAddressesOfTheSubnet(string address, bool expected)
    {
        var (range, _) = CniIpamRange.Parse("""{"ipam":{"ranges":[[{"subnet":"fd00:10::/64"}]]}}""");

        Assert.Equal(expected, range!.SubnetContains(address));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"type":"macvlan"}""", "no ipam section")]
    [InlineData("""{"ipam":{"type":"dhcp"}}""", "has no range")]
    [InlineData("""{"ipam":{"range":"10.200.5.0"}}""", "must be a CIDR")]
    [InlineData("""{"ipam":{"range":"10.200.5.0/24","range_start":"10.9.9.9"}}""", "must be an address inside")]
    public void Parse_Unusable_SaysWhatIsWrong(string config, string expected)
    {
        var (range, problem) = CniIpamRange.Parse(config);

        Assert.Null(range);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    private static System.Numerics.BigInteger Value(string address) =>
        new(System.Net.IPAddress.Parse(address).GetAddressBytes(), isUnsigned: true, isBigEndian: true);
}
