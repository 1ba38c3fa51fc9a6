using System.Diagnostics;

namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>Runs a program of this machine (curl, kubectl) to its exit, with a deadline that only guards hangs.</summary>
internal static class Tool
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, string? input = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary><c>curl</c> with a bearer token; returns the HTTP status and the body.</summary>
    public static async Task<(int Status, string Body)> CurlAsync(string method, Uri url, string token, string? json = null)
    {
        var arguments = new List<string> { "-sS", "-X", method, "-H", "Authorization: Bearer " + token, "-w", "\n%{http_code}" };
        if (json is not null)
        {
            arguments.AddRange(["-H", "Content-Type: application/json", "--data-binary", "@-"]);
        }

        arguments.Add(url.ToString());
        var (code, output, error) = await RunAsync("curl", arguments, json);
        Assert.True(code == 0, $"curl failed ({code}): {error}");
        var split = output.LastIndexOf('\n');
        return (int.Parse(output[(split + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture), output[..split]);
    }

    /// <summary>kubectl against <paramref name="kubeconfig"/>; fails the test unless it exits 0.</summary>
    public static async Task<string> KubectlAsync(string kubeconfig, string? input, params string[] arguments)
    {
        var (code, output, error) = await RunAsync("kubectl", ["--kubeconfig", kubeconfig, .. arguments], input);
        Assert.True(code == 0, $"kubectl {string.Join(' ', arguments)} exited {code}: {error}{output}");
        return output;
    }
}
