namespace DrainOrchestrator.Simulator.Admin.Faults;

/// <summary>How a request that was carried out is answered when a fault makes its outcome ambiguous to the client.</summary>
public enum AmbiguousAnswer
{
    /// <summary>500 InternalError, as an API server whose etcd write committed but timed out answers.</summary>
    Error,

    /// <summary>The connection is reset without any answer, as when the server or a proxy dies after the write.</summary>
    Reset,
}
