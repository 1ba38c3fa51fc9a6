namespace DrainOrchestrator.Workflows.Definitions;

/// <summary>What a workflow step does; the YAML names are the camelCase of these.</summary>
public enum StepKind
{
    /// <summary>Chooses the workflow's nodes by name, label selector or zone.</summary>
    SelectNodes,

    /// <summary>Runs its steps for each batch of the selected nodes.</summary>
    ForEachBatch,

    /// <summary>Marks the nodes unschedulable.</summary>
    Cordon,

    /// <summary>Drains the nodes (the engine's drain, under the workflow's policy).</summary>
    Drain,

    /// <summary>Waits until a condition holds on every node (Ready, a kubelet version, a label, a node condition), or times out.</summary>
    WaitFor,

    /// <summary>Waits until an operator approves.</summary>
    Approval,

    /// <summary>Blocks while a Prometheus query returns series.</summary>
    AlertGate,

    /// <summary>Calls an HTTP endpoint with the drain's context as JSON, with retries and a timeout.</summary>
    Hook,

    /// <summary>Waits a fixed time.</summary>
    Soak,

    /// <summary>Marks the nodes schedulable again.</summary>
    Uncordon,

    /// <summary>Writes the report of what the workflow did so far.</summary>
    Report,

    /// <summary>Posts a message to a webhook (generic JSON or Slack-compatible).</summary>
    Notify,

    /// <summary>
    /// Returns the VMs moved by the drains this workflow ran before it to their original nodes, one move-back per drain
    /// (the last drain's first); the YAML name is <c>moveback</c>, as the drainctl command.
    /// </summary>
    Moveback,

    /// <summary>
    /// Moves VMs of one namespace to another namespace of the workflow's cluster by decentralized live migration
    /// (<c>drainctl evacuate</c>); top level only.
    /// </summary>
    Evacuate,
}
