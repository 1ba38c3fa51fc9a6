using System.Collections.Immutable;
using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Admin.Faults;

/// <summary>
/// Holds the active API fault rules (replaceable at runtime) and decides, with a seeded random source, which requests
/// fail, wait or get their watch cut.
/// </summary>
public sealed class FaultInjector(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();
    private ImmutableArray<FaultRule> _rules = [];
    private long _ambiguousAnswered;

    /// <summary>The active rules.</summary>
    public IReadOnlyList<FaultRule> Rules => _rules;

    /// <summary>How many requests were carried out and then answered ambiguously (since the start; rules coming and going do not reset it).</summary>
    public long AmbiguousAnswered => Interlocked.Read(ref _ambiguousAnswered);

    /// <summary>Replaces every rule.</summary>
    public void SetRules(IEnumerable<FaultRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
    }

    /// <summary>Adds one rule.</summary>
    public void AddRule(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_lock)
        {
            _rules = _rules.Add(rule);
        }
    }

    /// <summary>Decides the fault for a request.</summary>
    public FaultDecision Decide(string verb, string resource, string? subresource = null, string? name = null)
    {
        var matching = _rules.Where(r => r.Matches(verb, resource, subresource)).ToList();
        if (matching.Count == 0)
        {
            return FaultDecision.None;
        }

        var delay = matching.Max(r => r.Delay);
        var drop = matching.Where(r => r.DropWatchAfter is not null).Select(r => r.DropWatchAfter).Min();
        if (matching.Any(r => r.Forbid))
        {
            return new FaultDecision(delay, ApiErrors.Forbidden(verb, subresource is null ? resource : resource + "/" + subresource, name), drop);
        }

        ApiStatus? failure = null;
        foreach (var rule in matching)
        {
            var roll = Roll();
            if (roll < rule.ErrorRate)
            {
                failure = ApiErrors.InternalError($"injected fault for {verb} {resource}");
                break;
            }

            if (roll < rule.ErrorRate + rule.ThrottleRate)
            {
                failure = ApiErrors.TooManyRequests((int)Math.Ceiling(rule.RetryAfter.TotalSeconds));
                break;
            }

            if (roll < rule.ErrorRate + rule.ThrottleRate + rule.AmbiguousRate)
            {
                Interlocked.Increment(ref _ambiguousAnswered);
                return new FaultDecision(delay, null, drop) { Ambiguous = rule.AmbiguousAnswer };
            }
        }

        return new FaultDecision(delay, failure, drop);
    }

    private double Roll()
    {
        lock (_lock)
        {
            return _random.NextDouble();
        }
    }
}
