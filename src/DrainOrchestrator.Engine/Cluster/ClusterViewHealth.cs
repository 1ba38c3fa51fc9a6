using System.Globalization;
using DrainOrchestrator.Kubernetes.Client.Watching;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>How each informer of a cluster view stands, read at one instant.</summary>
/// <param name="Informers">Per watched resource (plural), its list-watch status.</param>
public sealed record ClusterViewHealth(IReadOnlyList<(string Resource, ListWatchStatus Status)> Informers)
{
    /// <summary>A view that is always in sync (one without informers).</summary>
    public static ClusterViewHealth InSync { get; } = new([]);

    /// <summary>How long the stalest informer has not been known in sync at <paramref name="now"/>; zero when all are.</summary>
    public TimeSpan StalenessAt(DateTimeOffset now) =>
        Informers.Count == 0 ? TimeSpan.Zero : Informers.Max(i => i.Status.StalenessAt(now));

    /// <summary>Why the view is stale at <paramref name="now"/>, naming each failing informer and its last error; null when in sync.</summary>
    public string? ReasonAt(DateTimeOffset now)
    {
        var failing = Informers.Where(i => i.Status.StalenessAt(now) > TimeSpan.Zero).ToList();
        if (failing.Count == 0)
        {
            return null;
        }

        return string.Join("; ", failing.Select(i =>
        {
            var code = i.Status.LastStatusCode is { } c ? ((int)c).ToString(CultureInfo.InvariantCulture) + " " : "";
            var seconds = i.Status.StalenessAt(now).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            return $"{i.Resource}: not in sync for {seconds} s, last error {code}{i.Status.LastError}";
        }));
    }
}
