using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Security.Authentication;

/// <summary>
/// The ServiceAccount tokens the server knows: issued through the TokenRequest subresource (with an expiry) or
/// registered through the admin API or the server options (never expiring). A token authenticates only while its
/// ServiceAccount exists with the uid it was issued for, so deleting the account invalidates its tokens for good.
/// Tokens are kept by their SHA-256, so a look-up takes no time that depends on how much of a guess was right.
/// </summary>
public sealed class ServiceAccountTokens
{
    private readonly ConcurrentDictionary<string, ServiceAccountToken> _tokens = new(StringComparer.Ordinal);
    private readonly ObjectStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the token table of a store; expiries are read on <paramref name="time"/> (wall time).</summary>
    public ServiceAccountTokens(ObjectStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
    }

    /// <summary>
    /// Issues a token for an existing ServiceAccount, valid for <paramref name="lifetime"/>, as the TokenRequest
    /// subresource does. Throws a 404 Status when the account does not exist.
    /// </summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(string @namespace, string name, TimeSpan lifetime)
    {
        var account = _store.Get(BuiltInResourceTypes.ServiceAccounts, @namespace, name)
            ?? throw new ApiStatusException(ApiErrors.NotFound("serviceaccounts", name));
        var token = NewToken();
        var expires = _time.GetUtcNow() + lifetime;
        _tokens[Key(token)] = new ServiceAccountToken(@namespace, name, account.Uid, expires);
        return (token, expires);
    }

    /// <summary>
    /// Registers a token that never expires for a ServiceAccount, creating the account (and its namespace) when missing,
    /// as a test needs before the product runs. A null <paramref name="token"/> gets a new random one.
    /// Returns the token. Throws a 422/400 Status for an invalid name, namespace or token.
    /// </summary>
    public string Register(string @namespace, string name, string? token = null)
    {
        var problems = RegistrationProblems(@namespace, name, token);
        if (problems.Count > 0)
        {
            throw new ApiStatusException(ApiErrors.BadRequest(string.Join("; ", problems)));
        }

        EnsureExists(BuiltInResourceTypes.Namespaces, null, @namespace);
        var account = EnsureExists(BuiltInResourceTypes.ServiceAccounts, @namespace, name);
        token ??= NewToken();
        _tokens[Key(token)] = new ServiceAccountToken(@namespace, name, account.Uid, null);
        return token;
    }

    /// <summary>The ServiceAccount a token authenticates as, or null when it is unknown, expired or its account is gone.</summary>
    public UserInfo? Authenticate(string token)
    {
        var key = Key(token);
        if (!_tokens.TryGetValue(key, out var bound))
        {
            return null;
        }

        var account = _store.Get(BuiltInResourceTypes.ServiceAccounts, bound.Namespace, bound.Name);
        if (account is null || account.Uid != bound.Uid)
        {
            _tokens.TryRemove(key, out _);
            return null;
        }

        return bound.ExpiresAt is { } expires && _time.GetUtcNow() >= expires
            ? null
            : UserInfo.ServiceAccount(bound.Namespace, bound.Name);
    }

    /// <summary>Every problem with a registration; empty when valid.</summary>
    public static IReadOnlyList<string> RegistrationProblems(string? @namespace, string? name, string? token)
    {
        var problems = new List<string>();
        foreach (var (what, value) in new[] { ("namespace", @namespace), ("serviceAccount name", name) })
        {
            if (string.IsNullOrEmpty(value) || ObjectValidation.NameProblems(value).Count > 0)
            {
                problems.Add($"{what} must be a lowercase RFC 1123 name, was \"{value}\"");
            }
        }

        if (token is not null && (token.Length < 16 || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            problems.Add("token must be at least 16 characters without whitespace, or left out to get a random one");
        }

        return problems;
    }

    private StoredObject EnsureExists(ResourceType type, string? @namespace, string name)
    {
        if (_store.Get(type, @namespace, name) is { } existing)
        {
            return existing;
        }

        var metadata = new JsonObject { ["name"] = name };
        if (@namespace is not null)
        {
            metadata["namespace"] = @namespace;
        }

        try
        {
            return _store.Create(type, new JsonObject { ["metadata"] = metadata }, WriteOptions.Client);
        }
        catch (ApiStatusException e) when (e.Status.Reason == "AlreadyExists" && _store.Get(type, @namespace, name) is not null)
        {
            // Created by someone else in between: theirs is the one.
            return _store.Get(type, @namespace, name)!;
        }
    }

    private static string NewToken() =>
        "dsa_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Key(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
