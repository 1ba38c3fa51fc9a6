using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// Which guests wait for a sibling (<see cref="SiblingKey"/>) before they start: while the first guests of a kind
/// nothing is known of (a default dirty rate, no sibling has ended a transfer yet) run out of a node, their siblings on
/// that node do not start. Siblings likely dirty their memory alike: two that share a NIC at a rate above their share
/// stop converging together, while the first one's end tells the plan how fast they dirty. Other kinds keep the node's
/// other slots busy meanwhile; once one sibling ended (succeeded or did not converge) the kind is known and the plan
/// has learned from it.
/// </summary>
internal sealed class SiblingWaits
{
    private readonly Dictionary<string, string> _kindOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Kind), List<string>> _unknownMembers = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);

    /// <summary>Indexes the plan's migrations by kind and source; only guests with a default dirty rate can wait.</summary>
    public SiblingWaits(IEnumerable<PlannedVmi> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        foreach (var item in migrations)
        {
            var kind = SiblingKey.Of(item.Vmi);
            if (_kindOf.TryAdd(item.Vmi.Uid, kind))
            {
                if (!_members.TryGetValue(kind, out var all))
                {
                    _members[kind] = all = [];
                }

                all.Add(item.Vmi.Uid);
            }

            if (item.DirtyRateSource == InputSource.Default)
            {
                var key = (item.Vmi.NodeName, kind);
                if (!_unknownMembers.TryGetValue(key, out var members))
                {
                    members = [];
                    _unknownMembers[key] = members;
                }

                members.Add(item.Vmi.Uid);
            }
        }
    }

    /// <summary>The kind of a planned guest.</summary>
    public string KindOf(string uid) => _kindOf[uid];

    /// <summary>The planned guests of a kind (their uids).</summary>
    public IReadOnlyList<string> MembersOf(string kind) => _members.TryGetValue(kind, out var all) ? all : [];

    /// <summary>A guest of this kind ended a transfer that tells its dirty rate.</summary>
    public void Known(string uid) => _known.Add(_kindOf[uid]);

    /// <summary>Whether a guest of this planned guest's kind ended a transfer that tells its dirty rate.</summary>
    public bool IsKnown(string uid) => _kindOf.TryGetValue(uid, out var kind) && _known.Contains(kind);

    /// <summary>
    /// The guests that wait now, given the migrations in flight (uid and source); the same set instance each call, valid
    /// until the next.
    /// </summary>
    public IReadOnlySet<string> Waiting(IEnumerable<(string Uid, string Source)> inFlight)
    {
        ArgumentNullException.ThrowIfNull(inFlight);
        _waiting.Clear();
        List<string>? flying = null;
        foreach (var (uid, source) in inFlight)
        {
            var kind = _kindOf[uid];
            if (_known.Contains(kind) || !_unknownMembers.TryGetValue((source, kind), out var members))
            {
                continue;
            }

            (flying ??= []).Add(uid);
            _waiting.UnionWith(members);
        }

        if (flying is not null)
        {
            _waiting.ExceptWith(flying);
        }

        return _waiting;
    }
}
