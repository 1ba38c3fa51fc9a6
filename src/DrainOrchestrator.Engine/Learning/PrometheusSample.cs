namespace DrainOrchestrator.Engine.Learning;

/// <summary>One series of an instant vector: its labels and its value.</summary>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, double Value);
