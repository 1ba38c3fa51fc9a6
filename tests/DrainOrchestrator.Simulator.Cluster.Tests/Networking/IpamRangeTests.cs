namespace DrainOrchestrator.Simulator.Cluster.Tests.Networking;

public sealed class IpamRangeTests
{
    [Fact]
    public void Parse_WhereaboutsRange_SkipsTheNetworkAddress()
    {
        var (range, problem) = IpamRange.Parse("""{"cniVersion":"0.3.1","type":"macvlan","ipam":{"type":"whereabouts","range":"10.200.5.0/24"}}""");

        Assert.Null(problem);
        Assert.Equal("10.200.5.1", range!.AddressAt(0));
        Assert.Equal("10.200.5.3", range.AddressAt(2));
        Assert.Equal(254, (int)range.Size);
    }

    [Fact]
    public void Parse_WhereaboutsRangeStartAndEnd_HandsOutOnlyBetweenThem()
    {
        var (range, _) = IpamRange.Parse("""{"ipam":{"type":"whereabouts","range":"10.200.5.0/24","range_start":"10.200.5.10","range_end":"10.200.5.11"}}""");

        Assert.Equal("10.200.5.10", range!.AddressAt(0));
        Assert.Equal("10.200.5.11", range.AddressAt(1));
        Assert.Null(range.AddressAt(2));
    }

    [Fact]
    public void Parse_HostLocalRangesInAPluginList_ReadsTheFirstSubnet()
    {
        var (range, problem) = IpamRange.Parse(
            """{"cniVersion":"0.3.1","plugins":[{"type":"bridge","ipam":{"type":"host-local","ranges":[[{"subnet":"fd00:10::/64","rangeStart":"fd00:10::100"}]]}}]}""");

        Assert.Null(problem);
        Assert.Equal("fd00:10::100", range!.AddressAt(0));
        Assert.Equal("fd00:10::101", range.AddressAt(1));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"type":"macvlan"}""", "no ipam section")]
    [InlineData("""{"ipam":{"type":"dhcp"}}""", "has no range")]
    [InlineData("""{"ipam":{"range":"10.200.5.0"}}""", "must be a CIDR")]
    [InlineData("""{"ipam":{"range":"10.200.5.0/24","range_start":"10.9.9.9"}}""", "must be an address inside")]
    public void Parse_Unusable_SaysWhatIsWrong(string config, string expected)
    {
        var (range, problem) = IpamRange.Parse(config);

        Assert.Null(range);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
