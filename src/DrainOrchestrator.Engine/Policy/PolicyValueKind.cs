namespace DrainOrchestrator.Engine.Policy;

/// <summary>What kind of value a policy field takes.</summary>
public enum PolicyValueKind
{
    /// <summary>An integer.</summary>
    Count,

    /// <summary>A finite number of seconds.</summary>
    Seconds,

    /// <summary>true or false; on the command line a flag that sets true.</summary>
    Switch,

    /// <summary>One of a few lowercase words.</summary>
    Choice,

    /// <summary>A list of application budgets (JSON objects; on the command line, a repeatable <c>--budget</c>).</summary>
    Budgets,
}
