using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Tables;

namespace DrainOrchestrator.Simulator.Tests.Tables;

public sealed class TableRequestTests
{
    private const string KubectlAccept =
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    [Fact]
    public void Parse_KubectlsAcceptList_IsATableV1WithMetadataRows()
    {
        var request = TableRequest.Parse(KubectlAccept, null);

        Assert.Equal(new TableRequest("v1", IncludeObject.Metadata), request);
        Assert.Equal("meta.k8s.io/v1", request!.ApiVersion);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json, application/json;as=Table;v=v1;g=meta.k8s.io")]
    [InlineData("application/json;as=Table;v=v2;g=meta.k8s.io,application/json")]
    [InlineData("application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json")]
    [InlineData("")]
    public void Parse_JsonPreferredOrNoServableTable_IsNull(string accept) => Assert.Null(TableRequest.Parse(accept, null));

    [Fact]
    public void Parse_OnlyV1beta1_IsThatVersion() =>
        Assert.Equal("v1beta1", TableRequest.Parse("application/json;as=Table;v=v1beta1;g=meta.k8s.io", "Object")!.Version);

    [Theory]
    [InlineData("None")]
    [InlineData("Object")]
    [InlineData("Metadata")]
    public void Parse_IncludeObject_IsHonoured(string value) =>
        Assert.Equal(value, TableRequest.Parse(KubectlAccept, value)!.Include.ToString());

    [Fact]
    public void Parse_UnknownIncludeObject_Is400NamingTheChoices()
    {
        var error = Assert.Throws<ApiStatusException>(() => TableRequest.Parse(KubectlAccept, "Everything"));

        Assert.Equal(400, error.Status.Code);
        Assert.Contains("None, Metadata or Object", error.Status.Message, StringComparison.Ordinal);
    }
}
