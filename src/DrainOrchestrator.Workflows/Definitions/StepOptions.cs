namespace DrainOrchestrator.Workflows.Definitions;

/// <summary>How a forEachBatch forms and orders its batches.</summary>
public enum BatchOrder
{
    /// <summary>One zone at a time (topology.kubernetes.io/zone), zones and nodes by name.</summary>
    Zone,

    /// <summary>By the value of a label, then by name.</summary>
    Label,

    /// <summary>By node name.</summary>
    Name,
}

/// <summary>When a hook runs relative to the batch's drain.</summary>
public enum HookPhase
{
    /// <summary>Before.</summary>
    Pre,

    /// <summary>After.</summary>
    Post,
}

/// <summary>The body a notify step posts.</summary>
public enum NotifyFormat
{
    /// <summary><c>{"workflow", "instance", "step", "message", "nodes", ...}</c>.</summary>
    Generic,

    /// <summary><c>{"text": ...}</c>, as Slack's incoming webhooks take.</summary>
    Slack,
}
