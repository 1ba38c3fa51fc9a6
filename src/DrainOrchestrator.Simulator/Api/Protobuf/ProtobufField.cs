namespace DrainOrchestrator.Simulator.Api.Protobuf;

/// <summary>One field of a message: its JSON name, kind, and for <see cref="ProtobufFieldKind.Message"/> the fields of the message.</summary>
internal sealed record ProtobufField(string Name, ProtobufFieldKind Kind, IReadOnlyDictionary<int, ProtobufField>? Fields = null);
