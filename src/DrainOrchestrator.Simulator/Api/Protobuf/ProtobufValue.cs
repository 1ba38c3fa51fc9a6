using System.Text;

namespace DrainOrchestrator.Simulator.Api.Protobuf;

/// <summary>A field's value: its varint, or its bytes (for length-delimited fields).</summary>
internal readonly record struct ProtobufValue(ulong Varint, byte[] Bytes)
{
    /// <summary>The bytes as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Bytes ?? []);
}
