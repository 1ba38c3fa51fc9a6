using System.Diagnostics;

namespace DrainOrchestrator.Server.Bench.Results;

/// <summary>The commit the measured programs were built from, as <c>git</c> in the repository says, marked when the tree had changes.</summary>
internal static class SourceCommit
{
    public static async Task<string> DescribeAsync(string root)
    {
        var head = await GitAsync(root, "rev-parse", "--short=12", "HEAD");
        if (head is null)
        {
            return "unknown (no git)";
        }

        var changes = await GitAsync(root, "status", "--porcelain", "--untracked-files=no");
        return string.IsNullOrWhiteSpace(changes) ? head : head + " with uncommitted changes";
    }

    private static async Task<string?> GitAsync(string root, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-C");
        info.ArgumentList.Add(root);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(info)!;
            var output = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
