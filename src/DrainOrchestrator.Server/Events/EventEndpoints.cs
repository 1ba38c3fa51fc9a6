using System.Globalization;
using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DrainOrchestrator.Server.Events;

/// <summary>Server-Sent Events: one drain's journal, or every drain's.</summary>
internal static class EventEndpoints
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public static IServiceCollection AddDrainEvents(this IServiceCollection services)
    {
        services.AddSingleton<JournalFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<JournalFeed>());
        services.AddSingleton<EventStream>();
        return services;
    }

    public static RouteGroupBuilder MapDrainEvents(this RouteGroupBuilder api)
    {
        api.MapGet("/drains/{id}/events", DrainEventsAsync).WithTags("Events").RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The drain's journal as Server-Sent Events from its beginning, or after Last-Event-ID / lastEventId; id = journal sequence, event = journal kind")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/events", AllEventsAsync).WithTags("Events").RequireAuthorization(ApiPolicies.Read)
            .WithSummary("Every drain's journal as Server-Sent Events from now on, or after Last-Event-ID / lastEventId")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return api;
    }

    private static async Task DrainEventsAsync(string id, string? lastEventId, HttpContext http, DrainApplication app, EventStream stream,
        IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var after = ResumeFrom(http, lastEventId) ?? 0;
        var drain = await app.GetAsync(id, withVms: false, ct);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        await RunQuietlyAsync(() => stream.RunAsync(http, drain.Id.ToString("D"), drain.Id, after, linked.Token));
    }

    private static async Task AllEventsAsync(string? lastEventId, HttpContext http, JournalFeed feed, EventStream stream,
        IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var after = ResumeFrom(http, lastEventId);
        if (after is null)
        {
            await feed.Ready.WaitAsync(ct);
            after = feed.Read(long.MaxValue, null).Head;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        await RunQuietlyAsync(() => stream.RunAsync(http, null, null, after.Value, linked.Token));
    }

    private static async Task RunQuietlyAsync(Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (OperationCanceledException)
        {
            // The client went away or the server stops: the stream just ends; the client resumes with Last-Event-ID.
        }
    }

    private static long? ResumeFrom(HttpContext http, string? query)
    {
        string? value = http.Request.Headers[LastEventIdHeader];
        value ??= query;
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? seq
            : throw new InvalidRequestException([new RequestProblem(LastEventIdHeader, $"{LastEventIdHeader} must be a journal sequence number, was '{value}'")]);
    }
}
