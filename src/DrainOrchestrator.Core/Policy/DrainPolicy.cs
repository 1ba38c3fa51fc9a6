using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Policy;

/// <summary>How one drain runs: limits, wave mode, non-migratable VMs, failures, cost model. Immutable.</summary>
public sealed record DrainPolicy
{
    /// <summary>The largest migration limit a policy may state (cluster, outbound or inbound), even above the cluster's limits.</summary>
    public const int MaxMigrationLimit = 1000;

    /// <summary>Most migrations in flight in the whole cluster, counting VMIMs the orchestrator did not create.</summary>
    public int MaxParallelMigrations { get; init; } = DrainPolicyDefaults.MaxParallelMigrations;

    /// <summary>Most migrations in flight out of one node, counting foreign VMIMs.</summary>
    public int MaxOutboundPerNode { get; init; } = DrainPolicyDefaults.MaxOutboundPerNode;

    /// <summary>Most migrations in flight into one node (KubeVirt itself has no such limit).</summary>
    public int MaxInboundPerNode { get; init; } = DrainPolicyDefaults.MaxInboundPerNode;

    /// <summary>Allow limits above the KubeVirt CR's (KubeVirt would then queue the excess as Pending).</summary>
    public bool AllowAboveClusterLimits { get; init; }

    /// <summary>Rolling or barrier waves.</summary>
    public WaveMode WaveMode { get; init; } = WaveMode.Rolling;

    /// <summary>What to do with VMs that cannot be live-migrated.</summary>
    public NonMigratableAction NonMigratableAction { get; init; } = NonMigratableAction.Block;

    /// <summary>
    /// Fail the drain, before any VM moves, when the cluster refuses the maintenance Lease or the node lifecycle
    /// conditions (a missing permission, namespace or feature gate) instead of going on without them.
    /// </summary>
    public bool RequireInterop { get; init; }

    /// <summary>What to do when migrations miss the dedicated migration network the cluster configures.</summary>
    public MigrationNetworkPolicy MigrationNetwork { get; init; } = MigrationNetworkPolicy.Warn;

    /// <summary>Uncordon the nodes when the drain fails or is cancelled.</summary>
    public bool UncordonOnFailure { get; init; } = DrainPolicyDefaults.UncordonOnFailure;

    /// <summary>Retries, backoff and post-copy fallback.</summary>
    public FailurePolicy Failure { get; init; } = new();

    /// <summary>Assumptions of the duration model.</summary>
    public CostModelOptions CostModel { get; init; } = new();

    /// <summary>Admission inside a maintenance window and what its end does.</summary>
    public WindowPolicy Window { get; init; } = new();

    /// <summary>
    /// Application budgets: at most k VMs of a selector migrating (or unavailable) at once, counting everyone's
    /// migrations. Shared by name with every drain of the cluster.
    /// </summary>
    public IReadOnlyList<ApplicationBudget> Budgets { get; init; } = [];

    /// <summary>Every problem with this policy against the cluster's limits; empty when valid.</summary>
    public IReadOnlyList<PolicyProblem> Validate(ClusterMigrationConfig cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var problems = new List<PolicyProblem>();
        InRange(problems, nameof(MaxParallelMigrations), MaxParallelMigrations);
        InRange(problems, nameof(MaxOutboundPerNode), MaxOutboundPerNode);
        InRange(problems, nameof(MaxInboundPerNode), MaxInboundPerNode);
        if (!AllowAboveClusterLimits)
        {
            NotAbove(problems, nameof(MaxParallelMigrations), MaxParallelMigrations,
                "parallelMigrationsPerCluster", cluster.ParallelMigrationsPerCluster);
            NotAbove(problems, nameof(MaxOutboundPerNode), MaxOutboundPerNode,
                "parallelOutboundMigrationsPerNode", cluster.ParallelOutboundMigrationsPerNode);
        }

        if (!Enum.IsDefined(WaveMode))
        {
            problems.Add(new(nameof(WaveMode), "must be Rolling or Barrier", ((int)WaveMode).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!Enum.IsDefined(NonMigratableAction))
        {
            problems.Add(new(nameof(NonMigratableAction), "must be Block, Skip or Shutdown", ((int)NonMigratableAction).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!Enum.IsDefined(MigrationNetwork))
        {
            problems.Add(new(nameof(MigrationNetwork), "must be Warn, Fail or Off", ((int)MigrationNetwork).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        problems.AddRange((Failure ?? new FailurePolicy()).Validate());
        problems.AddRange((CostModel ?? new CostModelOptions()).Validate());
        problems.AddRange((Window ?? new WindowPolicy()).Validate());
        problems.AddRange(BudgetProblems(Budgets));
        if (Failure is null)
        {
            problems.Add(new(nameof(Failure), "must be set", null));
        }

        if (CostModel is null)
        {
            problems.Add(new(nameof(CostModel), "must be set", null));
        }

        if (Window is null)
        {
            problems.Add(new(nameof(Window), "must be set", null));
        }

        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming every problem when the policy is invalid.</summary>
    public void EnsureValid(ClusterMigrationConfig cluster)
    {
        var problems = Validate(cluster);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid drain policy: " + string.Join("; ", problems.Select(p => p.ToString())) + ".");
        }
    }

    private static IEnumerable<PolicyProblem> BudgetProblems(IReadOnlyList<ApplicationBudget>? budgets)
    {
        if (budgets is null)
        {
            yield return new(nameof(Budgets), "must be set (an empty list for none)", null);
            yield break;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < budgets.Count; i++)
        {
            var path = $"{nameof(Budgets)}[{i}]";
            if (budgets[i] is not { } budget)
            {
                yield return new(path, "must not be null", null);
                continue;
            }

            foreach (var problem in budget.Validate(path))
            {
                yield return problem;
            }

            if (!string.IsNullOrWhiteSpace(budget.Name) && !names.Add(budget.Name))
            {
                yield return new(path + ".Name", "must be unique among the policy's budgets", $"'{budget.Name}'");
            }
        }
    }

    // At least 1, and at most MaxMigrationLimit even above the cluster's limits: a migration is a target pod and a share
    // of a NIC, so no cluster runs more at once, and a larger number is a typo.
    private static void InRange(List<PolicyProblem> problems, string name, int value)
    {
        if (value < 1 || value > MaxMigrationLimit)
        {
            problems.Add(new(name, value < 1 ? "must be at least 1" : $"must be at most {MaxMigrationLimit}",
                value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static void NotAbove(List<PolicyProblem> problems, string name, int value, string clusterName, int clusterValue)
    {
        if (value > clusterValue)
        {
            problems.Add(new(name, $"must not exceed the KubeVirt CR's {clusterName} ({clusterValue})", value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Remedy: nameof(AllowAboveClusterLimits)));
        }
    }
}
