using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Protobuf;

/// <summary>
/// Decodes a request body in Kubernetes' protobuf encoding (<c>application/vnd.kubernetes.protobuf</c>: the magic
/// <c>k8s\0</c>, then a <c>runtime.Unknown</c> carrying apiVersion, kind and the object's bytes) into the JSON object
/// it stands for, for the kinds of <see cref="ProtobufSchemas"/>. Answers are JSON, which kubectl accepts.
/// </summary>
internal static class ProtobufBodies
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";
    private static readonly byte[] Magic = [(byte)'k', (byte)'8', (byte)'s', 0];

    /// <summary>The object, or null when the body is not an envelope of a kind drain-sim decodes.</summary>
    public static JsonObject? TryDecode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            return null;
        }

        try
        {
            var envelope = new ProtobufReader(body[Magic.Length..].ToArray());
            string apiVersion = "", kind = "";
            byte[] raw = [];
            while (envelope.Next(out var field, out var value))
            {
                switch (field)
                {
                    case 1:
                        var typeMeta = new ProtobufReader(value.Bytes);
                        while (typeMeta.Next(out var metaField, out var metaValue))
                        {
                            apiVersion = metaField == 1 ? metaValue.Text : apiVersion;
                            kind = metaField == 2 ? metaValue.Text : kind;
                        }

                        break;
                    case 2:
                        raw = value.Bytes;
                        break;
                }
            }

            if (!ProtobufSchemas.ByKind.TryGetValue($"{apiVersion}/{kind}", out var fields))
            {
                return null;
            }

            var obj = Read(raw, fields);
            obj["apiVersion"] = apiVersion;
            obj["kind"] = kind;
            return obj;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonObject Read(byte[] message, IReadOnlyDictionary<int, ProtobufField> fields)
    {
        var obj = new JsonObject();
        var reader = new ProtobufReader(message);
        while (reader.Next(out var number, out var value))
        {
            if (!fields.TryGetValue(number, out var field))
            {
                continue;
            }

            switch (field.Kind)
            {
                case ProtobufFieldKind.String:
                    obj[field.Name] = value.Text;
                    break;
                case ProtobufFieldKind.Strings:
                    ((obj[field.Name] ??= new JsonArray()) as JsonArray)!.Add(value.Text);
                    break;
                case ProtobufFieldKind.Int64:
                    obj[field.Name] = (long)value.Varint;
                    break;
                case ProtobufFieldKind.Bool:
                    obj[field.Name] = value.Varint != 0;
                    break;
                case ProtobufFieldKind.Message:
                    obj[field.Name] = Read(value.Bytes, field.Fields!);
                    break;
                case ProtobufFieldKind.StringMap:
                    var entry = new ProtobufReader(value.Bytes);
                    string key = "", text = "";
                    while (entry.Next(out var entryField, out var entryValue))
                    {
                        key = entryField == 1 ? entryValue.Text : key;
                        text = entryField == 2 ? entryValue.Text : text;
                    }

                    ((obj[field.Name] ??= new JsonObject()) as JsonObject)![key] = text;
                    break;
            }
        }

        return obj;
    }
}
