using System.Security.Cryptography;
using System.Text;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine.Learning;
using DrainOrchestrator.Kubernetes.Errors;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Snapshots;

/// <summary>
/// <c>drainctl snapshot</c>: reads a live cluster with GET and LIST requests only and writes it as a drain-sim scenario,
/// optionally with its names replaced by stable pseudonyms (docs/snapshot.md). What the format cannot express comes
/// back as warnings, also written as comments at the top of the scenario.
/// </summary>
public sealed class SnapshotApplication(TimeProvider timeProvider, ILoggerFactory loggerFactory)
{
    /// <summary>The shortest redaction key accepted, in characters.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>Takes the snapshot; bad input is an <see cref="InvalidRequestException"/>, an unreachable cluster a <see cref="ClusterUnavailableException"/>.</summary>
    public async Task<SnapshotResult> TakeAsync(SnapshotRequest request, FrontDoor door, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = Problems(request, door);
        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        var (client, settings) = ClusterClients.Create(request.Cluster, timeProvider, loggerFactory);
        using var _ = client;
        var server = settings.Server.ToString().TrimEnd('/');
        var warnings = new List<string>();
        Engine.Cluster.ClusterState state;
        try
        {
            state = await ClusterReads.ReadAsync(client, warnings, cancellationToken);
        }
        catch (KubernetesApiException ex)
        {
            throw new ClusterUnavailableException($"cannot read the cluster at {server}: {ex.Message}", isConfiguration: false, ex.IsRetryable, ex);
        }

        var unknown = request.Nodes.Where(n => state.FindNode(n) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidRequestException([new RequestProblem(Field("--nodes", "nodes", door),
                $"no such node(s) in the cluster at {server}: {string.Join(", ", unknown)}; list them with kubectl get nodes")]);
        }

        var rates = await MetricRatesAsync(request.Cluster, cancellationToken);
        var scenario = ScenarioMapper.Map(state, request.Nodes, warnings, rates);
        string? generated = null;
        if (request.Redact)
        {
            var key = request.RedactKey is { } given ? Encoding.UTF8.GetBytes(given) : RandomNumberGenerator.GetBytes(32);
            generated = request.RedactKey is null ? Convert.ToHexStringLower(key) : null;
            scenario = Redactor.Apply(scenario, key);
            var nodes = state.Nodes.Select(n => n.Metadata.Name ?? "").ToList();
            var vms = state.Vmis.Select(v => v.Metadata).Concat(state.VirtualMachines.Select(v => v.Metadata)).Select(m => (m.Namespace ?? "", m.Name ?? "")).ToList();
            var names = state.Namespaces.Select(n => n.Metadata.Name ?? "").Concat(state.Policies.Select(p => p.Metadata.Name ?? ""))
                .Concat(state.Vmis.Select(v => v.Metadata.Name ?? "")).Concat(state.VirtualMachines.Select(v => v.Metadata.Name ?? "")).ToList();
            warnings = [.. warnings.Select(w => Redactor.Text(w, key, nodes, vms, names))];
        }

        var logger = loggerFactory.CreateLogger<SnapshotApplication>();
        foreach (var warning in warnings)
        {
            SnapshotLog.NotExpressible(logger, warning);
        }

        SnapshotLog.Taken(logger, server, scenario.Nodes.Count, scenario.Vms.Count, scenario.Policies.Count, warnings.Count, request.Redact);
        // A redacted snapshot must not name its source: the header then says only when it was taken.
        string[] header =
        [
            $"drain-sim scenario written by drainctl snapshot at {timeProvider.GetUtcNow():u}" + (request.Redact ? ", names redacted" : $" from {server}"),
            "Only GET and LIST requests were sent. Values the cluster does not know (working sets, timings) are drain-sim's defaults.",
        ];
        var yaml = ScenarioYamlWriter.Write(scenario, header, warnings);
        return new SnapshotResult(yaml, warnings, scenario.Nodes.Count, scenario.Vms.Count, generated);
    }

    // Asked for explicitly, the metrics must be read: a snapshot without them would silently differ from the one asked for.
    private async Task<IReadOnlyDictionary<(string Namespace, string Name), long>?> MetricRatesAsync(ClusterTarget cluster,
        CancellationToken cancellationToken)
    {
        if (cluster.Prometheus is not { } options)
        {
            return null;
        }

        using var reader = new PrometheusReader(options, timeProvider);
        try
        {
            return await reader.DirtyRatesAsync(cancellationToken);
        }
        catch (PrometheusQueryException ex)
        {
            throw new ClusterUnavailableException(ex.Message, isConfiguration: false, ex.IsRetryable, ex);
        }
    }

    private static List<RequestProblem> Problems(SnapshotRequest request, FrontDoor door)
    {
        var problems = new List<RequestProblem>();
        if (request.RedactKey is not null && !request.Redact)
        {
            problems.Add(new(Field("--redact-key-file", "redactKey", door), "a redaction key is given without redaction: add --redact, or leave the key out"));
        }

        if (request.RedactKey is { } key && key.Length < MinimumKeyLength)
        {
            problems.Add(new(Field("--redact-key-file", "redactKey", door), $"the redaction key must be at least {MinimumKeyLength} characters, was {key.Length}: a short key lets anyone test guessed names against the pseudonyms"));
        }

        foreach (var node in request.Nodes.Where(string.IsNullOrWhiteSpace).Take(1))
        {
            problems.Add(new(Field("--nodes", "nodes", door), "a node name is empty: give names separated by commas, e.g. worker-1,worker-2"));
        }

        return problems;
    }

    private static string Field(string option, string json, FrontDoor door) => door == FrontDoor.CommandLine ? option : json;
}
