namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>A tokens file made with <c>drainctl token new</c>: one token per role, and the file's path.</summary>
internal sealed class ApiTokens
{
    private ApiTokens(string path, IReadOnlyDictionary<string, string> byName) => (Path, ByName) = (path, byName);

    public string Path { get; }

    /// <summary>The token of each name.</summary>
    public IReadOnlyDictionary<string, string> ByName { get; }

    public string Viewer => ByName["vera"];

    public string Operator => ByName["otto"];

    public string Admin => ByName["ada"];

    /// <summary>Makes tokens for vera (viewer), otto (operator) and ada (admin) and writes their file.</summary>
    public static async Task<ApiTokens> CreateAsync(string directory)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var (name, role) in new[] { ("vera", "viewer"), ("otto", "operator"), ("ada", "admin") })
        {
            var (code, output) = await Drainctl.RunAsync("token", "new", name, role);
            Assert.True(code == 0, output);
            var printed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Matches("^[A-Za-z0-9_-]+$", printed[0]);
            Assert.StartsWith($"{name} {role} ", printed[1], StringComparison.Ordinal);
            tokens[name] = printed[0];
            lines.Add(printed[1]);
        }

        var path = System.IO.Path.Combine(directory, "tokens");
        await File.WriteAllLinesAsync(path, lines);
        return new ApiTokens(path, tokens);
    }
}
