using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Metrics;

/// <summary>
/// deploy/base/prometheusrule.yaml names only metrics this server exports: each name is either scraped from /metrics
/// now, or is the Prometheus name of one of the server's or engine's instruments (a counter that has not counted yet is
/// not exported until it does).
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class AlertRuleMetricsTests(MetricsServerFixture server)
{
    [Fact]
    public async Task PrometheusRule_NamesOnlyMetricsTheServerExports()
    {
        using var client = server.Client(null);
        var scraped = SampleName().Matches(await client.GetStringAsync("/metrics")).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("drain_orchestrator_drains_owned", scraped);
        var instruments = PublishedInstruments();

        var rules = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "base", "prometheusrule.yaml"));
        var named = MetricName().Matches(rules).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(named);
        var unknown = named.Where(n => !scraped.Contains(n) && !instruments.Contains(n)).ToList();
        Assert.True(unknown.Count == 0, "not exported: " + string.Join(", ", unknown));

        // The name mapping below agrees with the exporter wherever both are seen.
        Assert.All(scraped.Where(s => s.StartsWith("drain_orchestrator_", StringComparison.Ordinal)), s => Assert.Contains(s, instruments));
    }

    /// <summary>The Prometheus names (with histogram and counter suffixes) of the server's and engine's instruments.</summary>
    private static HashSet<string> PublishedInstruments()
    {
        // The engine's instruments are static: make sure they exist even if no drain has run in this process yet.
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Engine.Telemetry.EngineMetrics).TypeHandle);
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (!instrument.Meter.Name.StartsWith("DrainOrchestrator.", StringComparison.Ordinal))
                {
                    return;
                }

                var name = instrument.Name.Replace('.', '_') + instrument.Unit switch
                {
                    "s" => "_seconds",
                    "By" => "_bytes",
                    _ => "",
                };
                var type = instrument.GetType().GetGenericTypeDefinition();
                if (type == typeof(Histogram<>))
                {
                    names.UnionWith([name + "_bucket", name + "_count", name + "_sum"]);
                }
                else if (type == typeof(Counter<>) || type == typeof(ObservableCounter<>))
                {
                    names.Add(name + "_total");
                }
                else
                {
                    names.Add(name);
                }
            },
        };
        listener.Start();
        return names;
    }

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", RegexOptions.Multiline)]
    private static partial Regex SampleName();

    [GeneratedRegex(@"\bdrain_orchestrator_[a-z_]+\b")]
    private static partial Regex MetricName();
}
