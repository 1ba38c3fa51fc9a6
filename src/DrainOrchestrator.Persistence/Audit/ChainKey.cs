namespace DrainOrchestrator.Persistence.Audit;

/// <summary>One chain: the records of a drain, of a workflow instance, or of neither (id <see cref="Guid.Empty"/>).</summary>
/// <param name="Scope">What the chain belongs to.</param>
/// <param name="Id">The drain's or the instance's id.</param>
public sealed record ChainKey(ChainScope Scope, Guid Id)
{
    /// <summary>The chain of a drain.</summary>
    public static ChainKey OfDrain(Guid drainId) => new(ChainScope.Drain, drainId);

    /// <summary>The chain of a workflow instance.</summary>
    public static ChainKey OfWorkflow(Guid instanceId) => new(ChainScope.Workflow, instanceId);

    /// <inheritdoc />
    public override string ToString() => $"{ChainScopes.Word(Scope)} {Id:D}";
}
