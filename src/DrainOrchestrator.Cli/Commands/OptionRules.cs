using System.CommandLine;
using System.Globalization;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>Range rules for the options that are not policy fields, worded with the option's name.</summary>
internal static class OptionRules
{
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
}
