using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Admin.Faults;

/// <summary>
/// Carries a request out and then loses its answer (<see cref="AmbiguousAnswer"/>): what the handler wrote goes to a
/// buffer, and the client gets a 500 or a reset connection instead. A request that failed on its own (e.g. 409
/// AlreadyExists) is answered as it failed: nothing happened, so nothing is ambiguous.
/// </summary>
internal static class AmbiguousExecution
{
    public static async Task RunAsync(HttpContext http, AmbiguousAnswer answer, Func<Task> handler)
    {
        var original = http.Response.Body;
        await using (var lost = new MemoryStream())
        {
            http.Response.Body = lost;
            try
            {
                await handler();
            }
            finally
            {
                http.Response.Body = original;
            }
        }

        if (answer == AmbiguousAnswer.Reset)
        {
            http.Abort();
            return;
        }

        http.Response.Clear();
        throw new ApiStatusException(ApiErrors.InternalError(
            "injected ambiguous fault: the request was carried out, but its answer was lost"));
    }
}
