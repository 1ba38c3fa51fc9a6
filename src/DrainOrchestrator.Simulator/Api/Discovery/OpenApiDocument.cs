using System.Text;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Http;

namespace DrainOrchestrator.Simulator.Api.Discovery;

/// <summary>
/// A minimal OpenAPI v2 document without definitions. kubectl downloads it to validate manifests client-side and,
/// finding no schema for a kind, skips validation, as for a CRD without one. OpenAPI v3 is not served (404), which
/// makes kubectl fall back to this document. kubectl asks for the protobuf form, which is hand-encoded here.
/// </summary>
internal static class OpenApiDocument
{
    public const string ProtobufMediaType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    public static async Task WriteV2Async(HttpContext http, string version)
    {
        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains("protobuf", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = Protobuf();
            http.Response.ContentType = ProtobufMediaType;
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
            return;
        }

        var json = new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "drain-sim", ["version"] = version },
            ["paths"] = new JsonObject(),
            ["definitions"] = new JsonObject(),
        };
        await ApiResponses.WriteJsonAsync(http.Response, 200, json, http.RequestAborted);
    }

    /// <summary>Document { swagger = 1: "2.0" }: nothing else is needed for kubectl to find no schemas.</summary>
    private static byte[] Protobuf()
    {
        var document = new List<byte>();
        AddString(document, 1, "2.0");
        return [.. document];
    }

    private static void AddString(List<byte> message, int field, string value) => AddBytes(message, field, Encoding.UTF8.GetBytes(value));

    private static void AddBytes(List<byte> message, int field, byte[] value)
    {
        const int LengthDelimited = 2;
        AddVarint(message, (field << 3) | LengthDelimited);
        AddVarint(message, value.Length);
        message.AddRange(value);
    }

    private static void AddVarint(List<byte> message, int value)
    {
        var remaining = (uint)value;
        while (remaining >= 0x80)
        {
            message.Add((byte)(remaining | 0x80));
            remaining >>= 7;
        }

        message.Add((byte)remaining);
    }
}
