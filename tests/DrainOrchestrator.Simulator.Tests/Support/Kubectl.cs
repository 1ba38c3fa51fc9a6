using System.Diagnostics;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>Runs the real kubectl binary against a simulator's kubeconfig.</summary>
public sealed class Kubectl(string kubeconfig, string cacheDirectory)
{
    public const string InstallHint = "kubectl is required for these tests: apt-get install kubernetes-client";

    public static string Binary { get; } = Find();

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await RunAsync(args, timeout.Token);
    }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs kubectl and fails the test with its stderr unless it exits 0.</summary>
    public async Task<string> SucceedAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.True(code == 0, $"kubectl {string.Join(' ', args)} exited {code}: {error}{output}");
        return output;
    }

    public Process Start(string[] args)
    {
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--kubeconfig", kubeconfig, "--cache-dir", cacheDirectory }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }

    private static string Find()
    {
        // DRAIN_TEST_KUBECTL runs the suite against another kubectl (e.g. Debian's 1.20 unpacked beside the system one).
        if (Environment.GetEnvironmentVariable("DRAIN_TEST_KUBECTL") is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? chosen : "";
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = new[] { "/usr/bin/kubectl", "/usr/local/bin/kubectl" }
            .Concat(path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "kubectl")));
        return candidates.FirstOrDefault(File.Exists) ?? "";
    }
}
