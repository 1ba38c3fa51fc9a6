using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// Which migrations in flight keep their NICs to themselves until they end, and the plan that says so to the scheduler.
/// The scheduler starts a source's next migration just in time for the predicted end of the transfers out of it, which is
/// only as good as the prediction. A transfer running well past a prediction made from a guessed or learned input (not
/// an annotated or measured dirty rate and an annotated NIC) is held: its guest dirties faster than the plan thought, or
/// its NIC is slower; a new transfer beside it would slow both, and may stop both converging. A post-copy is not held:
/// its time is the policy's switch, not the guest's dirty rate. A held transfer's predicted bytes become unbounded, so
/// the NIC timeline keeps its source and receiver busy until it ends (an event: the next pass plans with what it showed).
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
    /// <param name="inFlight">
    /// Each migration in flight: its uid, its transfer's start once it began, and whether an overrun may hold it (a
    /// pre-copy predicted from a guessed or learned input).
    /// </param>
    /// <param name="now">The engine's clock.</param>
    public DrainPlan Apply(DrainPlan plan, IEnumerable<(string Uid, DateTimeOffset? TransferStart, bool Guessed)> inFlight,
        DateTimeOffset now)
    {
        var items = ItemsByUid(plan);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (uid, transferStart, guessed) in inFlight)
        {
            if (!items.TryGetValue(uid, out var item))
            {
                continue;
            }

            if (guessed && transferStart is { } start && Overruns(item, now - start))
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
