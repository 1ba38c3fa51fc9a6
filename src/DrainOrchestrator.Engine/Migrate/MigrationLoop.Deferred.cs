using System.Net;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// VMIM creates the infrastructure failed (5xx, timeouts): the attempt stays intended, holding its slot, and the same
/// name is created again after a backoff. A create that did land meanwhile is adopted (or shows in the informer), so
/// nothing is created twice, and the VM is charged no attempt. Refusals by RBAC, or failures beyond
/// <see cref="DrainEngineOptions.ApiOutageTimeout"/>, stop the run as interrupted: resumable once the cause is fixed.
/// </summary>
internal sealed partial class MigrationLoop
{
    private readonly Dictionary<string, DeferredCreate> _deferred = new(StringComparer.Ordinal);

    // The earliest time a deferred create is due again; null when none waits, or while the drain is paused (nothing is
    // created then, so the backoff must not wake the loop).
    private DateTimeOffset? NextDeferredDue => _deferred.Count == 0 || _drainState is DrainState.Paused ? null : _deferred.Values.Min(d => d.DueAt);

    /// <summary>Whether the error is the infrastructure's (the API server, the network, our permissions), not the VM's.</summary>
    private static bool IsInfrastructure(KubernetesApiException ex) => ex.Verdict == RetryVerdict.BackOff || IsRefusedToUs(ex);

    private static bool IsRefusedToUs(KubernetesApiException ex) => ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    // Defers the create of an intended attempt: <paramref name="error"/> says why, <paramref name="ex"/> is the cause when
    // there is one. The deferral is journaled (AttemptCreateDeferred) beside the intent row, so a new owner knows the VMIM
    // may exist: it reads the API server for it before deciding (MigrationLoop.Recover.cs).
    private async Task DeferAsync(StartMigration action, string error, Exception? ex, CancellationToken cancellationToken)
    {
        if (ex is KubernetesApiException api && IsRefusedToUs(api))
        {
            throw new InfrastructureFailureException(
                $"the Kubernetes API refused to create the VMIM {action.Name}: {api.Message}. Grant the drain's identity create on "
                + "virtualmachineinstancemigrations (see deploy/ RBAC), then run the same command again to resume: the attempt "
                + "stays intended and costs the VM nothing.", api);
        }

        var now = context.Time.GetUtcNow();
        var previous = _deferred.GetValueOrDefault(action.Name);
        var firstFailed = previous?.FirstFailedAt ?? now;
        if (now - firstFailed >= context.Options.ApiOutageTimeout)
        {
            var message =
                $"the Kubernetes API failed every create of the VMIM {action.Name} for {Math.Round((now - firstFailed).TotalSeconds)}s, "
                + $"longer than the API outage timeout of {context.Options.ApiOutageTimeout.TotalSeconds}s (last error: {error}). "
                + "The drain is intact and the attempt costs the VM nothing: run the same command again once the API server answers.";
            throw ex is null ? new InfrastructureFailureException(message) : new InfrastructureFailureException(message, ex);
        }

        var tries = (previous?.Tries ?? 0) + 1;
        var delay = DatabaseOutage.Backoff(tries - 1, context.Options.ApiRetryDelay, context.Options.ApiRetryMaxDelay, Random.Shared.NextDouble());
        var seconds = Math.Round(delay.TotalSeconds, 1);
        await context.Writer.WriteAsync(new AttemptCreateDeferred(action.Name, error, tries, seconds), null, cancellationToken);
        EngineLog.CreateDeferred(context.Logger, action.Name, tries, seconds, error);
        _deferred[action.Name] = new DeferredCreate(action, firstFailed, tries, now + delay);
    }

    // Creates again, under the same name, every deferred VMIM that is due. Returns false when one failed again (the API
    // server still fails creates) or the drain is paused or cancelling: nothing new starts in this pass. A create is a
    // start: none is retried after a pause or a cancel (the state read fresh, as a start's transaction reads it); the
    // attempt stays intended until the resume (or the cancel ends it).
    private async Task<bool> RetryDeferredAsync(IReadOnlyList<AttemptRecord> records, ClusterState cluster, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        if (_drainState is DrainState.Paused or DrainState.Cancelling)
        {
            // Read this pass (every pass while paused): nothing is created, and the loop does not wake for the backoff.
            return false;
        }

        if (_deferred.Values.Any(d => d.DueAt <= now))
        {
            var state = await context.States.ReadStateAsync(context.Id, cancellationToken);
            if (state is DrainState.Paused or DrainState.Cancelling)
            {
                // Nothing starts in this pass (its starts were decided on the old state, and none is made): the next pass
                // decides on the new one at once.
                (_drainState, _stateReadAt, _stateMoved) = (state, now, true);
                return false;
            }
        }

        foreach (var (name, deferred) in _deferred.ToList())
        {
            var record = records.FirstOrDefault(r => string.Equals(r.VmimName, name, StringComparison.Ordinal));
            if (record is not { Outcome: AttemptOutcome.Intended } || cluster.FindMigration(record.VmiNamespace, name) is not null)
            {
                // Observed (the create landed after all) or ended (e.g. by a recovery): nothing left to retry.
                _deferred.Remove(name);
                continue;
            }

            if (deferred.DueAt <= now && !await CreateAsync(deferred.Action, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record DeferredCreate(StartMigration Action, DateTimeOffset FirstFailedAt, int Tries, DateTimeOffset DueAt);
}
