using DrainOrchestrator.Persistence.Audit;

namespace DrainOrchestrator.Application.Audit;

/// <summary>The first bad record of a chain, in words.</summary>
/// <param name="Problem">altered, deleted, inserted, reordered, head-mismatch or anchor-mismatch.</param>
/// <param name="Seq">The record's sequence number (of the last intact one when records are missing at the end).</param>
/// <param name="Position">Its place in the chain as stored.</param>
/// <param name="Kind">Its kind, when a record is there.</param>
/// <param name="Expected">What the chain required there.</param>
/// <param name="Found">What is there instead.</param>
public sealed record FindingView(string Problem, long? Seq, long? Position, string? Kind, string Expected, string Found)
{
    /// <summary>The view of a finding.</summary>
    public static FindingView Of(ChainFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new FindingView(Word(finding.Problem), finding.Seq, finding.Position, finding.Kind, finding.Expected, finding.Found);
    }

    private static string Word(ChainProblem problem) => problem switch
    {
        ChainProblem.Altered => "altered",
        ChainProblem.Deleted => "deleted",
        ChainProblem.Inserted => "inserted",
        ChainProblem.Reordered => "reordered",
        ChainProblem.HeadMismatch => "head-mismatch",
        ChainProblem.AnchorMismatch => "anchor-mismatch",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "Unknown chain problem."),
    };
}
