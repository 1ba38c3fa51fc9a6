using System.Text.Json.Nodes;
using DrainOrchestrator.Engine.Policy;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DrainOrchestrator.Server.Api;

/// <summary>
/// The document's title, the bearer scheme, and the drain policy's fields from the one table that defines them
/// (<see cref="PolicyFields"/>), so the document cannot drift from what the API accepts.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "DrainOrchestrator API",
            Version = "v1",
            Description = "Drain KubeVirt nodes by live-migrating their VMs. Every call under /api/v1 needs 'Authorization: Bearer TOKEN' "
                + "(viewer reads; operator also creates and signals; admin everything). Errors are RFC 9457 problem details; a 400 lists "
                + "every problem in 'errors' ({field, message}) and nothing was started; 'retryable' says whether the same call may succeed later. "
                + "Server-Sent Events: GET /api/v1/events and /api/v1/drains/{id}/events, 'id' = journal sequence, 'event' = journal kind; "
                + "resume with the Last-Event-ID header or the lastEventId query parameter.",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A token from the tokens file (drainctl token new NAME ROLE), or an OIDC JWT when the server accepts them.",
            },
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas["DrainPolicyDocument"] = PolicySchema();
        if (document.Components.Schemas.TryGetValue(nameof(DrainRequest), out var request) && request is OpenApiSchema body && body.Properties is { } properties)
        {
            properties["policy"] = new OpenApiSchemaReference("DrainPolicyDocument", document);
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema PolicySchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The drain policy: drainctl's drain options in camelCase. Absent fields take the defaults; unknown fields are refused.",
        AdditionalPropertiesAllowed = false,
        Properties = PolicyFields.All.ToDictionary(f => f.Wire, f => (IOpenApiSchema)new OpenApiSchema
        {
            Type = f.Kind switch
            {
                PolicyValueKind.Count => JsonSchemaType.Integer,
                PolicyValueKind.Seconds => JsonSchemaType.Number,
                PolicyValueKind.Switch => JsonSchemaType.Boolean,
                PolicyValueKind.Budgets => JsonSchemaType.Array,
                _ => JsonSchemaType.String,
            },
            Description = f.Description,
            Default = f.Get(new DrainOrchestrator.Core.Policy.DrainPolicy()),
            Enum = f.Kind == PolicyValueKind.Choice ? [.. f.Choices.Select(v => (JsonNode)JsonValue.Create(v))] : null,
        }, StringComparer.Ordinal),
    };
}
