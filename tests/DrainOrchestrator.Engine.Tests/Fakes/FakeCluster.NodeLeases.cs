using System.Net;
using DrainOrchestrator.Kubernetes.Errors;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>
/// The node coordination Leases: every take or renewal is recorded (a test can wait for one), a node's Lease can be
/// made someone else's, and a node's next call can fail.
/// </summary>
internal sealed partial class FakeCluster
{
    private readonly List<NodeLeaseCall> _nodeLeaseCalls = [];
    private readonly Dictionary<string, string> _otherHolders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failingNodeLeases = new(StringComparer.Ordinal);
    private readonly List<(Func<IReadOnlyList<NodeLeaseCall>, bool> Condition, TaskCompletionSource Met)> _nodeLeaseWaiters = [];

    /// <summary>Every <see cref="AcquireNodeLeaseAsync"/> call, in order, failed ones included.</summary>
    public IReadOnlyList<NodeLeaseCall> NodeLeaseCalls
    {
        get
        {
            lock (_gate)
            {
                return [.. _nodeLeaseCalls];
            }
        }
    }

    /// <summary>Makes <paramref name="node"/>'s Lease held by <paramref name="other"/> (null: free again for the drain).</summary>
    public void HoldNodeLease(string node, string? other)
    {
        lock (_gate)
        {
            if (other is null)
            {
                _otherHolders.Remove(node);
            }
            else
            {
                _otherHolders[node] = other;
            }
        }
    }

    /// <summary>Makes the next take or renewal of <paramref name="node"/>'s Lease fail with a Kubernetes API error.</summary>
    public void FailNextNodeLeaseCall(string node)
    {
        lock (_gate)
        {
            _failingNodeLeases.Add(node);
        }
    }

    /// <summary>Completes once the calls recorded so far meet <paramref name="condition"/> (at once if they already do).</summary>
    public Task WhenNodeLeaseCallsAsync(Func<IReadOnlyList<NodeLeaseCall>, bool> condition, CancellationToken cancellationToken)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_nodeLeaseCalls))
            {
                return Task.CompletedTask;
            }

            _nodeLeaseWaiters.Add((condition, met));
        }

        return met.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Signals a cluster change without changing anything, as an informer resync does: wakes the engine's loop.</summary>
    public void Touch() => _signal.Bump();

    public Task<string?> AcquireNodeLeaseAsync(string node, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        bool fail;
        string? other;
        List<TaskCompletionSource> met;
        lock (_gate)
        {
            _nodeLeaseCalls.Add(new NodeLeaseCall(node, holder, Time.GetUtcNow()));
            met = [.. _nodeLeaseWaiters.Where(w => w.Condition(_nodeLeaseCalls)).Select(w => w.Met)];
            _nodeLeaseWaiters.RemoveAll(w => met.Contains(w.Met));
            fail = _failingNodeLeases.Remove(node);
            if (!_otherHolders.TryGetValue(node, out other) && !fail)
            {
                Leases.Remove(node);
                Leases.Add(node);
            }
        }

        met.ForEach(m => m.TrySetResult());
        if (fail)
        {
            throw new KubernetesApiException(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "the API server is unavailable (simulated)");
        }

        return Task.FromResult(other);
    }

    public async Task ReleaseNodeLeaseAsync(string node, string holder, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Leases.Remove(node);
        }

        if (AfterNodeLeaseReleased is not null)
        {
            await AfterNodeLeaseReleased(node);
        }
    }

    /// <summary>One take or renewal of a node's Lease, at the fake's time.</summary>
    public sealed record NodeLeaseCall(string Node, string Holder, DateTimeOffset At);
}
