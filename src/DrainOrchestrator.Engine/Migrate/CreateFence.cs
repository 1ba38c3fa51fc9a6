using DrainOrchestrator.Engine.Workflow;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Fences the VMIM create in time, since the API server cannot check our lease's epoch the way PostgreSQL does. The
/// argument, in three parts:
/// <list type="number">
/// <item>The owner sends a create only while its lease is provably its own for longer than the create's deadline plus a
/// margin (<see cref="EnterAsync"/>, checked right before the call, after confirming the lease when too little is
/// left). The lease's remaining time is measured on this process's elapsed clock from the request that granted it, and
/// the database granted it from a later moment, so by real time the deadline passes before the lease can expire.</item>
/// <item>The deadline holds at both ends: our call is cancelled at it, and the request carries it as its
/// <c>timeout</c> (whole seconds, <see cref="ServerBound"/>), so an API server that received it gives it up rather
/// than commit it later than that. A request received before our deadline lands at most <see cref="ServerBound"/> after
/// it, and so before the lease's expiry plus <see cref="ServerBound"/>.</item>
/// <item>A new owner acquires the lease only after it expired, then waits <see cref="ServerBound"/> past its
/// acquisition before it decides an unconfirmed intent (<see cref="WaitOutPreviousOwnerAsync"/>), reading the VMIM from
/// the API server itself: what is absent then can no longer be created by the old owner, so <c>not_created</c> is the
/// truth.</item>
/// </list>
/// What remains: a process paused between the check and the moment its request leaves (microseconds of code) could
/// send it on resuming, past its lease. The deadline timer is armed before the check to keep that window short, and a
/// retry of a VMI reads the API server for an unfinished VMIM of it first (<see cref="MigrationLoop"/>), so even then
/// two migrations of one VM are never both ours to start.
/// </summary>
internal sealed class CreateFence(DrainContext context)
{
    /// <summary>Our side's deadline of one create.</summary>
    public TimeSpan Deadline => context.Options.EffectiveCreateDeadline;

    /// <summary>The API server's bound on the same request: its <c>timeout</c>, the deadline rounded up to whole seconds.</summary>
    public TimeSpan ServerBound => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(Deadline.TotalSeconds)));

    /// <summary>How long the lease must still be ours for a create to be sent.</summary>
    public TimeSpan Needed => Deadline + context.Options.CreateMargin;

    /// <summary>
    /// Opens the window of one create: a token that cancels at the deadline (and with <paramref name="cancellationToken"/>),
    /// or null when the lease cannot be confirmed with <see cref="Needed"/> left (the create must wait: it is deferred).
    /// Throws <see cref="Persistence.Leases.LeaseLostException"/> when another process took the lease over.
    /// </summary>
    public async Task<CreateWindow?> EnterAsync(CancellationToken cancellationToken)
    {
        if (context.Ownership.Remaining <= Needed)
        {
            await context.Ownership.ConfirmAsync(cancellationToken);
        }

        // Armed before the last check: however long this process is paused from here, the call is cancelled at the deadline.
        var window = new CreateWindow(Deadline, context.Time, cancellationToken);
        if (context.Ownership.Remaining > Needed)
        {
            return window;
        }

        window.Dispose();
        return null;
    }

    /// <summary>
    /// Waits until any create a previous owner sent can no longer land: <see cref="ServerBound"/> after this process
    /// acquired the lease (which the previous owner's lease had to expire for).
    /// </summary>
    public async Task WaitOutPreviousOwnerAsync(CancellationToken cancellationToken)
    {
        // Measured on elapsed time, not trusted to one timer: a clock whose timers run faster than its timestamps (the
        // cluster-time test knob) must not cut the wait short, since the API server's bound is real time.
        TimeSpan left;
        while ((left = ServerBound - context.Ownership.HeldFor) > TimeSpan.Zero)
        {
            await Task.Delay(left, context.Time, cancellationToken);
        }
    }
}
