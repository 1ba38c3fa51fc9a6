using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Evacuations;
using DrainOrchestrator.Persistence.Leases;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>
/// Runs one recorded evacuation to its end, durably: owned through its lease (epoch fencing on every write), each
/// create journaled as intended before the API call and as created or adopted after it, names deterministic, and on
/// resume the journal is reconciled with what both clusters show. Each pass follows the moving VMs one step further
/// and starts planned VMs while the cluster limits allow (<see cref="EvacuationSlots"/>), reading only what it needs
/// (<see cref="EvacuationPassView"/>). An operator's cancel (the state <c>cancelling</c>) is read on every pass and
/// honoured as <see cref="CancelStepAsync"/> documents.
/// </summary>
public sealed partial class EvacuationRunner
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EvacuationSides _sides;
    private readonly DrainEngineOptions _engine;
    private readonly EvacuationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EvacuationStore _store;
    private readonly Dictionary<string, EvacuationCandidate> _candidates = new(StringComparer.Ordinal);
    private List<EvacuationJournalEntry> _journal = [];
    private EvacuationRecord _evacuation = null!;
    private OwnershipLease _lease = null!;
    private EvacuationPassView _view = EvacuationPassView.Empty;
    private bool _cancelling;

    /// <summary>A runner on <paramref name="dataSource"/> and the two sides; <paramref name="options"/> gives only the poll interval here (the policy is the stored one).</summary>
    public EvacuationRunner(NpgsqlDataSource dataSource, EvacuationSides sides, DrainEngineOptions engine, EvacuationOptions options,
        TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        (_dataSource, _sides, _engine, _options, _time) = (dataSource, sides, engine, options, time);
        _logger = loggerFactory.CreateLogger<EvacuationRunner>();
        _store = new EvacuationStore(dataSource);
    }

    /// <summary>Runs evacuation <paramref name="id"/> until every VM moved or ran out of attempts; <paramref name="progress"/> hears each VM that ends.</summary>
    public async Task<EvacuationResult> RunAsync(Guid id, IProgress<EvacuationVmRecord>? progress, CancellationToken cancellationToken)
    {
        var evacuation = await _store.GetAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Evacuation {id} does not exist.");
        if (!evacuation.State.IsUnfinished())
        {
            return new EvacuationResult(evacuation, await _store.VmsAsync(id, cancellationToken));
        }

        await using var lease = await OwnershipLease.AcquireAsync(new LeaseStore(_dataSource), evacuation.LeaseName, _engine, _time, _logger,
            async ct => (await _store.GetAsync(id, ct))?.State.IsUnfinished() == true, cancellationToken);
        _lease = lease;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        var token = linked.Token;
        _evacuation = (await _store.GetAsync(id, token))!;
        if (_evacuation.State.IsUnfinished())
        {
            await _store.AppendAsync(lease.Current, id, new EvacuationAppend(EvacuationJournalKinds.Owned, Detail: _engine.Holder), _time.GetUtcNow(), token);
            EvacuationLog.Owned(_logger, id, lease.Current.Epoch);
            _journal = [.. await _store.JournalAsync(id, token)];
            await LoopAsync(progress, token);
        }

        var final = await _store.GetAsync(id, cancellationToken);
        return new EvacuationResult(final!, await _store.VmsAsync(id, cancellationToken));
    }

    private async Task LoopAsync(IProgress<EvacuationVmRecord>? progress, CancellationToken cancellationToken)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            await _lease.EnsureFreshAsync(cancellationToken);
            IReadOnlyList<EvacuationVmRecord> vms;
            try
            {
                vms = await _store.VmsAsync(_evacuation.Id, cancellationToken);
                if (!_cancelling && (await _store.GetAsync(_evacuation.Id, cancellationToken))?.State == EvacuationState.Cancelling)
                {
                    vms = await CancelSeenAsync(vms, cancellationToken);
                }

                foreach (var vm in vms.Where(v => v.State.IsFinal() && reported.Add(v.VmName)))
                {
                    progress?.Report(vm);
                }

                if (vms.All(v => v.State.IsFinal()))
                {
                    await FinishAsync(vms, cancellationToken);
                    return;
                }

                await PassAsync(vms, cancellationToken);
            }
            catch (KubernetesApiException ex) when (ex.IsRetryable)
            {
                EvacuationLog.PassFailed(_logger, _evacuation.Id, ex.Message);
            }
            catch (NpgsqlException ex) when (ex.IsTransient)
            {
                EvacuationLog.PassFailed(_logger, _evacuation.Id, ex.Message);
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken);
        }
    }

    private async Task FinishAsync(IReadOnlyList<EvacuationVmRecord> vms, CancellationToken cancellationToken)
    {
        var (state, error) = _cancelling ? (EvacuationState.Cancelled, EvacuationOutcome.CancelledSummary(vms, _evacuation.SourceNamespace))
            : EvacuationOutcome.Of(vms, _evacuation.SourceNamespace);
        await _store.FinishAsync(_lease.Current, _evacuation.Id, state, error, _time.GetUtcNow(), cancellationToken);
        EvacuationLog.Finished(_logger, _evacuation.Id, state.ToDatabase());
    }

    private async Task PassAsync(IReadOnlyList<EvacuationVmRecord> vms, CancellationToken cancellationToken)
    {
        var moving = vms.Where(v => v.State == EvacuationVmState.Moving).ToList();
        var planned = _cancelling ? [] : vms.Where(v => v.State == EvacuationVmState.Planned).ToList();
        var (view, slots) = await EvacuationPassView.ReadAsync(_sides, _evacuation, moving, planned.Count > 0, cancellationToken);
        _view = view;
        foreach (var vm in moving)
        {
            await (_cancelling ? CancelStepAsync(vm, cancellationToken) : StepAsync(vm, cancellationToken));
        }

        if (slots is null)
        {
            return;
        }

        foreach (var vm in planned)
        {
            // Only the VM about to start is read: its node decides the outbound slot.
            var vmi = await GetOrNullAsync<VirtualMachineInstance>(_sides.Source, _evacuation.SourceNamespace, vm.VmName, cancellationToken);
            var node = vmi?.Status?.NodeName;
            if (!slots.TryTake(node))
            {
                break;
            }

            var migrationId = EvacuationNames.MigrationId(_evacuation.Id, vm.VmUid, 1);
            await _store.UpdateVmAsync(_lease.Current, _evacuation.Id, vm.VmName,
                new EvacuationVmChange(EvacuationVmState.Moving, 1, SourceNode: node, Started: true),
                new EvacuationAppend(EvacuationJournalKinds.AttemptStarted, vm.VmName, 1, Detail: migrationId), _time.GetUtcNow(), cancellationToken);
            EvacuationLog.AttemptStarted(_logger, _evacuation.Id, vm.VmName, 1, migrationId);
            await StepAsync(vm with { State = EvacuationVmState.Moving, Attempt = 1, SourceNode = node }, cancellationToken);
        }
    }
}
