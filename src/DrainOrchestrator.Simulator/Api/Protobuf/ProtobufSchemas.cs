namespace DrainOrchestrator.Simulator.Api.Protobuf;

/// <summary>
/// The field numbers (from the Kubernetes API's generated.proto files) of the few messages kubectl's typed clients send
/// as protobuf to drain-sim: Namespace, ServiceAccount, TokenRequest and the self reviews. Fields not listed are skipped.
/// </summary>
internal static class ProtobufSchemas
{
    private static readonly Dictionary<int, ProtobufField> ObjectMeta = new()
    {
        [1] = new("name", ProtobufFieldKind.String),
        [2] = new("generateName", ProtobufFieldKind.String),
        [3] = new("namespace", ProtobufFieldKind.String),
        [11] = new("labels", ProtobufFieldKind.StringMap),
        [12] = new("annotations", ProtobufFieldKind.StringMap),
    };

    private static readonly ProtobufField Metadata = new("metadata", ProtobufFieldKind.Message, ObjectMeta);

    /// <summary>The top-level fields of each kind, by <c>apiVersion/kind</c>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<int, ProtobufField>> ByKind { get; } =
        new Dictionary<string, IReadOnlyDictionary<int, ProtobufField>>(StringComparer.Ordinal)
        {
            ["v1/Namespace"] = new Dictionary<int, ProtobufField> { [1] = Metadata },
            ["v1/ServiceAccount"] = new Dictionary<int, ProtobufField>
            {
                [1] = Metadata,
                [4] = new("automountServiceAccountToken", ProtobufFieldKind.Bool),
            },
            ["authentication.k8s.io/v1/TokenRequest"] = new Dictionary<int, ProtobufField>
            {
                [1] = Metadata,
                [2] = new("spec", ProtobufFieldKind.Message, new Dictionary<int, ProtobufField>
                {
                    [1] = new("audiences", ProtobufFieldKind.Strings),
                    [4] = new("expirationSeconds", ProtobufFieldKind.Int64),
                }),
            },
            ["authorization.k8s.io/v1/SelfSubjectAccessReview"] = new Dictionary<int, ProtobufField>
            {
                [1] = Metadata,
                [2] = new("spec", ProtobufFieldKind.Message, new Dictionary<int, ProtobufField>
                {
                    [1] = new("resourceAttributes", ProtobufFieldKind.Message, new Dictionary<int, ProtobufField>
                    {
                        [1] = new("namespace", ProtobufFieldKind.String),
                        [2] = new("verb", ProtobufFieldKind.String),
                        [3] = new("group", ProtobufFieldKind.String),
                        [4] = new("version", ProtobufFieldKind.String),
                        [5] = new("resource", ProtobufFieldKind.String),
                        [6] = new("subresource", ProtobufFieldKind.String),
                        [7] = new("name", ProtobufFieldKind.String),
                    }),
                    [2] = new("nonResourceAttributes", ProtobufFieldKind.Message, new Dictionary<int, ProtobufField>
                    {
                        [1] = new("path", ProtobufFieldKind.String),
                        [2] = new("verb", ProtobufFieldKind.String),
                    }),
                }),
            },
            ["authorization.k8s.io/v1/SelfSubjectRulesReview"] = new Dictionary<int, ProtobufField>
            {
                [1] = Metadata,
                [2] = new("spec", ProtobufFieldKind.Message, new Dictionary<int, ProtobufField>
                {
                    [1] = new("namespace", ProtobufFieldKind.String),
                }),
            },
        };
}
