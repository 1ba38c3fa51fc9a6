using System.Globalization;
using System.Text.Json;
using DrainOrchestrator.Application.Rehearsals;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>A rehearsal's result as a table for people or JSON for programs; durations in cluster time (JSON: seconds).</summary>
internal static class RehearsalPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task TableAsync(RehearsalResult r, TextWriter output)
    {
        await output.WriteLineAsync($"Rehearsal of a drain of {string.Join(", ", r.Nodes)} at speed {r.Speed.ToString(CultureInfo.InvariantCulture)} (durations in cluster time)");
        await output.WriteLineAsync($"  outcome                {r.State}: {r.Reason}");
        await output.WriteLineAsync($"  predicted makespan     {Show(r.Makespan)} (first migration created to last one ended)");
        await output.WriteLineAsync($"  whole drain            {Show(r.Duration)} (cordon to verify)");
        await output.WriteLineAsync($"  plan's own prediction  {Show(r.PlannedMakespan)}");
        await output.WriteLineAsync($"  migrations             {r.Migrations}, stalled {r.Stalled.Count}, post-copy {r.PostCopy.Count}");
        if (r.Window is { } w)
        {
            await output.WriteLineAsync($"  window                 {(w.Fits ? "fits" : "DOES NOT FIT")}: needs {Show(w.Needed)} of {Show(w.Length)}");
        }

        foreach (var (title, list) in new[] { ("Stalled or did not converge", r.Stalled), ("Needed post-copy", r.PostCopy) })
        {
            if (list.Count > 0)
            {
                await output.WriteLineAsync(title + ":");
                foreach (var m in list)
                {
                    await output.WriteLineAsync($"  {m.Vmi} {m.Source} -> {m.Target ?? "?"} {m.Outcome}{(m.Detail is null ? string.Empty : ": " + m.Detail)}");
                }
            }
        }

        if (r.CannotMove.Count > 0)
        {
            await output.WriteLineAsync("Cannot move:");
            foreach (var v in r.CannotMove)
            {
                await output.WriteLineAsync($"  {v.Vmi} on {v.Node} {v.Disposition}: {v.Reason}");
            }
        }

        if (r.KubeVirt is { } k)
        {
            await output.WriteLineAsync($"KubeVirt alone (evacuation controller): {(k.Finished ? "finished" : "DID NOT FINISH")}, makespan {Show(k.Makespan)}, "
                + $"{k.Migrations} migration(s), {k.Failed} failed, {k.LeftOnNodes.Count} VMI(s) left on the nodes");
            foreach (var vmi in k.LeftOnNodes)
            {
                await output.WriteLineAsync($"  left: {vmi}");
            }
        }
    }

    public static async Task JsonAsync(RehearsalResult r, TextWriter output, CancellationToken cancellationToken) =>
        await output.WriteLineAsync(RehearsalDocument.From(r).ToJsonString(Indented).AsMemory(), cancellationToken);

    private static string Show(TimeSpan? span) => span is { } s
        ? s.TotalHours >= 1 ? $"{(int)s.TotalHours}h{s.Minutes:00}m{s.Seconds:00}s" : $"{(int)s.TotalMinutes}m{s.Seconds:00}s"
        : "-";
}
