namespace DrainOrchestrator.Core.Planning;

/// <summary>Where a plan's target start-up (<see cref="CostModelOptions.TargetStartup"/>) came from.</summary>
public enum StartupSource
{
    /// <summary>The operator set it in the drain policy (<c>targetStartupSeconds</c>): never overridden.</summary>
    Policy,

    /// <summary>Migrations observed on the cluster: earlier drains' (PostgreSQL), then the drain's own.</summary>
    Observed,

    /// <summary>The assumption (<see cref="CostModelOptions.DefaultTargetStartup"/>), until enough was observed.</summary>
    Default,
}
