using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Engine.Policy;

/// <summary>
/// One user-settable field of the drain policy: its path in Core's <see cref="DrainPolicy"/>, its name on the wire (the
/// API's JSON and the stored document; the command-line option is the same name in kebab case), how to read it in the
/// user's units and how to set it from JSON.
/// </summary>
/// <param name="Path">The property path in Core's terms, as <see cref="PolicyProblem.Field"/> names it.</param>
/// <param name="Wire">The camelCase name, e.g. <c>maxParallel</c>.</param>
/// <param name="Kind">What kind of value it takes.</param>
/// <param name="Choices">For a <see cref="PolicyValueKind.Choice"/>, the words it accepts; otherwise empty.</param>
/// <param name="Description">What it does, for <c>--help</c> and the API's documentation.</param>
/// <param name="Get">The policy's value in the user's units, as JSON; null when it is unset and learned (not written).</param>
/// <param name="Apply">Sets the field from a JSON value; returns null with the policy, or what is wrong with the value.</param>
public sealed record PolicyField(
    string Path,
    string Wire,
    PolicyValueKind Kind,
    IReadOnlyList<string> Choices,
    string Description,
    Func<DrainPolicy, JsonNode?> Get,
    Func<DrainPolicy, JsonElement, (DrainPolicy Policy, string? Problem)> Apply)
{
    /// <summary>The policy's value in the user's units, as the user would type it.</summary>
    public string Show(DrainPolicy policy)
    {
        var node = Get(policy);
        if (node is null)
        {
            return "learned";
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
    }

    /// <summary>
    /// The command-line option when it is not the wire name in kebab case: <c>--migration-network-policy</c> for
    /// <c>migrationNetwork</c>, whose plain option would read as naming the network itself.
    /// </summary>
    public string? OptionName { get; init; }

    /// <summary>The command-line option for this field, e.g. <c>--max-parallel</c>.</summary>
    public string Option => OptionName ?? (Kind == PolicyValueKind.Budgets ? "--budget"
        : "--" + string.Concat(Wire.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString())));
}
