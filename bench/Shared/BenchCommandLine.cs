using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace DrainOrchestrator.Bench.Shared;

/// <summary>
/// How every bench reads its arguments: System.CommandLine parses them, a malformed value names its flag and what the
/// flag takes, every problem is reported at once, bad input exits 2, and <c>--help</c> describes every flag. Linked as
/// source into each bench (internal there), so the benches that reference no shared library can use it too.
/// </summary>
internal static class BenchCommandLine
{
    /// <summary>The exit code of bad input: nothing was run.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// Parses <paramref name="args"/>; null when the bench must not run, with <paramref name="exitCode"/> set: help or
    /// version printed (0), or every problem and where help is printed to stderr (2).
    /// </summary>
    public static ParseResult? Parse(RootCommand root, IReadOnlyList<string> args, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                Console.Error.WriteLine($"error: {problem.Message}");
            }

            Console.Error.WriteLine($"error: see {root.Name} --help");
            exitCode = BadInput;
            return null;
        }

        if (parsed.Action is not null)
        {
            exitCode = parsed.Invoke();
            return null;
        }

        exitCode = 0;
        return parsed;
    }

    /// <summary>An integer flag that must be at least <paramref name="minimum"/>.</summary>
    public static Option<int> Integer(string name, int defaultValue, string description, int minimum = 1) => new(name)
    {
        HelpName = "N",
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => r.Tokens.Count == 0 ? defaultValue
            : int.TryParse(r.Tokens[^1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= minimum ? n
            : Reject(r, defaultValue, minimum == 1 ? "a positive integer" : $"an integer of at least {minimum}"),
    };

    /// <summary>A number flag that must be greater than 0.</summary>
    public static Option<double> PositiveNumber(string name, double defaultValue, string description) => new(name)
    {
        HelpName = "N",
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => r.Tokens.Count == 0 ? defaultValue
            : double.TryParse(r.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0 && double.IsFinite(x) ? x
            : Reject(r, defaultValue, "a number greater than 0"),
    };

    /// <summary>A path flag, made absolute against the working directory; null when not given.</summary>
    public static Option<string?> Path(string name, string helpName, string description) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = r => r.Tokens.Count == 0 ? null : System.IO.Path.GetFullPath(r.Tokens[^1].Value),
    };

    /// <summary>Records the problem against the flag, naming it, what it takes and what it was given.</summary>
    public static T Reject<T>(ArgumentResult result, T fallback, string expected)
    {
        ArgumentNullException.ThrowIfNull(result);
        var flag = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"{flag} must be {expected}, was \"{result.Tokens[^1].Value}\"");
        return fallback;
    }
}
