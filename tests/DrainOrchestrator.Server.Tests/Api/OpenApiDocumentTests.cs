using System.Text.Json.Nodes;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class OpenApiDocumentTests(ServerFixture server)
{
    /// <summary>Set to 1 to rewrite the checked-in document from the served one.</summary>
    public const string UpdateVariable = "DRAIN_UPDATE_OPENAPI";

    private static string CheckedIn => Path.Combine(RepositoryPaths.Root, "docs", "openapi", "v1.json");

    [Fact]
    public async Task ServedDocument_EqualsTheCheckedInFile()
    {
        using var client = server.Client(null);
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var text = served.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CheckedIn)!);
            await File.WriteAllTextAsync(CheckedIn, text);
        }

        Assert.True(File.Exists(CheckedIn), $"{CheckedIn} is missing: run the server tests once with {UpdateVariable}=1 and commit it");
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!;
        Assert.True(JsonNode.DeepEquals(expected, served),
            $"The served OpenAPI document differs from docs/openapi/v1.json. If the API change is intended, regenerate it with "
            + $"'{UpdateVariable}=1 dotnet test tests/DrainOrchestrator.Server.Tests --filter {nameof(OpenApiDocumentTests)}' and commit the file.");
    }

    [Fact]
    public async Task ServedDocument_DescribesThePolicyFieldsAndTheDrainShape()
    {
        using var client = server.Client(null);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;
        Assert.NotNull(schemas["DrainPolicyDocument"]!["properties"]!["maxParallel"]);
        Assert.NotNull(schemas["DrainView"]!["properties"]!["state"]);
        Assert.NotNull(document["paths"]!["/api/v1/drains/{id}/events"]);
    }
}
