using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// Which migrations in flight keep their NICs to themselves until they end, and the plan that says so to the scheduler:
/// the scheduler starts a source's next migration just in time for the predicted end of the transfers out of it, which is
/// only as good as the prediction. Two kinds of transfer are held:
/// <list type="bullet">
/// <item>one running well past its prediction: its guest dirties faster than the plan thought, or it already shares its
/// NIC; a new transfer beside it would slow both, and may stop both converging;</item>
/// <item>one of a kind nothing is known of yet (a default dirty rate, no sibling finished) while siblings of it wait on the
/// same source: its siblings likely dirty alike, and the first one's end tells the plan how fast.</item>
/// </list>
/// A held transfer's predicted bytes become unbounded, so the NIC timeline keeps its source and receiver busy until it
/// ends (an event: the next pass plans with what it showed).
/// </summary>
internal sealed class NicHolds
{
    // Past this factor of its predicted transfer time (plus the slack) a transfer counts as overrunning.
    private const double OverrunFactor = 1.2;
    private static readonly TimeSpan OverrunSlack = TimeSpan.FromSeconds(2);
    private const long UnboundedBytes = long.MaxValue / 4;

    private HashSet<string> _held = new(StringComparer.Ordinal);
    private DrainPlan? _from;
    private DrainPlan? _plan;
    private Dictionary<string, PlannedVmi> _items = new(StringComparer.Ordinal);
    private DrainPlan? _itemsOf;

    /// <summary>The uids held in the last plan given.</summary>
    public IReadOnlySet<string> Held => _held;

    /// <summary>
    /// <paramref name="plan"/> with the held migrations' predictions unbounded; the same instance while neither the plan
    /// nor the held set changed.
    /// </summary>
    /// <param name="plan">The plan as learned so far.</param>
    /// <param name="inFlight">Each migration in flight: its uid, source, and its transfer's start once it began.</param>
    /// <param name="unknownKindWithSiblings">Whether a VMI is of a kind nothing is known of, with siblings waiting on its source.</param>
    /// <param name="now">The engine's clock.</param>
    public DrainPlan Apply(DrainPlan plan, IEnumerable<(string Uid, DateTimeOffset? TransferStart)> inFlight,
        Func<string, bool> unknownKindWithSiblings, DateTimeOffset now)
    {
        var items = ItemsByUid(plan);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (uid, transferStart) in inFlight)
        {
            if (!items.TryGetValue(uid, out var item))
            {
                continue;
            }

            if (unknownKindWithSiblings(uid) || (transferStart is { } start && Overruns(item, now - start)))
            {
                held.Add(uid);
            }
        }

        if (ReferenceEquals(plan, _from) && held.SetEquals(_held))
        {
            return _plan!;
        }

        (_from, _held) = (plan, held);
        _plan = held.Count == 0
            ? plan
            : plan with
            {
                Items = [.. plan.Items.Select(i => held.Contains(i.Vmi.Uid) && i.Disposition == PlanDisposition.Migrate ? Unbounded(i) : i)],
            };
        return _plan;
    }

    private static bool Overruns(PlannedVmi item, TimeSpan elapsed)
    {
        var estimate = item.AloneEstimate ?? item.Estimate;
        var predicted = estimate.TransferredBytes / (double)Math.Max(1, estimate.BandwidthBytesPerSecond);
        return elapsed.TotalSeconds > (predicted * OverrunFactor) + OverrunSlack.TotalSeconds;
    }

    private static PlannedVmi Unbounded(PlannedVmi item)
    {
        var estimate = item.AloneEstimate ?? item.Estimate;
        return item with { AloneEstimate = estimate with { TransferredBytes = UnboundedBytes } };
    }

    private Dictionary<string, PlannedVmi> ItemsByUid(DrainPlan plan)
    {
        if (!ReferenceEquals(plan, _itemsOf))
        {
            _items = new Dictionary<string, PlannedVmi>(plan.Items.Count, StringComparer.Ordinal);
            foreach (var item in plan.Items)
            {
                _items[item.Vmi.Uid] = item;
            }

            _itemsOf = plan;
        }

        return _items;
    }
}
