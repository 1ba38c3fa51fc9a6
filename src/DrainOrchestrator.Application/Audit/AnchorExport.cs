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

    /// <summary>Reads an export; a malformed one is an <see cref="ArgumentException"/> naming every problem.</summary>
    public static AnchorExport Parse(string json, string source)
    {
        AnchorExport? export;
        try
        {
            export = JsonSerializer.Deserialize<AnchorExport>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{source} is not an anchors export ({ex.Message}); write one with drainctl audit anchors --output json.", nameof(json), ex);
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
            throw new ArgumentException($"{source} is not a valid anchors export: {string.Join("; ", problems)}.", nameof(json));
        }

        return export!;
    }

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
