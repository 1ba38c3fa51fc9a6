using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// Puts the engine's problems in the words of the command line: Core names a policy field (MaxParallelMigrations), the
/// operator typed an option (--max-parallel), and the message should point at what to change.
/// </summary>
internal static partial class PolicyWording
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["MaxParallelMigrations"] = "--max-parallel",
        ["MaxOutboundPerNode"] = "--max-outbound",
        ["MaxInboundPerNode"] = "--max-inbound",
        ["Failure.MaxAttempts"] = "--max-attempts",
        ["Failure.InitialBackoff"] = "--retry-backoff-seconds",
        ["AllowAboveClusterLimits"] = "--allow-above-cluster-limits",
        ["LeaseDuration"] = "--lease-seconds",
        ["DatabaseOutageTimeout"] = "--db-outage-timeout-seconds",
        ["VerifySettleTimeout"] = "--verify-settle-timeout-seconds",
    };

    /// <summary>The problem with every policy field the command line sets replaced by its option.</summary>
    public static string InOptionTerms(string problem) =>
        FieldName().Replace(problem, m => OptionOf.TryGetValue(m.Value, out var option) ? option : m.Value);

    /// <summary>Accepts only <paramref name="values"/>, and says so naming the option (System.CommandLine's own message does not).</summary>
    public static void AcceptOnly(Option<string> option, params string[] values)
    {
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!values.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name} must be {string.Join(" or ", values)}, was '{value}'");
            }
        });
    }

    /// <summary>Accepts only <paramref name="min"/> to <paramref name="max"/> seconds, and says so naming the option.</summary>
    public static void AcceptSecondsBetween(Option<double> option, double min, double max)
    {
        option.Validators.Add(result =>
        {
            // A value that is no number at all is the parser's to report (it names the option); reading it here would throw.
            if (result.Tokens.Count > 0 && !double.TryParse(result.Tokens[^1].Value, CultureInfo.InvariantCulture, out _))
            {
                return;
            }

            var seconds = result.GetValueOrDefault<double>();
            if (!(seconds >= min && seconds <= max))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between {min} and {max} seconds, was {seconds}"));
            }
        });
    }

    [GeneratedRegex(@"\b(Failure\.)?[A-Z][A-Za-z]+\b")]
    private static partial Regex FieldName();
}
