using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Windows;

/// <summary>
/// Predicts how many windows a plan takes by playing the admission of <see cref="WindowAdmission"/> over the plan's
/// migrations, window after window: in rolling mode a migration starts as soon as a cluster slot and a slot of its
/// source are free and the window admits it, else it waits for the next window; in barrier mode a wave starts when the
/// previous one ended, and a wave the window cannot finish holds back the waves after it. Every window opens with all
/// slots free, as the admission leaves nothing in flight past a window's end.
/// </summary>
public static class WindowForecaster
{
    /// <summary>More windows than this are not counted: the work is reported as never fitting.</summary>
    public const int MaxWindows = 10_000;

    /// <summary>Forecasts <paramref name="plan"/> over windows: the first of length <paramref name="first"/>, each later one <paramref name="later"/>.</summary>
    /// <param name="plan">The drain's plan.</param>
    /// <param name="policy">The policy: limits, wave mode, window margin.</param>
    /// <param name="first">The first window's usable length before the margin (e.g. what is left of the current one).</param>
    /// <param name="later">Each later window's length.</param>
    /// <param name="factor">The pessimism factor (<see cref="PessimisticDuration.Factor"/>).</param>
    public static WindowForecast Forecast(DrainPlan plan, DrainPolicy policy, TimeSpan first, TimeSpan later, double factor)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(policy);
        var origin = DateTimeOffset.UnixEpoch;
        var longest = WindowAdmission.For(new(origin, origin + (first > later ? first : later)), policy.Window, factor);
        var migrations = plan.Waves.SelectMany(w => w.Items).ToList();
        var neverFit = migrations.Where(i => !longest.Admits(i, origin)).ToList();
        var pending = migrations.Where(i => longest.Admits(i, origin)).ToList();
        var windows = 0;
        while (pending.Count > 0)
        {
            var admission = WindowAdmission.For(new(origin, origin + (windows == 0 ? first : later)), policy.Window, factor);
            var left = policy.WaveMode == WaveMode.Barrier ? Barrier(pending, admission, origin) : Rolling(pending, admission, origin, policy);
            windows++;
            if ((left.Count == pending.Count && windows > 1) || windows >= MaxWindows)
            {
                // A later window admits none of them (it is shorter than the first): they never fit.
                neverFit.AddRange(left);
                break;
            }

            pending = left;
        }

        return new WindowForecast(windows, factor, neverFit);
    }

    // One window of rolling mode; returns the migrations it does not admit, in order.
    private static List<PlannedVmi> Rolling(List<PlannedVmi> pending, WindowAdmission admission, DateTimeOffset origin, DrainPolicy policy)
    {
        var cluster = Slots(policy.MaxParallelMigrations);
        var sources = new Dictionary<string, PriorityQueue<long, long>>(StringComparer.Ordinal);
        var left = new List<PlannedVmi>();
        foreach (var item in pending)
        {
            if (!sources.TryGetValue(item.Vmi.NodeName, out var source))
            {
                source = Slots(policy.MaxOutboundPerNode);
                sources[item.Vmi.NodeName] = source;
            }

            var start = Math.Max(cluster.Peek(), source.Peek());
            if (!admission.Admits(item, origin.AddTicks(start)))
            {
                left.Add(item);
                continue;
            }

            var end = start + admission.Predict(item).Ticks;
            cluster.Dequeue();
            source.Dequeue();
            cluster.Enqueue(end, end);
            source.Enqueue(end, end);
        }

        return left;
    }

    // One window of barrier mode; returns the migrations it does not admit, in order.
    private static List<PlannedVmi> Barrier(List<PlannedVmi> pending, WindowAdmission admission, DateTimeOffset origin)
    {
        var left = new List<PlannedVmi>();
        var start = TimeSpan.Zero;
        var blocked = false;
        foreach (var wave in pending.GroupBy(i => i.Wave).OrderBy(g => g.Key))
        {
            if (blocked)
            {
                left.AddRange(wave);
                continue;
            }

            var end = start;
            foreach (var item in wave)
            {
                if (admission.Admits(item, origin + start))
                {
                    var finish = start + admission.Predict(item);
                    end = finish > end ? finish : end;
                }
                else
                {
                    left.Add(item);
                    blocked = true;
                }
            }

            start = end;
        }

        return left;
    }

    private static PriorityQueue<long, long> Slots(int count)
    {
        var slots = new PriorityQueue<long, long>();
        for (var i = 0; i < Math.Max(1, count); i++)
        {
            slots.Enqueue(0, 0);
        }

        return slots;
    }
}
