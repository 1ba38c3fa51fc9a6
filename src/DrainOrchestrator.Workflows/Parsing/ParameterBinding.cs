using System.Globalization;
using System.Text.RegularExpressions;
using DrainOrchestrator.Workflows.Definitions;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Workflows.Parsing;

/// <summary>
/// The workflow's parameters bound to values (the caller's arguments, else the defaults), substituted into scalars
/// that reference them as <c>${params.NAME}</c>. Validating a file alone binds a required parameter without a default
/// to a sample of its type, so the rest of the file is still checked.
/// </summary>
internal sealed partial class ParameterBinding
{
    private readonly Dictionary<string, (ParameterDefinition Definition, string Text)> _values = new(StringComparer.Ordinal);

    // Parameters declared but left without a value (none given and no default, or one not of its type): their problem is
    // reported once, where they are bound, not again at every reference.
    private readonly HashSet<string> _unbound = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object> Arguments =>
        _values.ToDictionary(v => v.Key, v => Typed(v.Value.Definition.Type, v.Value.Text) ?? (object)v.Value.Text, StringComparer.Ordinal);

    /// <summary>Binds <paramref name="definitions"/>; <paramref name="arguments"/> null means validation only.</summary>
    public static ParameterBinding Bind(IReadOnlyList<ParameterDefinition> definitions, IReadOnlyDictionary<string, string>? arguments,
        SourcePosition where, Action<SourcePosition, string, string> problem)
    {
        var binding = new ParameterBinding();
        foreach (var name in (arguments ?? new Dictionary<string, string>()).Keys.Where(k => definitions.All(d => d.Name != k)))
        {
            problem(where, "parameters", $"there is no parameter '{name}'; the parameters are {Names(definitions)}");
        }

        foreach (var definition in definitions)
        {
            string? text = null;
            if (arguments?.TryGetValue(definition.Name, out var given) == true)
            {
                if (Typed(definition.Type, given) is null)
                {
                    problem(where, "parameters." + definition.Name, $"the value '{given}' is not {Describe(definition.Type)}");
                    binding._unbound.Add(definition.Name);
                    continue;
                }

                text = given;
            }
            else if (definition.Default is not null)
            {
                text = Text(definition.Default);
            }
            else if (arguments is not null)
            {
                problem(definition.Position, "parameters." + definition.Name, $"parameter '{definition.Name}' has no default: give it a value");
                binding._unbound.Add(definition.Name);
                continue;
            }
            else
            {
                text = Sample(definition.Type);
            }

            binding._values[definition.Name] = (definition, text);
        }

        return binding;
    }

    /// <summary><paramref name="text"/> with every <c>${params.NAME}</c> replaced by its value; null (after the problem) when one names no parameter.</summary>
    public string? Substitute(string text, YamlScope scope, YamlNode node, string path)
    {
        var unknown = false;
        var result = Reference().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (_values.TryGetValue(name, out var value))
            {
                return value.Text;
            }

            unknown = true;
            if (_unbound.Contains(name))
            {
                return match.Value;
            }

            scope.Problem(node, path, $"unknown parameter '{name}' in '{match.Value}'; the parameters are "
                + (_values.Count + _unbound.Count == 0 ? "none" : string.Join(", ", _values.Keys.Concat(_unbound))));
            return match.Value;
        });
        return unknown ? null : result;
    }

    /// <summary>The typed value of <paramref name="text"/>, or null when it is not of <paramref name="type"/>.</summary>
    public static object? Typed(ParameterType type, string text) => type switch
    {
        ParameterType.Integer => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
        ParameterType.Boolean => text is "true" ? true : text is "false" ? false : null,
        ParameterType.Duration => DurationText.Parse(text) is { } d ? d : null,
        ParameterType.StringList => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        _ => text,
    };

    public static string Describe(ParameterType type) => type switch
    {
        ParameterType.Integer => "a whole number",
        ParameterType.Boolean => "true or false",
        ParameterType.Duration => "a duration such as 90s, 5m or 1h30m",
        ParameterType.StringList => "a comma-separated list",
        _ => "text",
    };

    private static string Text(object value) => value switch
    {
        TimeSpan d => DurationText.Format(d),
        bool b => b ? "true" : "false",
        IEnumerable<string> list => string.Join(",", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Sample(ParameterType type) => type switch
    {
        ParameterType.Integer => "1",
        ParameterType.Boolean => "false",
        ParameterType.Duration => "1m",
        ParameterType.StringList => "sample",
        _ => "sample",
    };

    private static string Names(IReadOnlyList<ParameterDefinition> definitions) =>
        definitions.Count == 0 ? "none" : string.Join(", ", definitions.Select(d => d.Name));

    [GeneratedRegex(@"\$\{params\.(?<name>[A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();
}
