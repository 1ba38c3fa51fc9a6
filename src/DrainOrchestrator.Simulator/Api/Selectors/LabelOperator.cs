namespace DrainOrchestrator.Simulator.Api.Selectors;

/// <summary>The operators of a label selector requirement.</summary>
public enum LabelOperator
{
    /// <summary><c>key=value</c> or <c>key==value</c>.</summary>
    Equals,

    /// <summary><c>key!=value</c>: also matches objects without the key.</summary>
    NotEquals,

    /// <summary><c>key in (a,b)</c>.</summary>
    In,

    /// <summary><c>key notin (a,b)</c>: also matches objects without the key.</summary>
    NotIn,

    /// <summary><c>key</c>: the key is present.</summary>
    Exists,

    /// <summary><c>!key</c>: the key is absent.</summary>
    DoesNotExist,
}
