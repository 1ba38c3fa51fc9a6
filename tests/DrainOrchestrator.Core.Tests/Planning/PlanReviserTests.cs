using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>
/// <see cref="PlanReviser"/> revises a drain's plan again and again predicting only the items whose inputs moved; every
/// revision equals <see cref="PlanRevision.Revise"/> (every item predicted) on the same inputs, over random sequences of
/// learned NIC floors, dirty rates, start-ups, a changed cluster configuration and MigrationPolicies added, changed
/// (bandwidth, post-copy, selectors) and removed. A start-up that alone changed shifts the items' durations instead.
/// </summary>
public sealed class PlanReviserTests
{
    private const long MiB = 1024 * 1024;
    private const long Nic = 1_250_000_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Revise_RandomLearnedInputs_EqualsRevisingEveryItem(int seed)
    {
        var random = new Random(seed);
        var drained = Enumerable.Range(0, 6).Select(n => "d" + n).ToArray();
        var receivers = Enumerable.Range(0, 6).Select(n => "r" + n).ToArray();
        var vmis = Enumerable.Range(0, 60)
            .Select(i => Make.Vmi("vm-" + i, drained[i % drained.Length], 2 + (i % 5) * 4, dirtyRate: i % 7 == 0 ? 30 * MiB : null,
                labels: new Dictionary<string, string>(StringComparer.Ordinal) { ["tier"] = "t" + (i % 4), ["app"] = "a" + (i % 3) },
                namespaceLabels: new Dictionary<string, string>(StringComparer.Ordinal) { ["team"] = "n" + (i % 2) }))
            .ToList();
        var nodes = drained.Concat(receivers).Select(n => Make.Node(n, 512, nic: n == "d0" ? Nic : null)).ToList();
        var cluster = Make.Cluster(nodes, vmis);
        var policy = new DrainPolicy();
        var plan = DrainPlanner.Plan(cluster, drained, policy);
        var reviser = new PlanReviser(plan);
        var floors = new Dictionary<string, long>(StringComparer.Ordinal);
        var rates = new Dictionary<string, long>(StringComparer.Ordinal);
        var (partial, kept, shifted) = (0, 0, 0);
        DrainPlan? last = null;
        for (var round = 0; round < 80; round++)
        {
            switch (random.Next(7))
            {
                case 0 or 1:
                    floors[drained[random.Next(drained.Length)]] = Nic / 2 + random.Next(8) * (Nic / 8);
                    break;
                case 2 or 3:
                    rates[vmis[random.Next(vmis.Count)].Uid] = (50 + random.Next(20) * 50) * MiB;
                    break;
                case 4 when random.Next(3) == 0:
                    policy = policy with { CostModel = policy.CostModel with { TargetStartup = TimeSpan.FromSeconds(1 + random.Next(10)) } };
                    break;
                case 5 when random.Next(4) == 0:
                    cluster = cluster with { Config = cluster.Config with { ProgressTimeout = TimeSpan.FromSeconds(60 + random.Next(200)) } };
                    break;
                case 6:
                    cluster = cluster with { Policies = ChangePolicies(cluster.Policies, random) };
                    break;
                default:
                    break;
            }

            var learned = cluster with
            {
                Nodes = [.. cluster.Nodes.Select(n => n.NicBandwidthBytesPerSecond is null && floors.TryGetValue(n.Name, out var f)
                    ? n with { NicBandwidthBytesPerSecond = f }
                    : n)],
            };
            var learnedNics = floors.Keys.ToHashSet(StringComparer.Ordinal);

            var revised = reviser.Revise(learned, policy, MigrationHistory.Empty, new Dictionary<string, long>(rates), learnedNics);
            var expected = PlanRevision.Revise(plan, learned, policy, MigrationHistory.Empty.WithDirtyRates(rates), learnedNics);

            Assert.Equal(expected.Items, revised.Items);
            Assert.Equal(expected with { Items = revised.Items }, revised);
            partial += reviser.LastPredicted < plan.Items.Count ? 1 : 0;
            kept += ReferenceEquals(revised, last) ? 1 : 0;
            shifted += reviser.LastShifted > 0 ? 1 : 0;
            last = revised;
        }

        // The incremental paths ran: revisions that predicted only some items, and some that changed nothing.
        Assert.True(partial > 30, $"only {partial} revisions predicted fewer than all items");
        Assert.True(kept > 5, $"only {kept} revisions kept the plan instance");
        Assert.True(shifted > 0, "no revision shifted the items by a changed start-up");
    }

    // A policy added, changed or removed; a fresh list (as the engine maps it) whose unchanged policies are new
    // instances with equal content half of the time.
    private static List<MigrationPolicySnapshot> ChangePolicies(IReadOnlyList<MigrationPolicySnapshot> policies, Random random)
    {
        var next = policies.Select(p => random.Next(2) == 0 ? p with { VmiSelector = new Dictionary<string, string>(p.VmiSelector) } : p).ToList();
        // Selectors of one or two VMI labels (a value no VMI holds among them), none (every VMI), or of the namespace.
        var selector = random.Next(5) switch
        {
            0 => new Dictionary<string, string>(StringComparer.Ordinal) { ["tier"] = "t" + random.Next(5) },
            1 => new Dictionary<string, string>(StringComparer.Ordinal) { ["tier"] = "t" + random.Next(4), ["app"] = "a" + random.Next(3) },
            2 => new Dictionary<string, string>(StringComparer.Ordinal),
            _ => new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "a" + random.Next(3) },
        };
        var namespaces = random.Next(3) == 0 ? new Dictionary<string, string>(StringComparer.Ordinal) { ["team"] = "n" + random.Next(3) } : null;
        var bandwidth = random.Next(3) == 0 ? (long?)null : (16 + random.Next(8) * 32) * MiB;
        var postCopy = random.Next(3) == 0 ? (bool?)null : random.Next(2) == 0;
        if (next.Count > 0 && random.Next(3) == 0)
        {
            next.RemoveAt(random.Next(next.Count));
        }
        else if (next.Count > 0 && random.Next(2) == 0)
        {
            var i = random.Next(next.Count);
            next[i] = Make.Policy(next[i].Name, selector, namespaces, allowPostCopy: postCopy, bandwidth: bandwidth);
        }
        else
        {
            var name = "p" + random.Next(1000);
            while (next.Any(p => p.Name == name))
            {
                name += "x";
            }

            next.Add(Make.Policy(name, selector, namespaces, allowPostCopy: postCopy, bandwidth: bandwidth));
        }

        return next;
    }
}
