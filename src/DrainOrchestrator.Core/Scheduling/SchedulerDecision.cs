using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>What to do now, when to ask again, and where the drain stands.</summary>
/// <param name="Actions">Actions to journal and perform, in order.</param>
/// <param name="WakeAt">Call again at this time even without an event (a retry's backoff ends); null when no timer.</param>
/// <param name="GivenUp">VMIs given up (recomputed each time; record the ones not yet recorded).</param>
/// <param name="WithoutTarget">VMIs ready to start for which no node fits right now.</param>
/// <param name="InFlight">Our attempts in flight (after the actions).</param>
/// <param name="Remaining">VMIs not yet moved and not given up (in flight included).</param>
/// <param name="Moved">VMIs moved (or gone).</param>
/// <param name="ClusterInFlight">Unfinished migrations in the cluster, ours and foreign (after the actions).</param>
public sealed record SchedulerDecision(
    IReadOnlyList<SchedulerAction> Actions,
    DateTimeOffset? WakeAt,
    IReadOnlyList<GiveUpNotice> GivenUp,
    IReadOnlyList<PlannedVmi> WithoutTarget,
    int InFlight,
    int Remaining,
    int Moved,
    int ClusterInFlight)
{
    /// <summary>
    /// Migrations that could start now but that the window's admission holds back: predicted to end after the window
    /// closes. Empty without a window.
    /// </summary>
    public IReadOnlyList<PlannedVmi> HeldBack { get; init; } = [];

    /// <summary>Moves that could start now but that an application budget holds back: too many of its members are in flight.</summary>
    public IReadOnlyList<PlannedVmi> HeldByBudget { get; init; } = [];

    /// <summary>
    /// Nothing of ours in flight, nothing started, and what remains is held back by the window (or waits for a timer
    /// past its close): nothing more can happen in this window.
    /// </summary>
    public bool IsWindowSpent(DateTimeOffset closesAt) =>
        Remaining > 0 && InFlight == 0 && Actions.Count == 0 && HeldBack.Count > 0 && (WakeAt is null || WakeAt >= closesAt);

    /// <summary>Nothing in flight and nothing left to try: the migrate step is over.</summary>
    public bool IsComplete => Remaining == 0;

    /// <summary>
    /// No migration in flight anywhere, no timer, nothing started, yet VMIs remain: they wait for capacity that only a
    /// change in the cluster can bring (see <see cref="WithoutTarget"/>).
    /// </summary>
    public bool IsStuck => Remaining > 0 && ClusterInFlight == 0 && WakeAt is null && Actions.Count == 0;
}
