using System.Text.Json;
using System.Text.Json.Serialization;
using DrainOrchestrator.Persistence.Audit;

namespace DrainOrchestrator.Application.Audit;

/// <summary>
/// The anchors of the ledger as <c>drainctl audit anchors --output json</c> writes them, for an auditor to keep outside
/// the database and give back to <c>drainctl audit verify --anchors FILE</c>.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>.</param>
/// <param name="ExportedAt">When the export was made.</param>
/// <param name="Anchors">The anchors, by chain and position.</param>
public sealed record AnchorExport(string Format, DateTimeOffset ExportedAt, IReadOnlyList<AnchorView> Anchors)
{
    /// <summary>The format's name and version.</summary>
    public const string CurrentFormat = "drain-journal-anchors/v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The export as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// Reads an export; a malformed one is an <see cref="ArgumentException"/> naming every problem, in words for the
    /// operator (its message names no .NET parameter).
    /// </summary>
    public static AnchorExport Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw Malformed($"{source} is empty: give an anchors export, which drainctl audit anchors --output json writes", null);
        }

        AnchorExport? export;
        try
        {
            export = JsonSerializer.Deserialize<AnchorExport>(json, Json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" + (string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" ({ex.Path})") : "";
            throw Malformed($"{source} is not an anchors export (not the JSON of one{where}); write one with drainctl audit anchors --output json", ex);
        }

        var problems = new List<string>();
        if (export is null || export.Format != CurrentFormat)
        {
            problems.Add($"its format is '{export?.Format}', expected '{CurrentFormat}'");
        }

        foreach (var (anchor, i) in (export?.Anchors ?? []).Select((a, i) => (a, i)))
        {
            problems.AddRange(Check(anchor, i));
        }

        if (problems.Count > 0)
        {
            throw Malformed($"{source} is not a valid anchors export: {string.Join("; ", problems)}", null);
        }

        return export!;
    }

    // The problem as the operator reads it: no parameter name, which .NET would add as " (Parameter 'json')".
    private static ArgumentException Malformed(string message, Exception? inner) => new(message + ".", inner);

    /// <summary>The anchors as the verifier takes them.</summary>
    public IEnumerable<JournalAnchor> ToAnchors() => Anchors.Select(a => new JournalAnchor(
        new ChainKey(ChainScopes.Parse(a.Scope), a.Id), a.Seq, a.Position, Convert.FromHexString(a.Hash), a.Reason ?? string.Empty, a.RecordedAt));

    private static IEnumerable<string> Check(AnchorView? anchor, int index)
    {
        if (anchor is null)
        {
            yield return $"anchors[{index}] is null";
            yield break;
        }

        if (anchor.Scope is not ("drain" or "workflow" or "none"))
        {
            yield return $"anchors[{index}].scope is '{anchor.Scope}', expected drain, workflow or none";
        }

        if (anchor.Position < 1 || anchor.Seq < 1)
        {
            yield return $"anchors[{index}] has position {anchor.Position} and seq {anchor.Seq}, both must be at least 1";
        }

        if (anchor.Hash is null || anchor.Hash.Length != 64 || !anchor.Hash.All(Uri.IsHexDigit))
        {
            yield return $"anchors[{index}].hash must be 64 hex digits";
        }
    }
}
