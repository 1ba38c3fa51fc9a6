using System.Text.RegularExpressions;
using DrainOrchestrator.Application.Drains;

namespace DrainOrchestrator.Server.Tests.Dashboard;

/// <summary>The drains page's state filter offers exactly the states the API filters by (one it refuses read as an error).</summary>
public sealed partial class DrainListFilterTests
{
    [Fact]
    public async Task StateFilter_OptionsAreTheApisDrainStates()
    {
        var html = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "src", "DrainOrchestrator.Server", "Dashboard", "wwwroot", "index.html"));
        var select = SelectOf().Match(html);
        Assert.True(select.Success, "index.html has no #state-filter");

        var offered = OptionValue().Matches(select.Value).Select(m => m.Groups[1].Value).Where(v => v.Length > 0).Order(StringComparer.Ordinal);

        Assert.Equal(Enum.GetNames<DrainStatus>().Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal), offered);
    }

    [GeneratedRegex("""<select id="state-filter">(.*?)</select>""", RegexOptions.Singleline)]
    private static partial Regex SelectOf();

    [GeneratedRegex("""<option value="([a-z]*)">""")]
    private static partial Regex OptionValue();
}
