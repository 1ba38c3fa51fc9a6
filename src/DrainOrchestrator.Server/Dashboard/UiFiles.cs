using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace DrainOrchestrator.Server.Dashboard;

/// <summary>
/// The dashboard's static files, embedded in this assembly (resources named <c>ui/FILE</c>, from Dashboard/wwwroot):
/// read once, each with its content type and a strong ETag. Nothing comes from disk or the network at run time.
/// </summary>
internal sealed class UiFiles
{
    private const string Prefix = "ui/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, UiFile> _files;

    public UiFiles()
    {
        var assembly = typeof(UiFiles).Assembly;
        _files = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[Prefix.Length..], n => Load(assembly, n), StringComparer.Ordinal);
    }

    /// <summary>The file at <paramref name="name"/> (e.g. <c>drain.html</c>); null when there is none.</summary>
    public UiFile? Find(string name) => _files.GetValueOrDefault(name);

    private static UiFile Load(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var type = ContentTypes.GetValueOrDefault(Path.GetExtension(resource), "application/octet-stream");
        return new UiFile(bytes, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"");
    }
}

/// <summary>One embedded file of the dashboard.</summary>
internal sealed record UiFile(byte[] Content, string ContentType, string ETag);
