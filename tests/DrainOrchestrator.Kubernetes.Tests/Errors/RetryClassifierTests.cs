using System.Net;
using DrainOrchestrator.Kubernetes.Errors;

namespace DrainOrchestrator.Kubernetes.Tests.Errors;

public sealed class RetryClassifierTests
{
    [Theory]
    [InlineData(409, "Conflict", RetryVerdict.RereadAndRetry)]
    [InlineData(409, null, RetryVerdict.RereadAndRetry)]
    [InlineData(409, "AlreadyExists", RetryVerdict.Permanent)]
    [InlineData(429, "TooManyRequests", RetryVerdict.BackOff)]
    [InlineData(429, null, RetryVerdict.BackOff)]
    [InlineData(500, "InternalError", RetryVerdict.BackOff)]
    [InlineData(500, "ServerTimeout", RetryVerdict.BackOff)]
    [InlineData(502, null, RetryVerdict.BackOff)]
    [InlineData(503, "ServiceUnavailable", RetryVerdict.BackOff)]
    [InlineData(504, "Timeout", RetryVerdict.BackOff)]
    [InlineData(408, null, RetryVerdict.BackOff)]
    [InlineData(410, "Expired", RetryVerdict.Relist)]
    [InlineData(410, "Gone", RetryVerdict.Relist)]
    [InlineData(400, "BadRequest", RetryVerdict.Permanent)]
    [InlineData(401, "Unauthorized", RetryVerdict.Permanent)]
    [InlineData(403, "Forbidden", RetryVerdict.Permanent)]
    [InlineData(404, "NotFound", RetryVerdict.Permanent)]
    [InlineData(422, "Invalid", RetryVerdict.Permanent)]
    [InlineData(501, null, RetryVerdict.Permanent)]
    public void Classify_StatusAndReason_GivesVerdict(int status, string? reason, RetryVerdict expected)
        => Assert.Equal(expected, RetryClassifier.Classify((HttpStatusCode)status, reason));
}
