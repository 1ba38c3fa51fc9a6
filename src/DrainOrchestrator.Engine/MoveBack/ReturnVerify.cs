using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.MoveBack;

/// <summary>
/// Verify of a move-back: every planned return is on its origin. The informers' view may lag a hand-over, so a VM not
/// yet shown home is waited for, woken by the view's changes, up to <paramref name="settleTimeout"/>; then the API
/// server's answer decides.
/// </summary>
internal sealed class ReturnVerify(IClusterView view, TimeProvider time, TimeSpan settleTimeout, ILogger logger)
{
    /// <summary>The planned returns that are not home, in words; empty when every one is.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(DrainPlan plan, CancellationToken cancellationToken)
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
                return [];
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

    private async Task<IReadOnlyList<string>> AskServerAsync(IReadOnlyList<PlannedVmi> away, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var item in away)
        {
            var vmi = await view.ReadVmiAsync(item.Vmi.Namespace, item.Vmi.Name, cancellationToken);
            var problem = vmi is null || vmi.Metadata.Uid != item.Vmi.Uid
                ? $"{item.Vmi.QualifiedName} no longer exists"
                : vmi.Status?.NodeName == item.PinnedTarget ? null
                : $"{item.Vmi.QualifiedName} is on {vmi.Status?.NodeName ?? "no node"}, not back on {item.PinnedTarget}";
            if (problem is not null)
            {
                problems.Add(problem);
                MoveBackLog.NotHome(logger, item.Vmi.QualifiedName, problem);
            }
        }

        return problems;
    }
}
