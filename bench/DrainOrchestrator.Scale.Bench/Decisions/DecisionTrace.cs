using System.Globalization;
using System.Text;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Scale.Bench.Clusters;

namespace DrainOrchestrator.Scale.Bench.Decisions;

/// <summary>
/// Every output of every decision along the replayed drains, one line each, for several policies and phases: two
/// builds of Core that write the same trace decided the same on every state of it. No timing.
/// </summary>
internal static class DecisionTrace
{
    private static readonly DrainPolicy Skip = new() { NonMigratableAction = NonMigratableAction.Skip };

    private static readonly (string Name, DrainPolicy Policy, bool Rough)[] Variants =
    [
        ("rolling-5-2", Skip, false),
        ("barrier-5-2", Skip with { WaveMode = WaveMode.Barrier }, false),
        ("rolling-5-1-in1", Skip with { MaxOutboundPerNode = 1, MaxInboundPerNode = 1 }, false),
        ("rolling-5-2-rough", Skip, true),
        ("barrier-5-1-rough", Skip with { WaveMode = WaveMode.Barrier, MaxOutboundPerNode = 1 }, true),
        ("rolling-5-2-shutdown-rough", Skip with { NonMigratableAction = NonMigratableAction.Shutdown }, true),
    ];

    private static readonly DrainPhase[] Phases =
        [new("start", 0), new("quarter", 0.25), new("mid", 0.5), new("three-quarters", 0.75), new("end", 0.98)];

    public static int Write(IReadOnlyList<ScaleCase> cases, int decisions, string path, TextWriter log)
    {
        using var output = new StreamWriter(path, false, new UTF8Encoding(false));
        var lines = 0;
        foreach (var size in cases)
        {
            var cluster = ClusterGenerator.Generate(size, ScaleApplication.Seed);
            var drained = ClusterGenerator.DrainedNodes(size);
            var rough = Rough(cluster, drained);
            foreach (var (name, policy, isRough) in Variants)
            {
                var plan = DrainPlanner.Plan(cluster, drained, policy);
                foreach (var phase in Phases)
                {
                    var count = 0;
                    for (var run = 0; count < decisions; run++)
                    {
                        var replay = DrainReplay.At(cluster, plan, policy, phase.DoneFraction, ScaleApplication.Seed + run,
                            isRough ? rough : ReplayFaults.Calm);
                        for (var step = 0; step < DecisionBenchmark.StepsPerRun && count < decisions; step++, count++)
                        {
                            var decision = DrainScheduler.Decide(replay.State(), replay.Now);
                            output.WriteLine(Line($"{size.Key} {name} {phase.Name} {run}.{step}", decision));
                            replay.Apply(decision);
                            replay.Advance(decision);
                            lines++;
                        }
                    }

                    log.WriteLine($"traced {size.Label}, {name}, {phase.Name}: {count} decisions");
                }
            }
        }

        return lines;
    }

    // A quarter of the migrations fail, VMIs vanish and move, foreign VMIMs run; every zone-1 node outside the drain is
    // held by another drain (so zone-1 VMs find no target) and every tenth node is due for a later drain.
    private static ReplayFaults Rough(ClusterSnapshot cluster, IReadOnlyList<string> drained)
    {
        var drainedSet = drained.ToHashSet(StringComparer.Ordinal);
        var other = cluster.Nodes.Where(n => n.Labels.GetValueOrDefault("topology.kubernetes.io/zone") == "zone-1" && !drainedSet.Contains(n.Name))
            .Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var later = cluster.Nodes.Where((n, i) => i % 10 == 3).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        return new ReplayFaults
        {
            FailureRate = 0.25,
            GoneRate = 0.05,
            MovedRate = 0.05,
            ForeignMigrations = true,
            OtherDrainingNodes = other,
            LaterDrainNodes = later,
        };
    }

    private static string Line(string where, SchedulerDecision d)
    {
        var text = new StringBuilder(where).Append(" | ");
        foreach (var action in d.Actions)
        {
            text.Append(action switch
            {
                StartMigration s => $"start {s.Vmi.Uid} #{s.Attempt} {s.Name} w{s.Wave} {s.SourceNode}->{s.TargetNode} pc={s.PostCopy}; ",
                RestartElsewhere r => $"restart {r.Vmi.Uid} #{r.Attempt} {r.Name}; ",
                _ => action.ToString() + "; ",
            });
        }

        text.Append(CultureInfo.InvariantCulture,
            $"| wake {d.WakeAt?.ToString("O", CultureInfo.InvariantCulture) ?? "-"} | in flight {d.InFlight}, cluster {d.ClusterInFlight}, remaining {d.Remaining}, moved {d.Moved} | given up ");
        foreach (var notice in d.GivenUp)
        {
            text.Append(CultureInfo.InvariantCulture, $"{notice.Item.Vmi.Uid}:{notice.Attempts}:{notice.Reason}; ");
        }

        text.Append("| without target ");
        foreach (var item in d.WithoutTarget)
        {
            text.Append(item.Vmi.Uid).Append("; ");
        }

        return text.ToString();
    }
}
