namespace DrainOrchestrator.Workflows.Definitions;

/// <summary>What a waitFor step waits for on every current node.</summary>
public abstract record WaitCondition;

/// <summary>The node's Ready condition is True.</summary>
public sealed record NodeReady : WaitCondition;

/// <summary>The node reports this kubelet version (status.nodeInfo.kubeletVersion) and is Ready.</summary>
public sealed record KubeletVersionIs(string Version) : WaitCondition;

/// <summary>The node carries this label with this value.</summary>
public sealed record LabelIs(string Key, string Value) : WaitCondition;

/// <summary>The node has a condition of this type with this status.</summary>
public sealed record NodeConditionIs(string Type, string Status) : WaitCondition;
