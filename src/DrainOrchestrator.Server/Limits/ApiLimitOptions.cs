using System.Globalization;

namespace DrainOrchestrator.Server.Limits;

/// <summary>How much one caller may ask of the server: the size of a request body and the rate of requests.</summary>
public sealed class ApiLimitOptions
{
    /// <summary><c>--max-request-body-bytes</c>: a larger body is refused with 413 before it is read.</summary>
    public long MaxRequestBodyBytes { get; set; } = ApiLimitConstants.DefaultMaxRequestBodyBytes;

    /// <summary>
    /// <c>--rate-limit-per-second</c>: requests per second one caller (a token's name, a JWT's subject, else the client
    /// address) may sustain; more are answered 429 with Retry-After. Probes and /metrics are not limited.
    /// </summary>
    public int RequestsPerSecond { get; set; } = ApiLimitConstants.DefaultRequestsPerSecond;

    /// <summary><c>--rate-limit-burst</c>: how many requests one caller may make at once above the sustained rate.</summary>
    public int Burst { get; set; } = ApiLimitConstants.DefaultBurst;

    /// <summary>Every problem with these values, in the terms of the command line.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxRequestBodyBytes is < ApiLimitConstants.MinRequestBodyBytes or > ApiLimitConstants.MaxRequestBodyBytes)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"--max-request-body-bytes must be between {ApiLimitConstants.MinRequestBodyBytes} and {ApiLimitConstants.MaxRequestBodyBytes}, was {MaxRequestBodyBytes}");
        }

        if (RequestsPerSecond is < 1 or > ApiLimitConstants.MaxRequestsPerSecond)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"--rate-limit-per-second must be between 1 and {ApiLimitConstants.MaxRequestsPerSecond}, was {RequestsPerSecond}");
        }

        if (Burst < RequestsPerSecond || Burst > ApiLimitConstants.MaxBurst)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"--rate-limit-burst must be between --rate-limit-per-second ({RequestsPerSecond}) and {ApiLimitConstants.MaxBurst}, was {Burst}");
        }
    }
}
