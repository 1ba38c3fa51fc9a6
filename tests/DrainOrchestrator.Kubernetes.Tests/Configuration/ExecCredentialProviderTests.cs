using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Configuration;

public sealed class ExecCredentialProviderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GetCredential_ShortExpiry_ReusesUntilExpiryThenRunsPluginAgain()
    {
        // Each run writes a new token that expires ten seconds after the test's start.
        WriteScript("plugin.sh", """
            #!/bin/sh
            n=$(( $(cat "$1" 2>/dev/null || echo 0) + 1 ))
            echo "$n" > "$1"
            printf '%s' "$KUBERNETES_EXEC_INFO" > "$1.info"
            printf '%s' "$PLUGIN_GREETING" > "$1.env"
            cat <<JSON
            {"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"exec-token-$n","expirationTimestamp":"2030-01-01T00:00:10Z"}}
            JSON
            """);
        var counter = Path.Combine(_dir.Path, "runs");
        var time = new FakeTimeProvider(Start);
        var settings = LoadWithExec(time, $"""
              exec:
                apiVersion: client.authentication.k8s.io/v1
                command: ./plugin.sh
                args: ["{counter}"]
                env:
                - name: PLUGIN_GREETING
                  value: hello
                interactiveMode: IfAvailable
                provideClusterInfo: true
            """);
        var provider = Assert.IsType<ExecCredentialProvider>(settings.Credentials);

        var first = await provider.GetCredentialAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(9));
        var cached = await provider.GetCredentialAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        var renewed = await provider.GetCredentialAsync(CancellationToken.None);

        Assert.Equal("exec-token-1", first.BearerToken);
        Assert.Equal(Start.AddSeconds(10), first.ExpiresAt);
        Assert.Same(first, cached);
        Assert.Equal("exec-token-2", renewed.BearerToken);
        Assert.Equal(2, provider.Runs);
        Assert.Equal("hello", File.ReadAllText(counter + ".env"));
        var info = File.ReadAllText(counter + ".info");
        Assert.Contains("\"interactive\":false", info, StringComparison.Ordinal);
        Assert.Contains("\"server\":\"https://k.example\"", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredential_AfterInvalidate_RunsPluginAgain()
    {
        WriteScript("plugin.sh", """
            #!/bin/sh
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"no-expiry"}}'
            """);
        var provider = (ExecCredentialProvider)LoadWithExec(new FakeTimeProvider(Start), """
              exec:
                apiVersion: client.authentication.k8s.io/v1
                command: ./plugin.sh
            """).Credentials!;

        await provider.GetCredentialAsync(CancellationToken.None);
        await provider.GetCredentialAsync(CancellationToken.None);
        provider.Invalidate();
        var again = await provider.GetCredentialAsync(CancellationToken.None);

        Assert.Equal("no-expiry", again.BearerToken);
        Assert.Equal(2, provider.Runs);
    }

    [Fact]
    public async Task GetCredential_PluginFails_ReportsStderrButNeverStdout()
    {
        WriteScript("plugin.sh", """
            #!/bin/sh
            echo 'partial-secret-token'
            echo 'login required' >&2
            exit 3
            """);
        var provider = LoadWithExec(new FakeTimeProvider(Start), """
              exec:
                apiVersion: client.authentication.k8s.io/v1
                command: ./plugin.sh
            """).Credentials!;

        var ex = await Assert.ThrowsAsync<KubernetesConfigurationException>(
            async () => await provider.GetCredentialAsync(CancellationToken.None));

        Assert.Equal("exec.command", ex.Field);
        Assert.Equal("c", ex.ContextName);
        Assert.Contains("exited with code 3: login required", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("partial-secret-token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredential_CommandNotFound_ShowsInstallHint()
    {
        var provider = LoadWithExec(new FakeTimeProvider(Start), """
              exec:
                apiVersion: client.authentication.k8s.io/v1
                command: drain-orchestrator-no-such-plugin
                installHint: Install it with 'apt-get install the-plugin'.
            """).Credentials!;

        var ex = await Assert.ThrowsAsync<KubernetesConfigurationException>(
            async () => await provider.GetCredentialAsync(CancellationToken.None));

        Assert.Contains("apt-get install the-plugin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredential_WrongApiVersionInOutput_NamesApiVersion()
    {
        WriteScript("plugin.sh", """
            #!/bin/sh
            echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"t"}}'
            """);
        var provider = LoadWithExec(new FakeTimeProvider(Start), """
              exec:
                apiVersion: client.authentication.k8s.io/v1
                command: ./plugin.sh
            """).Credentials!;

        var ex = await Assert.ThrowsAsync<KubernetesConfigurationException>(
            async () => await provider.GetCredentialAsync(CancellationToken.None));

        Assert.Equal("exec.apiVersion", ex.Field);
    }

    private void WriteScript(string name, string content)
    {
        var path = _dir.Write(name, content.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private KubernetesConnectionSettings LoadWithExec(TimeProvider time, string userBody)
    {
        var indented = string.Join('\n', userBody.Split('\n').Select(line => "  " + line));
        var path = _dir.Write("config", $"""
            apiVersion: v1
            kind: Config
            current-context: c
            clusters:
            - name: k
              cluster:
                server: https://k.example
            contexts:
            - name: c
              context:
                cluster: k
                user: u
            users:
            - name: u
              user:
            {indented}
            """);
        return KubeconfigLoader.Load(KubeconfigLoaderTests.Options(explicitPath: path, time: time));
    }
}
