namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>A named entry of a merged kubeconfig and the file that defined it (errors name that file).</summary>
/// <typeparam name="T">The library's model of the entry.</typeparam>
/// <param name="SourceFile">The file that defined the entry.</param>
/// <param name="Value">The entry.</param>
public sealed record KubeconfigEntry<T>(string SourceFile, T Value);
