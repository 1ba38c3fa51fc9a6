using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Admin.Partition;
using DrainOrchestrator.Simulator.Admin.Requests;
using DrainOrchestrator.Simulator.Api.Discovery;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Handlers;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Security.Authentication;
using DrainOrchestrator.Simulator.Security.Authorization;
using DrainOrchestrator.Simulator.Security.Reviews;

namespace DrainOrchestrator.Simulator.Api;

/// <summary>
/// The Kubernetes API surface: <c>/version</c>, discovery under <c>/api</c> and <c>/apis</c>, and resource requests,
/// each authorized (<see cref="RbacAuthorizer"/>, 403 as kube-apiserver words it), counted and passed through the fault
/// rules before its verb handler runs. ServiceAccount tokens (<c>serviceaccounts/NAME/token</c>) and self reviews
/// (<c>authorization.k8s.io</c>) have handlers of their own. While the API is partitioned (<see cref="ApiPartition"/>)
/// every request hangs unanswered until the partition heals, then its connection drops.
/// </summary>
internal sealed class KubernetesApi(ObjectStore store, ApiServerOptions options, TimeProvider time, FaultInjector faults, RequestCounters counters,
    ApiPartition partition, RbacAuthorizer authorizer, ServiceAccountTokens tokens)
{
    public async Task HandleAsync(HttpContext http, string[] segments, UserInfo user)
    {
        if (!await partition.HoldAsync(http, http.RequestAborted))
        {
            Authorize(http, segments, user);
            await ServeAsync(http, segments, user);
        }
    }

    private void Authorize(HttpContext http, string[] segments, UserInfo user)
    {
        var request = RequestAttributesParser.Parse(http.Request.Method, http.Request.Path.Value ?? "/", segments,
            http.Request.Query["watch"], http.Request.Query["fieldSelector"]);
        var decision = authorizer.Authorize(user, request);
        if (!decision.Allowed)
        {
            throw new ApiStatusException(ForbiddenStatus.For(user, request, decision.Reason));
        }
    }

    private Task ServeAsync(HttpContext http, string[] segments, UserInfo user) => segments switch
    {
        ["version"] => GetOnly(http, VersionDocument.Create(options.KubernetesVersion)),
        ["openapi", "v2"] when http.Request.Method == "GET" => OpenApiDocument.WriteV2Async(http, options.KubernetesVersion),
        ["api"] => GetOnly(http, DiscoveryDocuments.CoreVersions()),
        ["api", var v] => GetOnly(http, DiscoveryDocuments.ResourceList(store.Registry, "", v)),
        ["api", var v, .. var rest] => ResourceAsync(http, "", v, rest, user),
        ["apis"] => GetOnly(http, DiscoveryDocuments.GroupList(store.Registry)),
        ["apis", var g] => GetOnly(http, DiscoveryDocuments.Group(store.Registry, g)),
        ["apis", var g, var v] => GetOnly(http, DiscoveryDocuments.ResourceList(store.Registry, g, v)),
        ["apis", var g, var v, .. var rest] => ResourceAsync(http, g, v, rest, user),
        _ => throw new ApiStatusException(ApiErrors.PathNotFound()),
    };

    private static Task GetOnly(HttpContext http, System.Text.Json.Nodes.JsonObject? document)
    {
        if (document is null)
        {
            throw new ApiStatusException(ApiErrors.PathNotFound());
        }

        return http.Request.Method == "GET"
            ? ApiResponses.WriteJsonAsync(http.Response, 200, document, http.RequestAborted)
            : throw new ApiStatusException(ApiErrors.MethodNotAllowed(http.Request.Method));
    }

    private async Task ResourceAsync(HttpContext http, string group, string version, string[] rest, UserInfo user)
    {
        var parsed = ApiPathParser.Parse(store.Registry, group, version, rest)
            ?? throw new ApiStatusException(ApiErrors.PathNotFound());
        var (type, ns, name, subresource, watchPrefix) = parsed;
        if (await ServeSecurityAsync(http, type, ns, name, subresource, user))
        {
            return;
        }

        if (subresource is not null && (subresource != "status" || !type.HasStatusSubresource))
        {
            throw new ApiStatusException(ApiErrors.PathNotFound());
        }

        var query = ApiQuery.Parse(http.Request.Query, type);
        var verb = ApiVerb.Of(http.Request.Method, name is not null, query.Watch || watchPrefix);
        if (verb is null || (subresource is not null && verb is not (ApiVerb.Get or ApiVerb.Update or ApiVerb.Patch)))
        {
            throw new ApiStatusException(ApiErrors.MethodNotAllowed(http.Request.Method));
        }

        counters.Count(verb, group, type.Plural, subresource);
        var fault = faults.Decide(verb, type.Plural, subresource, name);
        if (fault.Delay > TimeSpan.Zero)
        {
            await RequestTimeout.DelayAsync(http, fault.Delay, time);
        }

        if (fault.Failure is { } failure)
        {
            throw new ApiStatusException(failure);
        }

        var call = new ApiCall(http, new ResourceRequest(type, ns, name, subresource, verb), query, store, options, time, fault.DropWatchAfter)
        {
            Partition = partition,
            User = user.Name,
        };
        if (fault.Ambiguous is { } answer && verb != ApiVerb.Watch)
        {
            await AmbiguousExecution.RunAsync(http, answer, () => HandleVerbAsync(call, verb));
            return;
        }

        await HandleVerbAsync(call, verb);
    }

    /// <summary>Serves TokenRequests and self reviews, which are not stored objects; false for every other request.</summary>
    private async Task<bool> ServeSecurityAsync(HttpContext http, ResourceType type, string? ns, string? name, string? subresource, UserInfo user)
    {
        if (type == BuiltInResourceTypes.ServiceAccounts && subresource == "token" && name is not null && ns is not null)
        {
            counters.Count(ApiVerb.Create, type.Group, type.Plural, subresource);
            await TokenRequestHandler.HandleAsync(http, ns, name, tokens, time);
            return true;
        }

        if (type != BuiltInResourceTypes.SelfSubjectAccessReviews && type != BuiltInResourceTypes.SelfSubjectRulesReviews)
        {
            return false;
        }

        if (http.Request.Method != "POST" || name is not null || subresource is not null)
        {
            throw new ApiStatusException(ApiErrors.MethodNotAllowed(http.Request.Method));
        }

        counters.Count(ApiVerb.Create, type.Group, type.Plural, null);
        await (type == BuiltInResourceTypes.SelfSubjectAccessReviews
            ? SelfSubjectAccessReviewHandler.HandleAsync(http, user, authorizer)
            : SelfSubjectRulesReviewHandler.HandleAsync(http, user, authorizer));
        return true;
    }

    private static Task HandleVerbAsync(ApiCall call, string verb) => verb switch
    {
        ApiVerb.Get => ReadHandlers.GetAsync(call),
        ApiVerb.List => ReadHandlers.ListAsync(call),
        ApiVerb.Watch => WatchHandler.WatchAsync(call),
        ApiVerb.Create => WriteHandlers.CreateAsync(call),
        ApiVerb.Update => WriteHandlers.UpdateAsync(call),
        ApiVerb.Patch => PatchHandler.PatchAsync(call),
        ApiVerb.Delete => DeleteHandlers.DeleteAsync(call),
        _ => DeleteHandlers.DeleteCollectionAsync(call),
    };
}
