using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Kubectl;

/// <summary>The real kubectl against drain-sim's RBAC: tokens, can-i, applying roles and a refused read.</summary>
public sealed class KubectlRbacTests(KubectlFixture fixture) : IClassFixture<KubectlFixture>
{
    [Fact]
    public async Task CreateToken_GivesATokenKubectlAuthenticatesWith()
    {
        await fixture.Kubectl.SucceedAsync("create", "namespace", "kc-token");
        await fixture.Kubectl.SucceedAsync("create", "serviceaccount", "robot", "-n", "kc-token");

        var token = (await fixture.Kubectl.SucceedAsync("create", "token", "robot", "-n", "kc-token", "--duration", "20m")).Trim();
        var (code, output, _) = await fixture.Kubectl.RunAsync("--token", token, "auth", "can-i", "list", "nodes");

        Assert.Equal(1, code);
        Assert.Equal("no", output.Trim());
    }

    [Fact]
    public async Task AuthCanI_AnswersForAdminAndServiceAccount_BeforeAndAfterApplyingARole()
    {
        var token = fixture.Server.ServiceAccountToken("kc-cani", "migrator");
        string[] question = ["auth", "can-i", "create", "virtualmachineinstancemigrations.kubevirt.io", "-n", "kc-cani"];

        var admin = await fixture.Kubectl.SucceedAsync(question);
        var (before, beforeOutput, _) = await fixture.Kubectl.RunAsync(["--token", token, .. question]);
        var applied = await fixture.Kubectl.SucceedAsync("apply", "-f", await WriteAsync("migrator.yaml", MigratorRole("kc-cani")));
        var again = await fixture.Kubectl.SucceedAsync("apply", "-f", await WriteAsync("migrator.yaml", MigratorRole("kc-cani")));
        var after = await fixture.Kubectl.SucceedAsync(["--token", token, .. question]);
        var (elsewhere, _, _) = await fixture.Kubectl.RunAsync("--token", token, "auth", "can-i", "create",
            "virtualmachineinstancemigrations.kubevirt.io", "-n", "default");

        Assert.Equal("yes", admin.Trim());
        Assert.Equal((1, "no"), (before, beforeOutput.Trim()));
        Assert.Contains("role.rbac.authorization.k8s.io/vmim-creator created", applied, StringComparison.Ordinal);
        Assert.Contains("rolebinding.rbac.authorization.k8s.io/migrator-creates-vmims created", applied, StringComparison.Ordinal);
        Assert.Contains("role.rbac.authorization.k8s.io/vmim-creator unchanged", again, StringComparison.Ordinal);
        Assert.Equal("yes", after.Trim());
        Assert.Equal(1, elsewhere);
    }

    [Fact]
    public async Task AuthCanIList_ShowsTheServiceAccountsRules()
    {
        var token = fixture.Server.ServiceAccountToken("kc-list", "migrator");
        await fixture.Kubectl.SucceedAsync("apply", "-f", await WriteAsync("list.yaml", MigratorRole("kc-list")));

        var output = await fixture.Kubectl.SucceedAsync("--token", token, "auth", "can-i", "--list", "-n", "kc-list");

        var line = output.Split('\n').Single(l => l.StartsWith("virtualmachineinstancemigrations.kubevirt.io", StringComparison.Ordinal));
        Assert.Contains("[create get]", line, StringComparison.Ordinal);
        Assert.Contains("selfsubjectaccessreviews.authorization.k8s.io", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithoutPermission_PrintsTheForbiddenError()
    {
        var token = fixture.Server.ServiceAccountToken("kc-denied", "viewer");

        var (code, _, error) = await fixture.Kubectl.RunAsync("--token", token, "get", "pods", "-n", "default");

        Assert.NotEqual(0, code);
        Assert.Contains(
            "Error from server (Forbidden): pods is forbidden: User \"system:serviceaccount:kc-denied:viewer\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"",
            error, StringComparison.Ordinal);
    }

    private static string MigratorRole(string ns) => $"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: vmim-creator
          namespace: {ns}
        rules:
        - apiGroups: ["kubevirt.io"]
          resources: ["virtualmachineinstancemigrations"]
          verbs: ["create", "get"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: migrator-creates-vmims
          namespace: {ns}
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: vmim-creator
        subjects:
        - kind: ServiceAccount
          name: migrator
          namespace: {ns}
        """;

    private async Task<string> WriteAsync(string name, string yaml)
    {
        var path = Path.Combine(fixture.Directory, Guid.NewGuid().ToString("N") + "-" + name);
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }
}
