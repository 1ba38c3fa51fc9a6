using System.Text;
using System.Text.Json;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// The engine bench's results file (<c>scale-engine.json</c>): one result per label, so a run before a change and one
/// after it sit side by side; a run replaces the result of its own label.
/// </summary>
internal static class EngineResults
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<IReadOnlyList<EngineResult>> SaveAsync(string path, EngineResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var results = (await ReadAsync(path, cancellationToken)).Where(r => r.Label != result.Label).Append(result).ToList();
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, Options) + "\n", new UTF8Encoding(false), cancellationToken);
        return results;
    }

    public static async Task<IReadOnlyList<EngineResult>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<EngineResult>>(stream, Options, cancellationToken) ?? [];
    }
}
