using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Cli.FrontDoors;

namespace DrainOrchestrator.Cli.Tests.FrontDoors;

public sealed class CliFailureTests
{
    [Fact]
    public async Task Of_AStateThatRefusesTheCommandForNow_Exit3SayingARetryMaySucceedAndThatNothingStarted()
    {
        var failure = CliFailure.Of(new RequestConflictException([new RequestProblem("drain", "drain d1 is running: move its VMs back once it has ended (retry then)")]))!;
        using var error = new StringWriter();

        var code = await failure.WriteAsync(error, "Nothing was started.");

        Assert.Equal(ExitCodes.Unfinished, code);
        Assert.Equal(
            ["error: drain d1 is running: move its VMs back once it has ended (retry then) (this may succeed if tried again)", "Nothing was started."],
            error.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task Of_BadInput_Exit2WithoutARetryHint()
    {
        var failure = CliFailure.Of(new InvalidRequestException([new RequestProblem("nodes", "node 'x' does not exist in the cluster")]))!;
        using var error = new StringWriter();

        Assert.Equal(ExitCodes.BadInput, await failure.WriteAsync(error, "Nothing was started."));
        Assert.Equal(["error: node 'x' does not exist in the cluster", "Nothing was started."], error.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Theory]
    [InlineData(503, true, ExitCodes.Unfinished)]
    [InlineData(429, true, ExitCodes.Unfinished)]
    [InlineData(500, false, ExitCodes.Failed)]
    [InlineData(401, false, ExitCodes.BadInput)]
    public async Task Of_TheServersAnswer_TheExitCodeEmbeddedWouldGive(int status, bool retryable, int expected)
    {
        var failure = CliFailure.Of(new RemoteApiException("the server answered " + status, status, retryable))!;
        using var error = new StringWriter();

        Assert.Equal(expected, await failure.WriteAsync(error));
    }

    [Fact]
    public async Task Of_TheServerUnreachable_Exit3SayingARetryMaySucceed()
    {
        var failure = CliFailure.Of(new HttpRequestException("Connection refused (127.0.0.1:9)"))!;
        using var error = new StringWriter();

        Assert.Equal(ExitCodes.Unfinished, await failure.WriteAsync(error));
        Assert.Contains("(this may succeed if tried again)", error.ToString(), StringComparison.Ordinal);
    }
}
