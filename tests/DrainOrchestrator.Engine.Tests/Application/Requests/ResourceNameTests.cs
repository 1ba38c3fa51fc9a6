using DrainOrchestrator.Application.Requests;

namespace DrainOrchestrator.Engine.Tests.Application.Requests;

/// <summary>Names the API's paths address: printable, at most 200 characters, no '/' (created, it could never be read back).</summary>
public sealed class ResourceNameTests
{
    [Theory]
    [InlineData("nightly")]
    [InlineData("a b.c_d-e")]
    [InlineData("über-wartung")]
    public void Problem_AUsableName_None(string name) => Assert.Null(ResourceName.Problem(name, "the schedule's name"));

    [Theory]
    [InlineData("a b/c", "must not contain '/'")]
    [InlineData("..", "must not contain '/' nor be '.' or '..'")]
    [InlineData(".", "must not contain '/' nor be '.' or '..'")]
    [InlineData("", "must be 1 to 200 printable characters")]
    [InlineData("  ", "must be 1 to 200 printable characters")]
    [InlineData("tab\there", "must be 1 to 200 printable characters")]
    public void Problem_AnUnusableName_SaysWhy(string name, string expected)
    {
        var problem = ResourceName.Problem(name, "the schedule's name");

        Assert.NotNull(problem);
        Assert.StartsWith("the schedule's name " + expected, problem, StringComparison.Ordinal);
        Assert.EndsWith($"was '{name}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_TooLong_Named() =>
        Assert.Contains("1 to 200", ResourceName.Problem(new string('x', 201), "the drain's name"), StringComparison.Ordinal);
}
