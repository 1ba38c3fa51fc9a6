using DrainOrchestrator.Persistence.Embedded;

namespace DrainOrchestrator.Persistence.Tests.Embedded;

public sealed class DataDirectoryDefaultsTests
{
    [Fact]
    public void ForUser_XdgDataHomeSet_UsesIt() =>
        Assert.Equal("/data/me/drain-orchestrator/postgres", DataDirectoryDefaults.ForUser("/data/me", "/home/me"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/not/allowed")]
    public void ForUser_XdgDataHomeUnsetOrInvalid_UsesLocalShare(string? xdg) =>
        Assert.Equal("/home/me/.local/share/drain-orchestrator/postgres", DataDirectoryDefaults.ForUser(xdg, "/home/me"));
}
