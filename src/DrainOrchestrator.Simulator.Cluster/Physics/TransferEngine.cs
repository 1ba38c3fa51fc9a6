using System.Globalization;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The running transfers. Between events the model integrates them with piecewise-constant rates; at each tick it
/// decides convergence, mode switches and timeouts the way KubeVirt's migration monitor does.
/// </summary>
internal sealed class TransferEngine(TimeSpan autoConvergeStep)
{
    private const double FirstThrottle = 0.2;
    private const double ThrottleIncrement = 0.1;
    private const double MaxThrottle = 0.99;

    private readonly List<Transfer> _active = [];
    private bool _ratesStale;

    public DateTimeOffset IntegratedTo { get; private set; }

    public bool HasActive => _active.Count > 0;

    public IReadOnlyList<Transfer> Active => _active;

    public void Add(Transfer transfer, DateTimeOffset now)
    {
        IntegrateTo(now);
        _active.Add(transfer);
        _ratesStale = true;
    }

    public void Remove(Transfer transfer, DateTimeOffset now)
    {
        IntegrateTo(now);
        if (_active.Remove(transfer))
        {
            _ratesStale = true;
        }
    }

    /// <summary>Network or node state changed: rates are recomputed before the next slice.</summary>
    public void Invalidate(DateTimeOffset now)
    {
        IntegrateTo(now);
        _ratesStale = true;
    }

    public void IntegrateTo(DateTimeOffset now)
    {
        var seconds = (now - IntegratedTo).TotalSeconds;
        if (_active.Count == 0 || seconds <= 0)
        {
            IntegratedTo = now > IntegratedTo ? now : IntegratedTo;
            return;
        }

        if (_ratesStale)
        {
            BandwidthAllocator.Allocate(_active);
            _ratesStale = false;
        }

        foreach (var transfer in _active)
        {
            var memorySeconds = TransferPhysics.CopyDisk(transfer, seconds, now);
            if (memorySeconds > 0)
            {
                TransferPhysics.Integrate(transfer, transfer.Job.Vm.DirtyRate, memorySeconds, now);
            }
        }

        IntegratedTo = now;
    }

    public List<TransferVerdict> Evaluate(DateTimeOffset now)
    {
        IntegrateTo(now);
        if (_ratesStale)
        {
            BandwidthAllocator.Allocate(_active);
            _ratesStale = false;
        }

        var verdicts = new List<TransferVerdict>();
        foreach (var transfer in _active)
        {
            if (Decide(transfer, now) is { } verdict)
            {
                verdicts.Add(verdict);
            }
        }

        return verdicts;
    }

    private TransferVerdict? Decide(Transfer t, DateTimeOffset now)
    {
        if (!t.Source.MigrationNetworkUp || !t.Target.MigrationNetworkUp)
        {
            return new(t, TransferVerdictKind.NetworkLost);
        }

        if (t.AbortAt is { } abortAt && now >= abortAt)
        {
            t.AbortAt = null;
            return new(t, t.Mode == MigrationMode.PostCopy ? TransferVerdictKind.AbortFailed : TransferVerdictKind.UserAborted);
        }

        if (t.Mode == MigrationMode.PostCopy)
        {
            // No timeout applies once the guest runs on the target.
            return t.Remaining <= 0 ? new(t, TransferVerdictKind.Completed) : null;
        }

        if (t.StopAndCopy || TransferPhysics.CanConverge(t))
        {
            // The stop-and-copy: the guest pauses and the remainder crosses before the target takes over (no timeout
            // applies: it fits in the allowed downtime).
            t.StopAndCopy = true;
            return t.Remaining <= 0 ? new(t, TransferVerdictKind.Completed) : null;
        }

        var elapsed = now - t.StartedAt;
        if (elapsed > t.Deadline)
        {
            return OnBudgetExhausted(t);
        }

        if (now - t.LastProgressAt > t.Config.ProgressTimeout)
        {
            return new(t, TransferVerdictKind.Aborted, string.Create(CultureInfo.InvariantCulture,
                $"Live migration stuck for {(long)t.Config.ProgressTimeout.TotalSeconds} seconds and has been aborted"));
        }

        ApplyAutoConverge(t, now);
        return null;
    }

    private static TransferVerdict OnBudgetExhausted(Transfer t)
    {
        if (t.Mode == MigrationMode.PreCopy && t.Config.AllowPostCopy && t.Config.AllowWorkloadDisruption)
        {
            t.Mode = MigrationMode.PostCopy;
            return new(t, TransferVerdictKind.SwitchedToPostCopy);
        }

        if (t.Mode == MigrationMode.PreCopy && t.Config.AllowWorkloadDisruption)
        {
            t.Mode = MigrationMode.Paused;
            t.Deadline += t.Budget;
            return new(t, TransferVerdictKind.Paused);
        }

        return new(t, TransferVerdictKind.Aborted, string.Create(CultureInfo.InvariantCulture,
            $"Live migration is not completed after {(long)t.Deadline.TotalSeconds} seconds and has been aborted"));
    }

    private void ApplyAutoConverge(Transfer t, DateTimeOffset now)
    {
        if (!t.Config.AllowAutoConverge || t.Mode != MigrationMode.PreCopy || t.FirstPass > 0)
        {
            return;
        }

        if (t.NextThrottleAt is null)
        {
            t.Throttle = FirstThrottle;
            t.NextThrottleAt = now + autoConvergeStep;
        }
        else if (now >= t.NextThrottleAt)
        {
            t.Throttle = Math.Min(MaxThrottle, t.Throttle + ThrottleIncrement);
            t.NextThrottleAt = now + autoConvergeStep;
        }
    }
}
