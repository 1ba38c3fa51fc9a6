using System.Runtime.CompilerServices;
using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// What every decision needs to know about a plan and that does not change between decisions: the items by uid, the
/// drained nodes by name, and the migrations in the order a source gives them (longest first, then by uid). Built on
/// the first decision that sees a plan instance and kept beside it (never inside it: <c>plan with { ... }</c> would
/// copy a stale index), so a decision costs time in proportion to the cluster and the attempts, not to building maps
/// of the plan again. Immutable once built: callers may share one plan across threads.
/// </summary>
internal sealed class PlanIndex
{
    private static readonly ConditionalWeakTable<DrainPlan, PlanIndex> Cache = new();

    // The index built last: a revised plan (PlanReviser: the same items and order, some predicted again) derives its
    // index from it instead of building every map again. Weak, so a finished drain's plan is not kept.
    private static volatile WeakReference<PlanIndex>? _latest;

    // Beyond this many items whose duration moved, a derived index first checks whether the order still holds.
    private const int ManyMoved = 64;

    private readonly Dictionary<string, int> _lastByUid;
    private readonly Dictionary<string, int> _lastByQualifiedName;
    private readonly Dictionary<string, int> _drainedIndex;
    private readonly IReadOnlyList<string> _planNodes;

    private PlanIndex(DrainPlan plan)
    {
        Plan = plan;
        Items = [.. plan.Items];
        _planNodes = [.. plan.Nodes];
        _lastByUid = new Dictionary<string, int>(Items.Length, StringComparer.Ordinal);
        _lastByQualifiedName = new Dictionary<string, int>(Items.Length, StringComparer.Ordinal);
        PreviousSameUid = new int[Items.Length];
        PreviousSameQualifiedName = new int[Items.Length];
        for (var i = 0; i < Items.Length; i++)
        {
            var uid = Items[i].Vmi.Uid;
            PreviousSameUid[i] = _lastByUid.TryGetValue(uid, out var previous) ? previous : -1;
            _lastByUid[uid] = i;
            var name = Items[i].Vmi.QualifiedName;
            PreviousSameQualifiedName[i] = _lastByQualifiedName.TryGetValue(name, out previous) ? previous : -1;
            _lastByQualifiedName[name] = i;
        }

        UidFilter = new UidFilter(_lastByUid.Keys);
        LastSameUid = new int[Items.Length];
        for (var i = 0; i < Items.Length; i++)
        {
            LastSameUid[i] = _lastByUid[Items[i].Vmi.Uid];
        }

        Drained = new HashSet<string>(plan.Nodes, StringComparer.Ordinal);
        _drainedIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var node in plan.Nodes)
        {
            if (_drainedIndex.TryAdd(node, names.Count))
            {
                names.Add(node);
            }
        }

        DrainedNames = [.. names];
        PlannedSource = new int[Items.Length];
        for (var i = 0; i < Items.Length; i++)
        {
            PlannedSource[i] = DrainedIndexOf(Items[i].Vmi.NodeName);
        }
        var migrations = new List<int>();
        for (var i = 0; i < Items.Length; i++)
        {
            if (Items[i].Disposition == PlanDisposition.Migrate)
            {
                migrations.Add(i);
            }
        }

