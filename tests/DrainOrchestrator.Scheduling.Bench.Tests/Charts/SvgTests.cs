using System.Xml.Linq;
using DrainOrchestrator.Scheduling.Bench.Charts;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Charts;

public sealed class SvgTests
{
    [Fact]
    public void ToString_WellFormedXmlWithEscapedTextAndInvariantNumbers()
    {
        var svg = new Svg(100, 50)
            .Rect(1.005, 2, 3.333, 4, "#fff", title: "a < b & \"c\"")
            .Line(0, 0, 10, 10, "black", dash: "4 2")
            .Text(5, 5, "x > y", rotate: -90);

        var document = XDocument.Parse(svg.ToString());

        XNamespace ns = "http://www.w3.org/2000/svg";
        var rect = document.Root!.Elements(ns + "rect").Last();
        Assert.Equal("3.33", rect.Attribute("width")!.Value);
        Assert.Equal("a < b & \"c\"", rect.Element(ns + "title")!.Value);
        Assert.Equal("x > y", document.Root.Element(ns + "text")!.Value);
    }

    [Fact]
    public void Rect_NegativeSize_DrawnEmpty()
    {
        var document = XDocument.Parse(new Svg(10, 10).Rect(0, 0, -5, 3, "red").ToString());

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("0", document.Root!.Elements(ns + "rect").Last().Attribute("width")!.Value);
    }
}
