using System.Text.RegularExpressions;
using DrainOrchestrator.Core.Failures;

namespace DrainOrchestrator.Core.Tests.Failures;

public sealed partial class MigrationNamingTests
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [Fact]
    public void VmimName_SameInputs_SameValidPrefixedName()
    {
        var name = MigrationNaming.VmimName("drain-42", "6f1c2a1e-0000-4000-8000-000000000001", 3);

        Assert.Equal(name, MigrationNaming.VmimName("drain-42", "6f1c2a1e-0000-4000-8000-000000000001", 3));
        Assert.StartsWith(MigrationNaming.VmimPrefix, name, StringComparison.Ordinal);
        Assert.EndsWith("-3", name, StringComparison.Ordinal);
        Assert.Matches(Dns1123Label(), name);
        Assert.True(name.Length <= 63);
    }

    [Fact]
    public void VmimName_DifferentInputs_AllDistinct()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var drain = 0; drain < 20; drain++)
        {
            for (var vmi = 0; vmi < 100; vmi++)
            {
                for (var attempt = 1; attempt <= 3; attempt++)
                {
                    Assert.True(names.Add(MigrationNaming.VmimName("d" + drain, "u" + vmi, attempt)));
                }
            }
        }
    }

    [Fact]
    public void PostCopyPolicyName_ValidAndStable()
    {
        var name = MigrationNaming.PostCopyPolicyName("d", "u");

        Assert.Matches(Dns1123Label(), name);
        Assert.Equal(name, MigrationNaming.PostCopyPolicyName("d", "u"));
        Assert.NotEqual(name, MigrationNaming.PostCopyPolicyName("d", "v"));
    }
}
