using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Patching;

namespace DrainOrchestrator.Simulator.Tests.Patching;

public sealed class PatchTests
{
    [Theory]
    [InlineData("""{"a":1,"b":{"c":2}}""", """{"b":{"c":null,"d":3}}""", """{"a":1,"b":{"d":3}}""")]
    [InlineData("""{"a":[1,2]}""", """{"a":[3]}""", """{"a":[3]}""")]
    [InlineData("""{"a":1}""", """{"a":{"b":null}}""", """{"a":{}}""")]
    public void MergePatch_Apply_FollowsRfc7386(string target, string patch, string expected) =>
        AssertJson(expected, MergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch)));

    [Theory]
    [InlineData("""{"a":[1,2]}""", """[{"op":"add","path":"/a/1","value":9}]""", """{"a":[1,9,2]}""")]
    [InlineData("""{"a":[1,2]}""", """[{"op":"add","path":"/a/-","value":3}]""", """{"a":[1,2,3]}""")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a/b","path":"/c"}]""", """{"a":{},"c":1}""")]
    [InlineData("""{"a":1}""", """[{"op":"copy","from":"/a","path":"/b"}]""", """{"a":1,"b":1}""")]
    [InlineData("""{"a/b":1,"m~n":2}""", """[{"op":"remove","path":"/a~1b"},{"op":"replace","path":"/m~0n","value":3}]""", """{"m~n":3}""")]
    public void JsonPatch_Apply_FollowsRfc6902(string target, string patch, string expected) =>
        AssertJson(expected, JsonPatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch)));

    [Theory]
    [InlineData("""[{"op":"test","path":"/a","value":2}]""")]
    [InlineData("""[{"op":"remove","path":"/missing"}]""")]
    [InlineData("""[{"op":"replace","path":"/missing","value":1}]""")]
    [InlineData("""[{"op":"jump","path":"/a"}]""")]
    [InlineData("""{"op":"add"}""")]
    public void JsonPatch_Invalid_ThrowsPatchException(string patch) =>
        Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse(patch)));

    [Fact]
    public void StrategicMerge_Cordon_SetsUnschedulable() =>
        AssertJson("""{"spec":{"podCIDR":"x","unschedulable":true}}""",
            StrategicMergePatch.Apply(JsonNode.Parse("""{"spec":{"podCIDR":"x"}}"""), JsonNode.Parse("""{"spec":{"unschedulable":true}}""")));

    [Fact]
    public void StrategicMerge_Finalizers_MergeAsSetAndDeleteFromPrimitiveList() =>
        AssertJson("""{"metadata":{"finalizers":["b","c"]}}""",
            StrategicMergePatch.Apply(
                JsonNode.Parse("""{"metadata":{"finalizers":["a","b"]}}"""),
                JsonNode.Parse("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"finalizers":["c"]}}""")));

    [Fact]
    public void StrategicMerge_ConditionsByType_MergeAndDeleteDirective() =>
        AssertJson("""{"conditions":[{"type":"Ready","status":"False"},{"type":"Disk","status":"True"}]}""",
            StrategicMergePatch.Apply(
                JsonNode.Parse("""{"conditions":[{"type":"Ready","status":"True"},{"type":"Memory","status":"False"}]}"""),
                JsonNode.Parse("""{"$setElementOrder/conditions":[{"type":"Ready"}],"conditions":[{"type":"Ready","status":"False"},{"type":"Memory","$patch":"delete"},{"type":"Disk","status":"True"}]}""")));

    [Fact]
    public void StrategicMerge_ListWithoutMergeKey_IsReplaced() =>
        AssertJson("""{"spec":{"taints":[{"key":"b","effect":"NoSchedule"}]}}""",
            StrategicMergePatch.Apply(
                JsonNode.Parse("""{"spec":{"taints":[{"key":"a","effect":"NoSchedule"}]}}"""),
                JsonNode.Parse("""{"spec":{"taints":[{"key":"b","effect":"NoSchedule"}]}}""")));

    [Fact]
    public void StrategicMerge_PatchReplaceDirective_ReplacesTheMap() =>
        AssertJson("""{"spec":{"b":2}}""",
            StrategicMergePatch.Apply(JsonNode.Parse("""{"spec":{"a":1}}"""), JsonNode.Parse("""{"spec":{"$patch":"replace","b":2}}""")));

    [Theory]
    [InlineData("application/json-patch+json", PatchKind.Json)]
    [InlineData("application/merge-patch+json; charset=utf-8", PatchKind.Merge)]
    [InlineData("application/strategic-merge-patch+json", PatchKind.StrategicMerge)]
    [InlineData("application/apply-patch+yaml", null)]
    public void Patcher_KindOf_MapsContentTypes(string contentType, PatchKind? expected) =>
        Assert.Equal(expected, Patcher.KindOf(contentType));

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, got {actual?.ToJsonString()}");
}
