using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.MoveBack;

/// <summary>
/// Verify of a move-back: every planned return is on its origin. The informers' view may lag a hand-over, so a VM not
/// yet shown home is waited for, woken by the view's changes, up to <paramref name="settleTimeout"/>; then the API
/// server's answer decides. A VM someone else moved off the node the drain had moved it to, or deleted, while the
/// move-back ran is not the move-back's failure: it is left where it is, as the plan leaves one moved before it.
/// </summary>
internal sealed class ReturnVerify(IClusterView view, TimeProvider time, TimeSpan settleTimeout, ILogger logger)
{
    /// <summary>The planned returns that are not home, in words: those still where the drain put them (failures), and those moved or deleted since.</summary>
    public async Task<ReturnCheck> RunAsync(DrainPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var returns = plan.Items.Where(i => i.Disposition == PlanDisposition.Migrate && i.PinnedTarget is not null).ToList();
        var deadline = time.GetUtcNow() + settleTimeout;
        while (true)
        {
            var seen = view.Version;
            var away = returns.Where(i => view.Current.FindVmi(i.Vmi.Uid)?.Status?.NodeName != i.PinnedTarget).ToList();
            if (away.Count == 0)
            {
                return new ReturnCheck([], []);
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return await AskServerAsync(away, cancellationToken);
            }

            using var timeout = new CancellationTokenSource(left, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await view.WhenChangedAsync(seen, linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return await AskServerAsync(away, cancellationToken);
            }
        }
    }

    private async Task<ReturnCheck> AskServerAsync(IReadOnlyList<PlannedVmi> away, CancellationToken cancellationToken)
    {
        var notHome = new List<string>();
        var movedSince = new List<string>();
        foreach (var item in away)
        {
            var vmi = await view.ReadVmiAsync(item.Vmi.Namespace, item.Vmi.Name, cancellationToken);
            var node = vmi?.Status?.NodeName;
            if (vmi is null || vmi.Metadata.Uid != item.Vmi.Uid)
            {
                movedSince.Add($"{item.Vmi.QualifiedName} no longer exists");
            }
            else if (node == item.PinnedTarget)
            {
                continue;
            }
            else if (node is not null && node != item.Vmi.NodeName)
            {
                movedSince.Add($"{item.Vmi.QualifiedName} runs on {node}: someone moved it since");
            }
            else
            {
                var problem = $"{item.Vmi.QualifiedName} is on {node ?? "no node"}, not back on {item.PinnedTarget}";
                notHome.Add(problem);
                MoveBackLog.NotHome(logger, item.Vmi.QualifiedName, problem);
            }
        }

        return new ReturnCheck(notHome, movedSince);
    }
}

/// <summary>What a move-back's verify found away from home.</summary>
/// <param name="NotHome">Returns still on the node the drain moved them to (or on none): the move-back failed them.</param>
/// <param name="MovedSince">VMs someone else moved or deleted while the move-back ran: left where they are.</param>
internal sealed record ReturnCheck(IReadOnlyList<string> NotHome, IReadOnlyList<string> MovedSince);
