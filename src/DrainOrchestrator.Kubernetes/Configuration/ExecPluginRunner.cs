using System.ComponentModel;
using System.Diagnostics;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Starts an exec credential plugin, hands it KUBERNETES_EXEC_INFO and collects its standard output.</summary>
internal static class ExecPluginRunner
{
    private const int MaxErrorText = 1024;

    public static async Task<string> RunAsync(ExecPluginConfig config, string execInfo, string sourceFile, string? contextName,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(config.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in config.Args)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in config.Env)
        {
            startInfo.Environment[name] = value;
        }

        startInfo.Environment["KUBERNETES_EXEC_INFO"] = execInfo;

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            var hint = string.IsNullOrWhiteSpace(config.InstallHint) ? "" : $" {config.InstallHint.Trim()}";
            throw new KubernetesConfigurationException(sourceFile, contextName, "exec.command",
                $"'{config.Command}' could not be started: {ex.Message}.{hint}", ex);
        }

        // Non-interactive: the plugin gets no input.
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            // Standard output may hold a partial credential and is never reported; standard error is the plugin's message.
            var text = errors.Length > MaxErrorText ? errors[..MaxErrorText] + "..." : errors;
            throw new KubernetesConfigurationException(sourceFile, contextName, "exec.command",
                $"'{config.Command}' exited with code {process.ExitCode}: {text.Trim()}");
        }

        return output;
    }
}
