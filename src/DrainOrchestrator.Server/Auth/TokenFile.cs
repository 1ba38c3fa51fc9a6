using System.Globalization;

namespace DrainOrchestrator.Server.Auth;

/// <summary>
/// Reads the tokens file: one <c>NAME ROLE SHA256HEX</c> per line, <c>#</c> comments and blank lines allowed. Every
/// malformed line is reported as <c>file:line</c>, all at once.
/// </summary>
public static class TokenFile
{
    /// <summary>The tokens of <paramref name="path"/>; throws <see cref="InvalidServeOptionsException"/> naming each bad line.</summary>
    public static IReadOnlyList<ApiToken> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var tokens = Parse(lines, path, out var problems);
        if (tokens.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{path}: holds no token; add a line from 'drainctl token new NAME ROLE'");
        }

        return problems.Count == 0 ? tokens : throw new InvalidServeOptionsException(problems);
    }

    /// <summary>Parses the lines of a tokens file; <paramref name="problems"/> gets each malformed line as <c>file:line: why</c>.</summary>
    public static List<ApiToken> Parse(IReadOnlyList<string> lines, string path, out List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(lines);
        problems = [];
        var tokens = new List<ApiToken>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var where = $"{path}:{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3)
            {
                problems.Add($"{where}: expected 'NAME ROLE SHA256HEX', found {fields.Length} fields");
                continue;
            }

            var lineProblems = new List<string>();
            if (!Enum.GetValues<ApiRole>().Any(r => ApiPolicies.RoleName(r) == fields[1]))
            {
                lineProblems.Add($"role must be viewer, operator or admin, was '{fields[1]}'");
            }

            byte[]? hash = null;
            if (fields[2].Length != 64 || !fields[2].All(Uri.IsHexDigit))
            {
                lineProblems.Add("the last field must be the token's SHA-256 as 64 hex digits");
            }
            else
            {
                hash = Convert.FromHexString(fields[2]);
            }

            if (tokens.Any(t => t.Name == fields[0]))
            {
                lineProblems.Add($"name '{fields[0]}' is used twice");
            }

            if (lineProblems.Count > 0)
            {
                problems.Add($"{where}: " + string.Join("; ", lineProblems));
                continue;
            }

            tokens.Add(new ApiToken(fields[0], Enum.Parse<ApiRole>(fields[1], ignoreCase: true), hash!));
        }

        return tokens;
    }
}
