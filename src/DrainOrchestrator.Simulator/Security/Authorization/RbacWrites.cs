using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>
/// Validates roles and bindings as kube-apiserver does, every problem in one 422: rules need verbs and either
/// resources with API groups or (ClusterRoles only) non-resource URLs; a binding's roleRef names a Role (RoleBindings
/// only) or a ClusterRole of <c>rbac.authorization.k8s.io</c> and cannot change; subjects are ServiceAccounts (with a
/// namespace in a ClusterRoleBinding), Users or Groups (of <c>rbac.authorization.k8s.io</c>).
/// </summary>
public sealed class RbacWrites : IStoreWriteHook
{
    private const string RbacGroup = "rbac.authorization.k8s.io";
    private static readonly string[] RuleLists = ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"];

    /// <inheritdoc />
    public AdmissionResult Admit(AdmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = request.Type;
        if (type.Group != RbacGroup || request.Operation == AdmissionOperation.Delete)
        {
            return AdmissionResult.Allow;
        }

        var problems = new List<ApiStatusCause>();
        if (type == BuiltInResourceTypes.Roles || type == BuiltInResourceTypes.ClusterRoles)
        {
            CheckRules(request.Object, type.Namespaced, problems);
        }
        else
        {
            CheckBinding(request, problems);
        }

        var name = request.Object["metadata"]?["name"]?.GetValue<string>() ?? "";
        return problems.Count == 0 ? AdmissionResult.Allow : AdmissionResult.Deny(ApiErrors.Invalid(type.Kind, name, problems, RbacGroup));
    }

    private static void CheckRules(JsonObject role, bool namespaced, List<ApiStatusCause> problems)
    {
        if (role["rules"] is not (null or JsonArray))
        {
            problems.Add(Invalid("rules", "must be a list"));
            return;
        }

        var rules = role["rules"] as JsonArray ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var at = $"rules[{i}]";
            if (rules[i] is not JsonObject rule)
            {
                problems.Add(Invalid(at, "must be an object"));
                continue;
            }

            var lists = RuleLists.ToDictionary(f => f, f => Strings(rule, f, $"{at}.{f}", problems));
            if (lists["verbs"].Count == 0)
            {
                problems.Add(new("FieldValueRequired", "Required value: verbs must contain at least one value", $"{at}.verbs"));
            }

            var nonResource = lists["nonResourceURLs"].Count > 0;
            if (nonResource && namespaced)
            {
                problems.Add(Invalid($"{at}.nonResourceURLs", "namespaced rules cannot apply to non-resource URLs"));
            }
            else if (nonResource && (lists["resources"].Count > 0 || lists["apiGroups"].Count > 0))
            {
                problems.Add(Invalid($"{at}.nonResourceURLs", "rules cannot apply to both regular resources and non-resource URLs"));
            }
            else if (!nonResource && lists["apiGroups"].Count == 0)
            {
                problems.Add(new("FieldValueRequired", "Required value: resource rules must supply at least one api group", $"{at}.apiGroups"));
            }
            else if (!nonResource && lists["resources"].Count == 0)
            {
                problems.Add(new("FieldValueRequired", "Required value: resource rules must supply at least one resource", $"{at}.resources"));
            }
        }
    }

    private static void CheckBinding(AdmissionRequest request, List<ApiStatusCause> problems)
    {
        var binding = request.Object;
        var namespaced = request.Type.Namespaced;
        var roleRef = binding["roleRef"] as JsonObject;
        var kind = Text(roleRef, "kind");
        if (Text(roleRef, "apiGroup") != RbacGroup)
        {
            problems.Add(new("FieldValueNotSupported", $"Unsupported value: \"{Text(roleRef, "apiGroup")}\": supported values: \"{RbacGroup}\"", "roleRef.apiGroup"));
        }

        if (kind != "ClusterRole" && !(namespaced && kind == "Role"))
        {
            var supported = namespaced ? "\"Role\", \"ClusterRole\"" : "\"ClusterRole\"";
            problems.Add(new("FieldValueNotSupported", $"Unsupported value: \"{kind}\": supported values: {supported}", "roleRef.kind"));
        }

        if (Text(roleRef, "name").Length == 0)
        {
            problems.Add(new("FieldValueRequired", "Required value", "roleRef.name"));
        }

        if (request.OldObject is { } old && !JsonNode.DeepEquals(old.ToJsonObject()["roleRef"], binding["roleRef"]))
        {
            problems.Add(Invalid("roleRef", "cannot change roleRef"));
        }

        var subjects = binding["subjects"] as JsonArray ?? [];
        for (var i = 0; i < subjects.Count; i++)
        {
            CheckSubject(subjects[i] as JsonObject, $"subjects[{i}]", namespaced, problems);
        }
    }

    private static void CheckSubject(JsonObject? subject, string at, bool namespaced, List<ApiStatusCause> problems)
    {
        var kind = Text(subject, "kind");
        if (Text(subject, "name").Length == 0)
        {
            problems.Add(new("FieldValueRequired", "Required value", $"{at}.name"));
        }

        switch (kind)
        {
            case "ServiceAccount":
                if (Text(subject, "apiGroup").Length > 0)
                {
                    problems.Add(new("FieldValueNotSupported", $"Unsupported value: \"{Text(subject, "apiGroup")}\": supported values: \"\"", $"{at}.apiGroup"));
                }

                if (!namespaced && Text(subject, "namespace").Length == 0)
                {
                    problems.Add(new("FieldValueRequired", "Required value", $"{at}.namespace"));
                }

                break;
            case "User" or "Group":
                if (Text(subject, "apiGroup") != RbacGroup)
                {
                    problems.Add(new("FieldValueNotSupported", $"Unsupported value: \"{Text(subject, "apiGroup")}\": supported values: \"{RbacGroup}\"", $"{at}.apiGroup"));
                }

                break;
            default:
                problems.Add(new("FieldValueNotSupported", $"Unsupported value: \"{kind}\": supported values: \"ServiceAccount\", \"User\", \"Group\"", $"{at}.kind"));
                break;
        }
    }

    private static List<string> Strings(JsonObject rule, string field, string at, List<ApiStatusCause> problems)
    {
        if (rule[field] is null)
        {
            return [];
        }

        if (rule[field] is JsonArray array && array.All(n => n is JsonValue v && v.TryGetValue<string>(out _)))
        {
            return [.. array.Select(n => n!.GetValue<string>())];
        }

        problems.Add(Invalid(at, "must be a list of strings"));
        return [];
    }

    private static ApiStatusCause Invalid(string field, string why) => new("FieldValueInvalid", $"Invalid value: {why}", field);

    private static string Text(JsonObject? obj, string field) =>
        obj?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
