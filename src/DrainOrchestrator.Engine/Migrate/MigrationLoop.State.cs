using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using Npgsql;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// The drain's state (operators' signals: pause, resume, cancel), read once a heartbeat interval (every pass while
/// paused), and inside every start's transaction, which refuses to start when it changed: a start never follows a pause
/// or a cancel that committed before it, and a signal is acted on at the latest one heartbeat interval after it.
/// </summary>
internal sealed partial class MigrationLoop
{
    private DrainState? _drainState;
    private DateTimeOffset _stateReadAt;
    private bool _stateMoved;

    private PassWrites Writes => _writes ??= new PassWrites(context.Id, _memory, context.Options.HeartbeatInterval);

    private async Task<DrainState?> ReadDrainStateAsync(CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        // A paused drain starts nothing, so no start's transaction would see a resume: it reads its state every pass.
        if (_drainState is null or DrainState.Paused || now - _stateReadAt >= context.Options.HeartbeatInterval)
        {
            _drainState = await context.States.ReadStateAsync(context.Id, cancellationToken);
            _stateReadAt = now;
        }

        return _drainState;
    }

    // In a start's transaction: whether the drain's state is still the one the pass decided on; when not, the start is
    // refused and the next pass comes at once with the new state.
    private async Task<bool> StateUnchangedAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var state = await DrainStateStore.ReadStateAsync(transaction, context.Id, forUpdate: false, cancellationToken);
        if (state == _drainState)
        {
            return true;
        }

        (_drainState, _stateReadAt, _stateMoved) = (state, context.Time.GetUtcNow(), true);
        return false;
    }
}
