namespace DrainOrchestrator.Simulator.Api.Protobuf;

/// <summary>Reads protobuf wire format: varints, length-delimited fields and the fixed ones (skipped).</summary>
internal sealed class ProtobufReader(byte[] data)
{
    private int _position;

    /// <summary>Reads the next field; false at the end. Throws <see cref="FormatException"/> on a truncated message.</summary>
    public bool Next(out int field, out ProtobufValue value)
    {
        if (_position >= data.Length)
        {
            (field, value) = (0, default);
            return false;
        }

        var tag = ReadVarint();
        field = (int)(tag >> 3);
        value = (tag & 7) switch
        {
            0 => new ProtobufValue(ReadVarint(), []),
            1 => Skip(8),
            2 => new ProtobufValue(0, Take((int)ReadVarint())),
            5 => Skip(4),
            _ => throw new FormatException($"unsupported protobuf wire type {tag & 7}"),
        };
        return true;
    }

    private ProtobufValue Skip(int length)
    {
        Take(length);
        return default;
    }

    private byte[] Take(int length)
    {
        if (length < 0 || _position + length > data.Length)
        {
            throw new FormatException("truncated protobuf message");
        }

        var bytes = data.AsSpan(_position, length).ToArray();
        _position += length;
        return bytes;
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= data.Length)
            {
                throw new FormatException("truncated protobuf varint");
            }

            var b = data[_position++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new FormatException("protobuf varint too long");
    }
}
