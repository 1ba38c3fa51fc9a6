namespace DrainOrchestrator.Simulator.Cluster.Tests.Benchmarks;

/// <summary>A fact that runs only by hand: set <c>DRAIN_SIM_BENCH=1</c>. CI skips it.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "DRAIN_SIM_BENCH";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"benchmark: run by hand with {Variable}=1";
        }
    }
}