        // A source gives its longest migration first (see SourceSelection); the uid breaks ties.
        var items = Items;
        migrations.Sort((a, b) => CompareForOrder(items, a, b));
        MigrationOrder = [.. migrations];
        (Budgets, ItemBudgets) = IndexBudgets(plan, Items);
        SharesNic = SharingSources(Items, PlannedSource, DrainedNames.Length);
    }

    // The index of a plan that differs from like's only in its items' predictions (Derives): the maps by uid, name and
    // node and the budgets are like's; the migration order is like's with the items whose duration moved placed again.
    private PlanIndex(DrainPlan plan, PlanIndex like)
    {
        Plan = plan;
        Items = [.. plan.Items];
        (_planNodes, _lastByUid, _lastByQualifiedName, _drainedIndex) = (like._planNodes, like._lastByUid, like._lastByQualifiedName, like._drainedIndex);
        (PreviousSameUid, PreviousSameQualifiedName, LastSameUid, UidFilter) = (like.PreviousSameUid, like.PreviousSameQualifiedName, like.LastSameUid,
            like.UidFilter);
        (Drained, DrainedNames, PlannedSource, Budgets, ItemBudgets) = (like.Drained, like.DrainedNames, like.PlannedSource, like.Budgets, like.ItemBudgets);
        Structure = like.Structure;
        var moved = new List<int>();
        for (var i = 0; i < Items.Length; i++)
        {
            if (Items[i].Disposition == PlanDisposition.Migrate && Items[i].Estimate.Duration != like.Items[i].Estimate.Duration)
            {
                moved.Add(i);
            }
        }

        // Many moved by the same amount (a learned start-up shifts them all: PlanReviser) usually keep their order: one
        // walk checks that before a merge sorts them.
        MigrationOrder = moved.Count == 0 || (moved.Count > ManyMoved && StillOrdered(like.MigrationOrder, Items))
            ? like.MigrationOrder
            : Reordered(like.MigrationOrder, moved, Items);
        SharesNic = SharingSources(Items, PlannedSource, DrainedNames.Length);
    }

    // Per drained node: whether every migration planned out of it converges at its node's share of the NIC (the planner
    // predicts it at that share), starts in pre-copy, and has a dirty rate and a NIC that are known, not assumed.
    private static bool[] SharingSources(PlannedVmi[] items, int[] plannedSource, int sources)
    {
        var shares = new bool[sources];
        Array.Fill(shares, true);
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            if (plannedSource[i] >= 0 && item.Disposition == PlanDisposition.Migrate
                && (item.NeedsDedicatedBandwidth || item.StartsInPostCopy || item.DirtyRateBytesPerSecond is null
                    || item.DirtyRateSource == InputSource.Default || item.BandwidthSource == InputSource.Default))
            {
                shares[plannedSource[i]] = false;
            }
        }

        return shares;
    }

    // The migration order with the moved items taken out and merged back at their new places: the others kept their
    // durations and so their order, and the comparison is total (uids are distinct), so this is the order a full sort
    // gives, at the cost of one walk plus sorting what moved.
    private static int[] Reordered(int[] order, List<int> moved, PlannedVmi[] items)
    {
        var isMoved = new HashSet<int>(moved);
        moved.Sort((a, b) => CompareForOrder(items, a, b));
        var result = new int[order.Length];
        var (n, m) = (0, 0);
        foreach (var i in order)
        {
            if (isMoved.Contains(i))
            {
                continue;
            }

            while (m < moved.Count && CompareForOrder(items, moved[m], i) < 0)
            {
                result[n++] = moved[m++];
            }

            result[n++] = i;
        }

        while (m < moved.Count)
        {
            result[n++] = moved[m++];
        }

        return result;
    }

    // Whether the order is that of the items' predictions (each before the next).
    private static bool StillOrdered(int[] order, PlannedVmi[] items)
    {
        for (var k = 1; k < order.Length; k++)
        {
            if (CompareForOrder(items, order[k - 1], order[k]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    // Longest predicted duration first, then by uid.
    private static int CompareForOrder(PlannedVmi[] items, int a, int b)
    {
        var byDuration = items[b].Estimate.Duration.Ticks.CompareTo(items[a].Estimate.Duration.Ticks);
        return byDuration != 0 ? byDuration : string.CompareOrdinal(items[a].Vmi.Uid, items[b].Vmi.Uid);
    }

    /// <summary>
    /// The same object for every index derived from one full build: their plans have the same VMIs (instances),
    /// dispositions and nodes in the same places, so what an item's state is derived from is the same in all of them
    /// but the predictions (<see cref="DecisionMemo"/> holds across a revision of the plan).
    /// </summary>
    public object Structure { get; } = new();

    /// <summary>The plan instance this index describes.</summary>
    public DrainPlan Plan { get; }

    /// <summary>The plan's items, in plan order.</summary>
    public PlannedVmi[] Items { get; }

    /// <summary>For each item, the previous item with the same uid, or -1 (plans from the planner have none).</summary>
    public int[] PreviousSameUid { get; }

    /// <summary>For each item, the last item with its uid (itself unless the uid repeats).</summary>
    public int[] LastSameUid { get; }

    /// <summary>For each item, the previous item with the same <c>namespace/name</c>, or -1.</summary>
    public int[] PreviousSameQualifiedName { get; }

    /// <summary>Says quickly of most uids that no item has them.</summary>
    public UidFilter UidFilter { get; }

    /// <summary>The drained nodes.</summary>
    public HashSet<string> Drained { get; }

    /// <summary>The distinct drained nodes; an item's source is an index into this.</summary>
    public string[] DrainedNames { get; }

    /// <summary>For each item, the index in <see cref="DrainedNames"/> of the node it was planned on, or -1.</summary>
    public int[] PlannedSource { get; }

    /// <summary>Items that migrate, ordered by predicted duration (longest first), then by uid.</summary>
    public int[] MigrationOrder { get; }

    /// <summary>
    /// For each drained node, whether its migrations may share its NIC beyond what <c>bandwidthPerMigration</c> leaves
    /// each (<see cref="NicTimeline"/>'s spare lane): none needs the NIC to itself or starts in post-copy, and every
    /// dirty rate and NIC bandwidth is known, not the cost model's assumption.
    /// </summary>
    public bool[] SharesNic { get; }

    /// <summary>The plan's application budgets (<see cref="DrainPlan.Budgets"/>).</summary>
    public ApplicationBudget[] Budgets { get; }

    /// <summary>For each item, the positions in <see cref="Budgets"/> of the budgets it is a member of (mostly none).</summary>
    public int[][] ItemBudgets { get; }

    /// <summary>The index of <paramref name="plan"/>, built on first use.</summary>
    public static PlanIndex For(DrainPlan plan)
    {
        var index = Cache.GetValue(plan, Build);
        if (index.Describes(plan))
        {
            return index;
        }

        // The plan's lists were changed in place after it was first seen; rebuild rather than decide from stale data.
        index = new PlanIndex(plan);
        Cache.AddOrUpdate(plan, index);
        return index;
    }

    private static PlanIndex Build(DrainPlan plan)
    {
        var index = _latest is { } latest && latest.TryGetTarget(out var like) && like.Derives(plan) ? new PlanIndex(plan, like) : new PlanIndex(plan);
        _latest = new WeakReference<PlanIndex>(index);
        return index;
    }

    // Whether plan has this index's plan's nodes and budgets, and in each position the same VMI (instance), disposition
    // and budgets, with no uid twice: what everything but the migration order is built from.
    private bool Derives(DrainPlan plan)
    {
        var items = plan.Items;
        if (items.Count != Items.Length || _lastByUid.Count != Items.Length || !ReferenceEquals(plan.Budgets, Plan.Budgets)
            || !plan.Nodes.SequenceEqual(_planNodes, StringComparer.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < Items.Length; i++)
        {
            var (now, was) = (items[i], Items[i]);
            if (!ReferenceEquals(now.Vmi, was.Vmi) || now.Disposition != was.Disposition || !ReferenceEquals(now.Budgets, was.Budgets))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The last item with this uid (as a dictionary keyed by uid would hold it), or -1.</summary>
    public int LastIndexOf(string uid) => _lastByUid.TryGetValue(uid, out var i) ? i : -1;

    /// <summary>The last item planned under this <c>namespace/name</c>, or -1.</summary>
    public int LastIndexOfQualifiedName(string qualifiedName) =>
        _lastByQualifiedName.TryGetValue(qualifiedName, out var i) ? i : -1;

    /// <summary>The last item with this uid, or null.</summary>
    public PlannedVmi? ItemOf(string uid) => _lastByUid.TryGetValue(uid, out var i) ? Items[i] : null;

    /// <summary>The index of a drained node in <see cref="DrainedNames"/>, or -1.</summary>
    public int DrainedIndexOf(string node) => _drainedIndex.TryGetValue(node, out var i) ? i : -1;

    /// <summary>
    /// The index in <see cref="DrainedNames"/> of the node item <paramref name="item"/>'s VMI is on now, or -1; most VMIs
    /// are where they were planned, which one comparison confirms.
    /// </summary>
    public int SourceOf(int item, string node)
    {
        var planned = PlannedSource[item];
        return planned >= 0 && string.Equals(DrainedNames[planned], node, StringComparison.Ordinal) ? planned : DrainedIndexOf(node);
    }

    // Each item's budgets by position, from the names the planner gave it: once per plan, never per pass.
    private static (ApplicationBudget[], int[][]) IndexBudgets(DrainPlan plan, PlannedVmi[] items)
    {
        var budgets = plan.Budgets.Select(b => b.Budget).ToArray();
        var byName = new Dictionary<string, int>(budgets.Length, StringComparer.Ordinal);
        for (var b = 0; b < budgets.Length; b++)
        {
            byName.TryAdd(budgets[b].Name, b);
        }

        var itemBudgets = new int[items.Length][];
        for (var i = 0; i < items.Length; i++)
        {
            var names = items[i].Budgets;
            itemBudgets[i] = names.Count == 0 ? [] : [.. names.Where(byName.ContainsKey).Select(n => byName[n])];
        }

        return (budgets, itemBudgets);
    }

    private bool Describes(DrainPlan plan)
    {
        var items = plan.Items;
        var nodes = plan.Nodes;
        if (items.Count != Items.Length || nodes.Count != _planNodes.Count)
        {
            return false;
        }

        for (var i = 0; i < Items.Length; i++)
        {
            if (!ReferenceEquals(items[i], Items[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < _planNodes.Count; i++)
        {
            if (!string.Equals(nodes[i], _planNodes[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
