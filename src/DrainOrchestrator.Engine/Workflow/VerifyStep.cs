using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// Verify: which of the plan's VMIs did not leave the nodes. The informers' cache answers first; it can lag behind the
/// API server (a dropped watch) but never runs ahead of it, so a cache showing every VMI gone is believed. A VMI it
/// still shows on a node is read from the API server, whose answer decides. A VMI whose migration the server shows
/// completed elsewhere while it still names a drained node is being handed over: verify waits for the view to show it
/// left, woken by the view's changes, up to <paramref name="settleTimeout"/>, then asks the server a last time.
/// </summary>
internal sealed class VerifyStep(IClusterView view, TimeProvider time, TimeSpan settleTimeout, ILogger logger)
{
    /// <summary>The VMIs that did not leave <paramref name="drainedNodes"/>, in words; empty when every one did.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(DrainPlan plan, IReadOnlyCollection<string> drainedNodes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var seen = view.Version;
        var cached = view.Current;
        var suspects = VerifyCheck.Movers(plan).Where(i => VerifyCheck.Problem(cached, plan, i, drainedNodes) is not null).ToList();
        if (suspects.Count == 0)
        {
            return [];
        }

        VerifyLog.AskingServer(logger, suspects.Count);
        var deadline = time.GetUtcNow() + settleTimeout;
        var findings = await AskServerAsync(plan, suspects, drainedNodes, cancellationToken);
        if (findings.Any(f => f.HandingOver))
        {
            VerifyLog.AwaitingHandOver(logger, settleTimeout, findings.Count(f => f.HandingOver));
        }

        while (findings.Any(f => f.HandingOver))
        {
            if (!await WaitForChangeAsync(seen, deadline, cancellationToken))
            {
                findings = await AskServerAsync(plan, [.. findings.Select(f => f.Item)], drainedNodes, cancellationToken);
                break;
            }

            seen = view.Version;
            var current = view.Current;
            findings = [.. findings.Where(f => !f.HandingOver || VerifyCheck.Problem(current, plan, f.Item, drainedNodes) is not null)];
        }

        return [.. findings.Select(f => f.HandingOver
            ? $"{f.Problem} (its migration completed but it was not handed over within {settleTimeout})"
            : f.Problem)];
    }

    // The API server's word on each item: a VMI of that name with another uid, or none, means the planned one is gone.
    private async Task<List<Finding>> AskServerAsync(DrainPlan plan, IReadOnlyList<PlannedVmi> items,
        IReadOnlyCollection<string> drainedNodes, CancellationToken cancellationToken)
    {
        var answers = new List<VirtualMachineInstance>();
        foreach (var item in items)
        {
            if (await view.ReadVmiAsync(item.Vmi.Namespace, item.Vmi.Name, cancellationToken) is { } vmi)
            {
                answers.Add(vmi);
            }
        }

        var server = new ClusterState([], answers, [], [], [], null);
        var findings = new List<Finding>();
        foreach (var item in items)
        {
            if (VerifyCheck.Problem(server, plan, item, drainedNodes) is { } problem)
            {
                findings.Add(new Finding(item, problem, VerifyCheck.IsHandingOver(server.FindVmi(item.Vmi.Uid), drainedNodes)));
            }
            else
            {
                VerifyLog.CacheLagged(logger, item.Vmi.QualifiedName);
            }
        }

        return findings;
    }

    // False once the deadline passed without a change of the view.
    private async Task<bool> WaitForChangeAsync(long seen, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var left = deadline - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        using var timeout = new CancellationTokenSource(left, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await view.WhenChangedAsync(seen, linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private sealed record Finding(PlannedVmi Item, string Problem, bool HandingOver);
}
