using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Persistence.Drains;
using Npgsql;

namespace DrainOrchestrator.Application.Drains;

/// <summary>
/// Turns a request into a recorded drain, or finds the drain to attach to: the unfinished drain of exactly these nodes
/// (the same command run again after a crash) or the drain created with the same idempotency key. Every problem with
/// the request is reported at once, in the terms of the front door it came through, before anything starts.
/// </summary>
internal sealed class DrainStarter(NpgsqlDataSource dataSource, IClusterView view, TimeProvider timeProvider)
{
    /// <summary>The drain to run and whether it already existed; throws <see cref="InvalidRequestException"/> on bad input.</summary>
    public async Task<(DrainRecord Drain, bool Attached)> StartAsync(string cluster, DrainSpec spec, Caller caller, FrontDoor door,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var store = new DrainStore(dataSource, timeProvider);
        var nodes = spec.Nodes.Order(StringComparer.Ordinal).ToList();
        if (spec.IdempotencyKey is { } key && await store.FindByIdempotencyKeyAsync(key, cancellationToken) is { } keyed)
        {
            // The key names one request: the same key for other nodes is a client's mistake, not a retry.
            var keyedNodes = keyed.Nodes.Select(n => n.NodeName).Order(StringComparer.Ordinal).ToList();
            return keyedNodes.SequenceEqual(nodes, StringComparer.Ordinal) ? (keyed, true)
                : throw new InvalidRequestException([new RequestProblem("Idempotency-Key",
                    $"the Idempotency-Key '{key}' was used for drain {keyed.Name} of {string.Join(", ", keyedNodes)}; this request names "
                    + $"{string.Join(", ", nodes)}: send a new key for a new drain")]);
        }

        var active = await store.ListAsync(activeOnly: true, cancellationToken);
        var same = FindSame(active, cluster, nodes);
        if (same is not null && spec.IdempotencyKey is null)
        {
            return (same, true);
        }

        var problems = DrainValidation.Problems(view.Current, cluster, spec, active, door);
        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        var id = Guid.NewGuid();
        var name = spec.Name ?? $"drain-{timeProvider.GetUtcNow():yyyyMMdd-HHmmss}-{id.ToString("N")[..6]}";
        try
        {
            return (await store.CreateAsync(new NewDrain(id, name, cluster, nodes, PolicyDocument.Write(spec.Policy), caller.ToString(),
                spec.IdempotencyKey)
            {
                AvoidTargets = [.. spec.AvoidTargets.Distinct(StringComparer.Ordinal)],
                PreferTargets = [.. spec.PreferTargets.Distinct(StringComparer.Ordinal)],
            }, cancellationToken), false);
        }
        catch (NodesAlreadyDrainingException ex)
        {
            // Another request created the drain of these very nodes a moment ago (both started at once): attach to it.
            var raced = spec.IdempotencyKey is { } k
                ? await store.FindByIdempotencyKeyAsync(k, cancellationToken)
                : FindSame(await store.ListAsync(activeOnly: true, cancellationToken), cluster, nodes);
            return raced is not null ? (raced, true) : throw new InvalidRequestException([new RequestProblem(FieldTerms.Nodes(door), ex.Message)]);
        }
    }

    // A move-back of the same nodes is not the same drain: it returns VMs to them rather than emptying them.
    private static DrainRecord? FindSame(IReadOnlyList<DrainRecord> active, string cluster, List<string> nodes) =>
        active.FirstOrDefault(d => d.Cluster == cluster && !d.IsMoveBack
            && d.Nodes.Select(n => n.NodeName).Order(StringComparer.Ordinal).SequenceEqual(nodes, StringComparer.Ordinal));
}
