namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// The user fields kubectl honours that KubernetesClient 21's <c>UserCredentials</c> and <c>ExternalExecution</c> do not
/// have, read from the same file.
/// </summary>
/// <param name="TokenFile"><c>tokenFile</c>, already absolute: a bearer token re-read as it rotates.</param>
/// <param name="ExecInteractiveMode"><c>exec.interactiveMode</c>: <c>Never</c>, <c>IfAvailable</c> or <c>Always</c>.</param>
public sealed record KubeconfigUserExtras(string? TokenFile, string? ExecInteractiveMode);
