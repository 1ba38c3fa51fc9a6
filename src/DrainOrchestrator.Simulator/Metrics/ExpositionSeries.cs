using System.Globalization;
using System.Text;

namespace DrainOrchestrator.Simulator.Metrics;

/// <summary>Reads back the series of a text exposition document (<see cref="PrometheusText"/>): name, labels, value.</summary>
internal static class ExpositionSeries
{
    public static IEnumerable<(string Metric, Dictionary<string, string> Labels, string Value)> Read(string document)
    {
        foreach (var line in document.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.LastIndexOf(' ');
            if (brace < 0)
            {
                yield return (line[..space], labels, line[(space + 1)..]);
                continue;
            }

            var i = brace + 1;
            while (line[i] != '}')
            {
                var eq = line.IndexOf('=', i);
                var name = line[i..eq];
                var value = new StringBuilder();
                for (i = eq + 2; line[i] != '"'; i++)
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] == 'n' ? '\n' : line[i]);
                    }
                    else
                    {
                        value.Append(line[i]);
                    }
                }

                labels[name] = value.ToString();
                i++;
                if (line[i] == ',')
                {
                    i++;
                }
            }

            yield return (line[..brace], labels, line[(line.LastIndexOf(' ') + 1)..]);
        }
    }

    /// <summary>The value as Prometheus' JSON writes it: a decimal string, or NaN, +Inf, -Inf.</summary>
    public static string JsonValue(string exposed) =>
        double.TryParse(exposed, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "+Inf" : double.IsNegativeInfinity(v) ? "-Inf" : v.ToString("R", CultureInfo.InvariantCulture)
            : exposed;
}
