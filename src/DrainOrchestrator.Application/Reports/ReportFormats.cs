using DrainOrchestrator.Application.Requests;

namespace DrainOrchestrator.Application.Reports;

/// <summary>The words of <see cref="ReportFormat"/>, their media types and file extensions.</summary>
public static class ReportFormats
{
    /// <summary>The words a user types, in the order help lists them.</summary>
    public static IReadOnlyList<string> Words { get; } = ["table", "html", "json", "csv"];

    /// <summary>The format named <paramref name="word"/>; a problem naming <paramref name="field"/> when there is none.</summary>
    public static ReportFormat? Parse(string word, string field, List<RequestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Enum.TryParse<ReportFormat>(word, ignoreCase: true, out var format) && !int.TryParse(word, out _))
        {
            return format;
        }

        problems.Add(new RequestProblem(field, $"{field} must be one of {string.Join(", ", Words)}, was '{word}'"));
        return null;
    }

    /// <summary>The format's word, as <see cref="Words"/> spells it.</summary>
    public static string Word(this ReportFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>The HTTP content type of the rendered report.</summary>
    public static string ContentType(this ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Json => "application/json",
        ReportFormat.Csv => "text/csv; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };

    /// <summary>The file extension of a saved report.</summary>
    public static string Extension(this ReportFormat format) => format == ReportFormat.Table ? "txt" : format.Word();
}
