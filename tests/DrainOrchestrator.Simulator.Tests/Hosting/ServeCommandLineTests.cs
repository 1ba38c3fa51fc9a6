using System.Net;
using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Hosting;

namespace DrainOrchestrator.Simulator.Tests.Hosting;

public sealed class ServeCommandLineTests
{
    [Fact]
    public void Parse_AllOptions_BuildsTypedOptions()
    {
        var (options, scenario, problems) = ServeCommandLine.Parse(
            ["--scenario", "empty", "--listen", "127.0.0.1:8443", "--seed", "42", "--kubeconfig-out", "/tmp/kc",
             "--fault", "virtualmachineinstancemigrations/create:error-rate=0.2,delay=500ms", "--event-retention", "100"]);

        Assert.Empty(problems);
        Assert.Equal("empty", scenario);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8443), options!.Listen);
        Assert.Equal((42, 42), (options.Seed, options.Store.Seed));
        Assert.Equal(100, options.Store.EventRetention);
        var fault = Assert.Single(options.Faults);
        Assert.Equal(("virtualmachineinstancemigrations", "create", 0.2, TimeSpan.FromMilliseconds(500)), (fault.Resource, fault.Verb, fault.ErrorRate, fault.Delay));
    }

    [Fact]
    public void Parse_ForbidOnASubresource_NamesResourceSubresourceAndVerb()
    {
        var (options, _, problems) = ServeCommandLine.Parse(
            ["--scenario", "empty", "--kubeconfig-out", "/tmp/kc", "--fault", "nodes/status/patch:forbid", "--fault", "nodes/status:forbid=true"]);

        Assert.Empty(problems);
        Assert.Equal([("nodes/status", "patch", true), ("nodes/status", "*", true)],
            options!.Faults.Select(f => (f.Resource, f.Verb, f.Forbid)).ToList());
        Assert.True(options.Faults[0].Matches("patch", "nodes", "status"));
        Assert.False(options.Faults[0].Matches("patch", "nodes"));
    }

    [Fact]
    public void Parse_AmbiguousCreatesAndAdmissionCacheLag_AreTyped()
    {
        var (options, _, problems) = ServeCommandLine.Parse(
            ["--scenario", "empty", "--kubeconfig-out", "/tmp/kc", "--admission-cache-lag", "5s",
             "--fault", "virtualmachineinstancemigrations/create:ambiguous-rate=0.3,ambiguous-answer=reset"]);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromSeconds(5), options!.AdmissionCacheLag);
        var fault = Assert.Single(options.Faults);
        Assert.Equal((0.3, AmbiguousAnswer.Reset), (fault.AmbiguousRate, fault.AmbiguousAnswer));
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsEveryProblemAtOnce()
    {
        var (options, _, problems) = ServeCommandLine.Parse(
            ["--listen", "10.0.0.1:80", "--seed", "many", "--fault", "pods/list:error-rate=3,colour=red", "--fault", "widgets/fetch",
             "--fault", "gadgets", "--fault", "pods/create:ambiguous-rate=0.9,error-rate=0.5,ambiguous-answer=maybe",
             "--admission-cache-lag", "later", "--bogus", "x"]);

        Assert.Null(options);
        Assert.Contains(problems, p => p.Contains("loopback", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("--seed must be an integer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("errorRate must be between 0 and 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown setting \"colour\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("verb \"fetch\" is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("resource \"gadgets\" is not served", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("errorRate + throttleRate + ambiguousRate must not exceed 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ambiguous-answer must be error", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("--admission-cache-lag must be a duration", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Unrecognized command or argument '--bogus'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'--kubeconfig-out' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MalformedNumbersAndAMissingValue_NameTheFlagAndWhatItTakes()
    {
        var (options, _, problems) = ServeCommandLine.Parse(
            ["--kubeconfig-out", "/tmp/kc", "--speed", "fast", "--event-retention", "-5", "--listen", "here", "--ground-truth-out"]);

        Assert.Null(options);
        Assert.Contains("--speed must be a number, was \"fast\"", problems);
        Assert.Contains("--event-retention must be a positive integer, was \"-5\"", problems);
        Assert.Contains("--listen must be ADDRESS:PORT, was \"here\"", problems);
        Assert.Contains(problems, p => p.Contains("'--ground-truth-out'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NothingButTheKubeconfig_KeepsTheDefaults()
    {
        var (options, scenario, problems) = ServeCommandLine.Parse(["--kubeconfig-out", "/tmp/kc"]);

        Assert.Empty(problems);
        Assert.Equal("small", scenario);
        Assert.Equal(new SimulatorServerOptions { KubeconfigPath = "/tmp/kc" } with
        {
            Faults = options!.Faults,
            ServiceAccountTokens = options.ServiceAccountTokens,
        }, options);
        Assert.Equal((1d, 0, (int?)null, TimeSpan.Zero), (options.Speed, options.Seed, options.ModelSeed, options.AdmissionCacheLag));
        Assert.Empty(options.Faults);
        Assert.Empty(options.ServiceAccountTokens);
    }

    [Fact]
    public void Parse_ServiceAccountTokens_ReadsEachAndReportsEveryMalformedOne()
    {
        var (options, _, _) = ServeCommandLine.Parse(["--kubeconfig-out", "/tmp/kc", "--service-account-token", "drain-system/drainer=/tmp/token"]);
        var (_, _, problems) = ServeCommandLine.Parse(["--kubeconfig-out", "/tmp/kc", "--service-account-token", "no-slash",
            "--service-account-token", "Bad_NS/x=/tmp/t"]);

        var registration = Assert.Single(options!.ServiceAccountTokens);
        Assert.Equal(("drain-system", "drainer", "/tmp/token"), (registration.Namespace, registration.Name, registration.TokenFile));
        Assert.Contains(problems, p => p.Contains("--service-account-token must be NAMESPACE/NAME=FILE, was \"no-slash\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("service account token Bad_NS/x: namespace must be", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Kubeconfig_CarriesServerCaAndToken()
    {
        var text = Kubeconfig.Render(new Uri("https://127.0.0.1:1234/"), "PEM", "secret");

        Assert.Contains("server: https://127.0.0.1:1234\n", text, StringComparison.Ordinal);
        Assert.Contains("certificate-authority-data: UEVN\n", text, StringComparison.Ordinal);
        Assert.Contains("token: secret\n", text, StringComparison.Ordinal);
        Assert.Contains("current-context: drain-sim\n", text, StringComparison.Ordinal);
    }
}
