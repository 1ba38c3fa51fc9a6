using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Server.Bench.Serving;

/// <summary>
/// The bench's tokens file, made as an operator makes one (<c>drainctl token new NAME ROLE</c>, whose second line goes
/// into the file): an operator starts the drains, a viewer polls and subscribes.
/// </summary>
internal sealed record ApiTokens(string Path, string Operator, string Viewer)
{
    public static async Task<ApiTokens> CreateAsync(string drainctl, string directory)
    {
        var lines = new List<string>();
        async Task<string> NewAsync(string name, string role)
        {
            await using var process = ChildProcess.Start(drainctl, ["token", "new", name, role]);
            if (await process.WaitForExitAsync(TimeSpan.FromMinutes(1)) != 0 || process.Lines is not [var token, var line, ..])
            {
                throw new InvalidOperationException($"drainctl token new {name} {role} failed:\n{process.Output}");
            }

            lines.Add(line);
            return token;
        }

        var @operator = await NewAsync("bench-operator", "operator");
        var viewer = await NewAsync("bench-viewer", "viewer");
        var path = System.IO.Path.Combine(directory, "tokens");
        Directory.CreateDirectory(directory);
        await File.WriteAllLinesAsync(path, lines);
        return new ApiTokens(path, @operator, viewer);
    }
}
