using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine.MoveBack;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using Npgsql;

namespace DrainOrchestrator.Application.Drains;

/// <summary>
/// Turns "move drain X's VMs back" into a recorded move-back, or finds the unfinished one of X to attach to (the same
/// request again after a crash). The move-back runs under X's policy (its limits, budgets and failure handling); its
/// nodes are the nodes X moved VMs to. Every problem is reported at once before anything is recorded.
/// </summary>
internal sealed class MoveBackStarter(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>The move-back to run and whether it already existed; throws <see cref="InvalidRequestException"/> on a drain that cannot be returned.</summary>
    public async Task<(DrainRecord MoveBack, bool Attached)> StartAsync(string cluster, string drainIdOrName, Caller caller,
        CancellationToken cancellationToken)
    {
        var store = new DrainStore(dataSource, timeProvider);
        var drain = await store.FindAsync(drainIdOrName, cancellationToken) ?? throw new DrainNotFoundException(drainIdOrName);
        var otherCluster = new RequestProblem("drain",
            $"drain {drain.Name} ran on cluster {drain.Cluster}, not on {cluster}: connect to its cluster to move its VMs back");
        if ((await store.MoveBacksOfAsync(drain.Id, cancellationToken)).FirstOrDefault(m => !m.State.IsFinal()) is { } unfinished)
        {
            // Attached to from another cluster, its run would read its VMs as gone.
            return drain.Cluster == cluster ? (unfinished, true) : throw new InvalidRequestException([otherCluster]);
        }

        var returns = await MoveBackOrigins.ReadAsync(new AttemptStore(dataSource, timeProvider), drain.Id, cancellationToken);
        var problems = new List<RequestProblem>();
        if (drain.Cluster != cluster)
        {
            problems.Add(otherCluster);
        }

        if (drain.IsMoveBack)
        {
            problems.Add(new("drain", $"{drain.Name} is itself a move-back: name the drain whose VMs it returned"));
        }

        // An unfinished drain is no mistake of the request: the same request succeeds once it has ended.
        var unended = !drain.State.IsFinal();
        if (unended)
        {
            problems.Add(new("drain", $"drain {drain.Name} is {drain.State.ToDatabase()}: move its VMs back once it has ended (retry then)"));
        }
        else if (returns.Count == 0)
        {
            problems.Add(new("drain", $"drain {drain.Name} live-migrated no VM, so there is nothing to move back"));
        }

        if (problems.Count > 0)
        {
            throw problems.Count == 1 && unended ? new RequestConflictException(problems) : new InvalidRequestException(problems);
        }

        var id = Guid.NewGuid();
        var sources = returns.Select(r => r.MovedTo).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        try
        {
            return (await store.CreateAsync(new NewDrain(id, $"moveback-{drain.Name}-{id.ToString("N")[..6]}", drain.Cluster, sources,
                drain.PolicyJson, caller.ToString())
            {
                ReturnsDrain = drain.Id,
            }, cancellationToken), false);
        }
        catch (NodesAlreadyDrainingException ex)
        {
            // Another request created this very move-back a moment ago: attach to it; else a drain holds a node.
            var raced = (await store.MoveBacksOfAsync(drain.Id, cancellationToken)).FirstOrDefault(m => !m.State.IsFinal());
            return raced is not null ? (raced, true)
                : throw new RequestConflictException([new RequestProblem("drain",
                    $"the VMs of {drain.Name} sit on nodes another drain holds ({ex.Message}); move them back once it has ended")]);
        }
    }
}
