namespace DrainOrchestrator.Persistence.Budget;

/// <summary>
/// A cluster's budget as read under its lock: the slots every drain holds (its unfinished migration attempts, less
/// those the asking engine saw end), per drain and per source node, and what each drain last said it wants.
/// </summary>
internal sealed class BudgetLedger
{
    private readonly Dictionary<string, int> _outbound = new(StringComparer.Ordinal);
    private readonly List<ClusterBudgetStore.HeldSlotRow> _slots = [];
    private readonly List<ClusterBudgetStore.RestartRow> _restarts = [];

    private BudgetLedger()
    {
    }

    /// <summary>Slots held by every drain of the cluster.</summary>
    public int Held { get; private set; }

    /// <summary>Every drain holding slots or with a demand row, in no particular order.</summary>
    public Dictionary<Guid, Entry> Drains { get; } = [];

    /// <param name="held">The unfinished migration attempts of the cluster's drains.</param>
    /// <param name="demands">The demand rows of the cluster's unfinished drains.</param>
    /// <param name="self">The asking drain, always in the ledger; null for a read of the whole cluster.</param>
    /// <param name="ended">VMIM names to leave out: seen ended, maybe not recorded yet.</param>
    /// <param name="freshSince">Demand rows refreshed before this are ignored.</param>
    /// <param name="restarts">The unfinished restart attempts of the cluster's drains (they hold no slot; unavailability budgets count them).</param>
    /// <param name="stillInFlight">
    /// Whether the view shows a VMIM (namespace, name) unfinished: the unfinished attempt of a drain that ended holds a
    /// slot only then (nobody records its end any more); null: it holds none.
    /// </param>
    public static BudgetLedger Build(IEnumerable<ClusterBudgetStore.HeldSlotRow> held, IEnumerable<ClusterBudgetStore.DemandRow> demands,
        ClusterBudgetStore.DrainRow? self, IReadOnlySet<string> ended, DateTimeOffset freshSince,
        IEnumerable<ClusterBudgetStore.RestartRow>? restarts = null, Func<string, string, bool>? stillInFlight = null)
    {
        var ledger = new BudgetLedger();
        ledger._restarts.AddRange((restarts ?? []).Where(r => !ended.Contains(r.VmimName)));
        if (self is not null)
        {
            ledger.EntryOf(self.DrainId, self.DrainName, self.DrainCreatedAt);
        }

        foreach (var slot in held)
        {
            if (ended.Contains(slot.VmimName) || (slot.DrainFinished && stillInFlight?.Invoke(slot.VmiNamespace, slot.VmimName) != true))
            {
                continue;
            }

            ledger.Held++;
            ledger._slots.Add(slot);
            ledger._outbound[slot.SourceNode] = ledger.OutboundOf(slot.SourceNode) + 1;
            var entry = ledger.EntryOf(slot.DrainId, slot.DrainName, slot.DrainCreatedAt);
            entry.Held++;
        }

        foreach (var row in demands)
        {
            var entry = ledger.EntryOf(row.DrainId, row.DrainName, row.DrainCreatedAt);
            entry.Published = row;
            entry.Fresh = Utc(row.RefreshedAt) >= freshSince;
        }

        return ledger;
    }

    /// <summary>Adds a drain that holds nothing and published nothing (a status lists every unfinished drain).</summary>
    public void Include(ClusterBudgetStore.DrainRow drain) => EntryOf(drain.DrainId, drain.DrainName, drain.DrainCreatedAt);

    /// <summary>Slots held out of <paramref name="node"/> by every drain.</summary>
    public int OutboundOf(string node) => _outbound.GetValueOrDefault(node);

    /// <summary>
    /// Slots held by every drain whose VMI is a member of <paramref name="budget"/>, and for an unavailability budget
    /// every drain's restarts in flight of its members.
    /// </summary>
    public int HeldIn(BudgetSlotRequest budget) => _slots.Count(s => budget.IsMember(s.VmiNamespace, s.VmiName))
        + (budget.IsRestartMember is { } restarted ? _restarts.Count(r => restarted(r.VmiNamespace, r.VmiName)) : 0);

    public int HeldBy(Guid drainId) => Drains.TryGetValue(drainId, out var entry) ? entry.Held : 0;

    /// <summary>
    /// The claims to share the capacity among: every drain holding slots or freshly wanting some, and
    /// <paramref name="drainId"/> (in the ledger) whatever it holds, its wants replaced by <paramref name="wanted"/> when
    /// given (the asking drain's own count, newer than its row). Ordered by drain id.
    /// </summary>
    public List<BudgetClaim> Claims(Guid drainId, int? wanted)
    {
        var claims = new List<BudgetClaim>(Drains.Count);
        foreach (var (id, entry) in Drains)
        {
            var wants = id == drainId && wanted is { } w ? w : entry.Wanted;
            if (id == drainId || entry.Held + wants > 0)
            {
                claims.Add(new BudgetClaim(id, entry.Held, entry.Held + wants, entry.LastGrantedAt, entry.CreatedAt));
            }
        }

        claims.Sort((a, b) => a.DrainId.CompareTo(b.DrainId));
        return claims;
    }

    private Entry EntryOf(Guid drainId, string name, DateTime createdAt)
    {
        if (!Drains.TryGetValue(drainId, out var entry))
        {
            entry = new Entry(name, Utc(createdAt));
            Drains[drainId] = entry;
        }

        return entry;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>One drain in the ledger.</summary>
    internal sealed class Entry(string name, DateTimeOffset createdAt)
    {
        public string Name { get; } = name;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public int Held { get; set; }

        public ClusterBudgetStore.DemandRow? Published { get; set; }

        public bool Fresh { get; set; }

        /// <summary>When the budget last granted it a slot, stale row or not.</summary>
        public DateTimeOffset? LastGrantedAt => Published?.LastGrantedAt is { } at ? Utc(at) : null;

        /// <summary>What it wants beyond what it holds, when its row is fresh; otherwise nothing.</summary>
        public int Wanted => Fresh && Published is { } row ? row.Wanted : 0;
    }
}
