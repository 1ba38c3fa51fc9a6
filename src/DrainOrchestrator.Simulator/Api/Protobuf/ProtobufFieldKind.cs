namespace DrainOrchestrator.Simulator.Api.Protobuf;

/// <summary>How one field of a Kubernetes protobuf message becomes JSON.</summary>
internal enum ProtobufFieldKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A repeated string: a JSON array.</summary>
    Strings,

    /// <summary>A varint read as a 64-bit integer.</summary>
    Int64,

    /// <summary>A varint read as a boolean.</summary>
    Bool,

    /// <summary>An embedded message with its own fields.</summary>
    Message,

    /// <summary>A <c>map&lt;string, string&gt;</c>: entries of key (1) and value (2).</summary>
    StringMap,
}
