using System.Text;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>Writes the kubeconfig that points kubectl and the orchestrator at a running simulator.</summary>
public static class Kubeconfig
{
    /// <summary>The cluster, user and context name used in the file.</summary>
    public const string Name = "drain-sim";

    /// <summary>The kubeconfig text: one cluster with its CA, one token user, one context, made current.</summary>
    public static string Render(Uri server, string caPem, string token)
    {
        ArgumentNullException.ThrowIfNull(server);
        var caData = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem));
        var url = server.GetLeftPart(UriPartial.Authority);
        return $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {{Name}}
              cluster:
                server: {{url}}
                certificate-authority-data: {{caData}}
            users:
            - name: {{Name}}
              user:
                token: {{token}}
            contexts:
            - name: {{Name}}
              context:
                cluster: {{Name}}
                user: {{Name}}
                namespace: default
            current-context: {{Name}}
            preferences: {}

            """;
    }

    /// <summary>Writes the kubeconfig readable by its owner only, replacing the file atomically.</summary>
    public static async Task WriteAsync(string path, Uri server, string caPem, string token, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.Delete(temporary);

        // The token is in it: the file is created owner-only, never readable by others between a write and a chmod.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(temporary, options))
        {
            await writer.WriteAsync(Render(server, caPem, token).AsMemory(), cancellationToken);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
