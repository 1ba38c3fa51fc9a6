using DrainOrchestrator.Simulator.Api.Selectors;

namespace DrainOrchestrator.Simulator.Tests.Selectors;

public sealed class SelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "db", ["tier"] = "gold", ["kubevirt.io/nodeName"] = "n1" };

    [Theory]
    [InlineData("app=db", true)]
    [InlineData("app==db", true)]
    [InlineData("app!=db", false)]
    [InlineData("missing!=x", true)]
    [InlineData("tier in (gold, silver)", true)]
    [InlineData("tier notin (gold)", false)]
    [InlineData("missing notin (gold)", true)]
    [InlineData("app", true)]
    [InlineData("!app", false)]
    [InlineData("!missing", true)]
    [InlineData("app=db,tier=bronze", false)]
    [InlineData("kubevirt.io/nodeName=n1", true)]
    [InlineData("", true)]
    public void LabelSelector_Parse_MatchesAsKubernetes(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels));

    [Theory]
    [InlineData("a b")]
    [InlineData("tier in (gold")]
    [InlineData("tier in gold")]
    [InlineData("-bad=x")]
    public void LabelSelector_Malformed_ThrowsFormatException(string selector) =>
        Assert.Throws<FormatException>(() => LabelSelector.Parse(selector));

    [Fact]
    public void LabelSelector_EmptyValue_MatchesEmptyLabel()
    {
        var selector = LabelSelector.Parse("role=");

        Assert.True(selector.Matches(new Dictionary<string, string> { ["role"] = "" }));
    }

    [Theory]
    [InlineData("spec.nodeName=n1", true)]
    [InlineData("spec.nodeName==n1", true)]
    [InlineData("spec.nodeName!=n1", false)]
    [InlineData("spec.nodeName=n1,status.phase!=Succeeded", true)]
    [InlineData("status.phase=Running", false)]
    public void FieldSelector_Parse_MatchesFieldValues(string selector, bool expected)
    {
        var fields = new Dictionary<string, string> { ["spec.nodeName"] = "n1", ["status.phase"] = "Pending" };

        Assert.Equal(expected, FieldSelector.Parse(selector).Matches(fields));
    }

    [Fact]
    public void FieldSelector_WithoutOperator_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => FieldSelector.Parse("spec.nodeName"));
}
