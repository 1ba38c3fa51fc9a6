using DrainOrchestrator.Server.Auth;

namespace DrainOrchestrator.Server.Tests.Auth;

public sealed class TokenFileTests
{
    [Fact]
    public void Parse_MalformedLines_NamesEachFileAndLineAtOnce()
    {
        var (_, good) = TokenGenerator.Create("alice", "viewer");
        string[] lines = ["# comment", "", good, "bob operator", "carol superuser " + new string('a', 64), "dave admin nothex"];
        var tokens = TokenFile.Parse(lines, "tokens.txt", out var problems);
        Assert.Single(tokens);
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("tokens.txt:4:", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("tokens.txt:5:", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("tokens.txt:6:", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Token_IsUrlSafeAndItsLineHoldsOnlyTheHash()
    {
        var (token, line) = TokenGenerator.Create("ops", "operator");
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal($"ops operator {TokenGenerator.Hash(token)}", line);
        Assert.DoesNotContain(token, line, StringComparison.Ordinal);
        var parsed = TokenFile.Parse([line], "f", out var problems);
        Assert.Empty(problems);
        Assert.Equal(ApiRole.Operator, parsed[0].Role);
    }
}
