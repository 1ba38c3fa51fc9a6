using DrainOrchestrator.Application.Text;

namespace DrainOrchestrator.Engine.Tests.Application.Text;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void Format_FormulaStart_PrefixedWithAnApostropheAndQuoted(string text, string expected) =>
        Assert.Equal(expected, CsvCell.Format(text));

    [Theory]
    [InlineData("vm-1", "vm-1")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\ronly", "\"cr\ronly\"")]
    [InlineData("a=b", "a=b")]
    public void Format_OrdinaryText_QuotedOnlyWhenItMustBe(string text, string expected) =>
        Assert.Equal(expected, CsvCell.Format(text));

    [Fact]
    public void Format_NumbersAndNull_InvariantAndEmpty()
    {
        Assert.Equal("3", CsvCell.Format(3));
        Assert.Equal("True", CsvCell.Format(true));
        Assert.Equal(string.Empty, CsvCell.Format(null));
    }
}
