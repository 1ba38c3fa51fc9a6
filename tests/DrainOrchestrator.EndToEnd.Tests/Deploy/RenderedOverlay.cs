using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using k8s;
using YamlDotNet.Serialization;

namespace DrainOrchestrator.EndToEnd.Tests.Deploy;

/// <summary>
/// One overlay of <c>deploy/</c> as <c>kubectl kustomize</c> renders it: the built-in kinds decoded strictly into
/// KubernetesClient's models (an unknown or misspelt field fails, as client-side validation does), every document also
/// as a JSON tree, which the custom resources (ServiceMonitor, PrometheusRule) are checked from.
/// </summary>
internal sealed class RenderedOverlay
{
    private RenderedOverlay(string name, IReadOnlyList<object> typed, IReadOnlyList<JsonObject> documents)
    {
        Name = name;
        Typed = typed;
        Documents = documents;
    }

    public string Name { get; }

    /// <summary>The built-in objects, typed (V1Deployment, V1ClusterRole...).</summary>
    public IReadOnlyList<object> Typed { get; }

    /// <summary>Every object as a JSON tree (scalars are strings, as YAML gives them).</summary>
    public IReadOnlyList<JsonObject> Documents { get; }

    public static string Directory(string overlay) => Path.Combine(RepositoryPaths.Root, "deploy", "overlays", overlay);

    // Each overlay is rendered once per test run: every test reads the same output, and kubectl is a process start each.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Rendered = new(StringComparer.Ordinal);

    public static Task<RenderedOverlay> RenderAsync(string overlay) =>
        Rendered.GetOrAdd(overlay, o => new Lazy<Task<RenderedOverlay>>(() => RenderOnceAsync(o))).Value;

    private static async Task<RenderedOverlay> RenderOnceAsync(string overlay)
    {
        var (exit, output, error) = await Tool.RunAsync("kubectl", ["kustomize", Directory(overlay)]);
        Assert.True(exit == 0, $"kubectl kustomize deploy/overlays/{overlay} failed ({exit}): {error}");
        var texts = output.Split("\n---\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var documents = new List<JsonObject>();
        var typed = new List<object>();
        var deserializer = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        foreach (var text in texts)
        {
            var tree = JsonNode.Parse(json.Serialize(deserializer.Deserialize<object>(text)))!.AsObject();
            documents.Add(tree);
            var apiVersion = (string)tree["apiVersion"]!;
            if (!apiVersion.StartsWith("monitoring.coreos.com/", StringComparison.Ordinal))
            {
                typed.AddRange(KubernetesYaml.LoadAllFromString(text, typeMap: null, strict: true));
            }
        }

        return new RenderedOverlay(overlay, typed, documents);
    }

    public IEnumerable<T> All<T>() => Typed.OfType<T>();

    public T One<T>(string name) where T : IKubernetesObject<k8s.Models.V1ObjectMeta> =>
        Assert.Single(Typed.OfType<T>(), o => o.Metadata.Name == name);

    public JsonObject Custom(string kind) => Assert.Single(Documents, d => (string?)d["kind"] == kind);
}
