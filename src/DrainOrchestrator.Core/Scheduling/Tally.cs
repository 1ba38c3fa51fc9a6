using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>Where the drain stands, counted over the items in plan order in one pass.</summary>
internal sealed class Tally
{
    public List<GiveUpNotice> GivenUp { get; } = [];

    /// <summary>Eligible items the plan restarts, in plan order.</summary>
    public List<int> Restarts { get; } = [];

    public int InFlight { get; private set; }

    public int Remaining { get; private set; }

    public int Moved { get; private set; }

    /// <summary>When the earliest retry's backoff ends; null when none waits.</summary>
    public DateTimeOffset? WakeAt { get; private set; }

    /// <summary>The earliest wave with a migration not yet finished (barrier mode starts only that one).</summary>
    public int EarliestOpenWave { get; private set; } = int.MaxValue;

    public static Tally Of(ItemTable table, PlanIndex plan)
    {
        var tally = new Tally();
        DateTimeOffset? waiting = null;
        for (var i = 0; i < table.Count; i++)
        {
            ref var status = ref table[i];
            if (!status.Movable)
            {
                continue;
            }

            var item = plan.Items[i];
            switch (status.State)
            {
                case ItemState.Done:
                    tally.Moved++;
                    break;
                case ItemState.GivenUp:
                    tally.GivenUp.Add(new GiveUpNotice(item, status.NextAttempt - 1, status.Retry!.Reason));
                    break;
                case ItemState.InFlight:
                    tally.InFlight++;
                    break;
                case ItemState.Waiting when waiting is null || status.Retry!.NotBefore < waiting.Value:
                    waiting = status.Retry!.NotBefore;
                    break;
                case ItemState.Eligible when item.Disposition == PlanDisposition.Restart:
                    tally.Restarts.Add(i);
                    break;
            }

            if (status.State is ItemState.InFlight or ItemState.Eligible or ItemState.Waiting)
            {
                tally.Remaining++;
                if (item.Disposition == PlanDisposition.Migrate)
                {
                    tally.EarliestOpenWave = Math.Min(tally.EarliestOpenWave, item.Wave);
                }
            }
        }

        // As before: a backoff that ends at DateTimeOffset's default is no timer.
        tally.WakeAt = waiting is { } w && w != default ? w : null;
        return tally;
    }
}
