using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>The statuses a client write to the simulated cluster is refused with.</summary>
internal static class ModelDenials
{
    /// <summary>
    /// KubeVirt's admission webhook denied the write (422, as KubeVirt's webhooks answer); the cause repeats the message
    /// so kubectl, which prints the causes of an Invalid status, shows it.
    /// </summary>
    public static ApiStatus Webhook(ResourceType type, string name, string webhook, string field, string message) =>
        new(422, "Invalid", $"admission webhook \"{webhook}\" denied the request: {message}")
        {
            Name = name,
            Group = type.Group,
            Kind = type.Plural,
            Causes = [new ApiStatusCause("FieldValueInvalid", message, field)],
        };

    /// <summary>The object is invalid (422), every problem listed.</summary>
    public static ApiStatus Invalid(ResourceType type, string name, IEnumerable<(string Field, string Message)> problems) =>
        ApiErrors.Invalid(type.Kind, name, [.. problems.Select(p => new ApiStatusCause("FieldValueInvalid", p.Message, p.Field))], type.Group);

    /// <summary>The verb is not something the simulated cluster can honour on this kind (405), saying why.</summary>
    public static ApiStatus NotModelled(ResourceType type, string name, string verb, string why) =>
        new(405, "MethodNotAllowed", $"drain-sim cannot {verb} {type.GroupResource} \"{name}\": {why}")
        {
            Name = name,
            Group = type.Group,
            Kind = type.Plural,
        };

    /// <summary>A change to fields the simulated cluster owns or cannot act on (422), saying why.</summary>
    public static ApiStatus FieldNotModelled(ResourceType type, string name, string field, string why) =>
        new(422, "Invalid", $"{type.Kind} \"{name}\" is invalid: {field}: Forbidden: drain-sim cannot honour this change: {why}")
        {
            Name = name,
            Group = type.Group,
            Kind = type.Kind,
            Causes = [new ApiStatusCause("FieldValueForbidden", $"drain-sim cannot honour this change: {why}", field)],
        };
}
