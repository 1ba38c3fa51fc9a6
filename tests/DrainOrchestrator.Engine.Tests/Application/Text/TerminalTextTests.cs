using DrainOrchestrator.Application.Text;

namespace DrainOrchestrator.Engine.Tests.Application.Text;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("vm-\u001b[2J\u001b]0;owned\u0007", "vm-\\x1b[2J\\x1b]0;owned\\x07")]
    [InlineData("line\nforged: ok", "line\\x0aforged: ok")]
    [InlineData("over\rwrite", "over\\x0dwrite")]
    [InlineData("nul\0del\u007fc1\u009b", "nul\\x00del\\x7fc1\\x9b")]
    [InlineData("evil\u202egnp.exe", "evil\\u202egnp.exe")]
    [InlineData("split\u2028line", "split\\u2028line")]
    public void Escape_ControlAndReorderingCharacters_BecomeVisibleEscapes(string text, string expected) =>
        Assert.Equal(expected, TerminalText.Escape(text));

    [Theory]
    [InlineData("vm-42")]
    [InlineData("prod/db-0 (Ümlaut, 数据库)")]
    [InlineData("")]
    public void Escape_OrdinaryText_Unchanged(string text) => Assert.Same(text, TerminalText.Escape(text));

    [Fact]
    public void Escape_Null_StaysNull() => Assert.Null(TerminalText.Escape(null));

    [Fact]
    public void EscapeKeepingLines_LineBreaksAndTabsPass_EscapesDoNot() =>
        Assert.Equal("a\tb\nc\r\nd\\x0de\\x1b[31m", TerminalText.EscapeKeepingLines("a\tb\nc\r\nd\re\u001b[31m"));

    [Fact]
    public async Task TerminalWriter_EveryWayOfWriting_Escaped()
    {
        using var inner = new StringWriter { NewLine = "\n" };
        using var writer = new TerminalWriter(inner);

        writer.Write('\u001b');
        writer.Write("[1m");
        writer.Write("a\u0007".ToCharArray(), 0, 2);
        writer.WriteLine("b\u009b");
        await writer.WriteAsync("c\u001b");
        await writer.WriteLineAsync("d\u202e");
        await writer.WriteLineAsync("e\u0008".AsMemory());
        writer.Write('\n');

        Assert.Equal("\\x1b[1ma\\x07b\\x9b\nc\\x1bd\\u202e\ne\\x08\n\n", inner.ToString());
    }
}
