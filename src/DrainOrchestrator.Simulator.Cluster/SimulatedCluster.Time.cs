namespace DrainOrchestrator.Simulator.Cluster;

public sealed partial class SimulatedCluster
{
    /// <summary>The model's current time.</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _ctx.Now;
            }
        }
    }

    /// <summary>
    /// When something next happens on its own: a timer, or the next physics step while transfers run. Null when the
    /// model is idle (nothing will change until an input arrives).
    /// </summary>
    public DateTimeOffset? NextEventTime
    {
        get
        {
            lock (_gate)
            {
                return NextEventTimeCore();
            }
        }
    }

    /// <summary>
    /// Moves model time forward to <paramref name="target"/>, running every timer and physics step due on the way.
    /// A target in the past is ignored (real-time hosting may call with a clock that stepped back).
    /// </summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        lock (_gate)
        {
            while (NextEventTimeCore() is { } next && next <= target)
            {
                if (next > _ctx.Now)
                {
                    _ctx.Now = next;
                }

                RunDue();
            }

            // Another cluster on the network paired with or freed a slot for one of ours: admit on this pass.
            if (_controller.AdmissionRequested)
            {
                RunDue();
            }

            if (target > _ctx.Now)
            {
                _ctx.Now = target;
                _controller.Transfers.IntegrateTo(target);
            }
        }
    }

    /// <summary>Moves model time forward by <paramref name="duration"/>.</summary>
    public void AdvanceBy(TimeSpan duration) => AdvanceTo(Now + duration);

    /// <summary>
    /// Virtual time: jumps from event to event until the model is idle or <paramref name="deadline"/> is reached.
    /// Returns the model time reached.
    /// </summary>
    public DateTimeOffset RunUntilIdle(DateTimeOffset? deadline = null)
    {
        lock (_gate)
        {
            while (NextEventTimeCore() is { } next && (deadline is null || next <= deadline))
            {
                AdvanceTo(next);
            }

            if (deadline is { } end && end > _ctx.Now && NextEventTimeCore() is not null)
            {
                AdvanceTo(end);
            }

            return _ctx.Now;
        }
    }

    private DateTimeOffset? NextEventTimeCore()
    {
        var timer = _ctx.Events.NextTime;
        var tick = _controller.NextTick;
        return (timer, tick) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } b) => b,
            ({ } a, { } b) => a < b ? a : b,
        };
    }

    /// <summary>Runs everything due at the current time: timers, the physics tick, then a pass of the controllers and of
    /// the upgrader (which only schedules); repeats while those schedule more work for the same instant.</summary>
    private void RunDue()
    {
        do
        {
            while (_ctx.Events.TryDequeueDue(_ctx.Now, out var action))
            {
                action();
            }

            if (_controller.NextTick is { } tick && tick <= _ctx.Now)
            {
                _controller.Tick();
            }

            _controller.Reconcile();
            _upgrader.Reconcile();
        }
        while (_ctx.Events.NextTime is { } next && next <= _ctx.Now);
    }
}
