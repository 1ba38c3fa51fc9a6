namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>How long the steps of a migration take in the model, from the scenario.</summary>
public sealed record MigrationTimings
{
    /// <summary>From target pod bound to running (the VMIM then enters Scheduled).</summary>
    public TimeSpan TargetPodStartup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>From Scheduled to the hand-off (PreparingTarget).</summary>
    public TimeSpan HandOff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>From PreparingTarget to TargetReady.</summary>
    public TimeSpan TargetPreparation { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>From TargetReady to Running.</summary>
    public TimeSpan TransferStart { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long an abort of a running migration takes.</summary>
    public TimeSpan Abort { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a target pod may stay unschedulable before the VMIM fails (KubeVirt: 300 s).</summary>
    public TimeSpan UnschedulableTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>How long a cold restart of a lost VMI takes before it runs again.</summary>
    public TimeSpan ColdRestart { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>With auto-converge: how often the vCPU throttle is raised once the first pass is done.</summary>
    public TimeSpan AutoConvergeStep { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Every problem with these timings, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Check(problems, nameof(TargetPodStartup), TargetPodStartup);
        Check(problems, nameof(HandOff), HandOff);
        Check(problems, nameof(TargetPreparation), TargetPreparation);
        Check(problems, nameof(TransferStart), TransferStart);
        Check(problems, nameof(Abort), Abort);
        Check(problems, nameof(ColdRestart), ColdRestart);
        if (UnschedulableTimeout <= TimeSpan.Zero)
        {
            problems.Add($"unschedulableTimeout must be positive, was {UnschedulableTimeout}");
        }

        if (AutoConvergeStep <= TimeSpan.Zero)
        {
            problems.Add($"autoConvergeStep must be positive, was {AutoConvergeStep}");
        }

        return problems;
    }

    private static void Check(List<string> problems, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            problems.Add($"{char.ToLowerInvariant(name[0])}{name[1..]} must not be negative, was {value}");
        }
    }
}
