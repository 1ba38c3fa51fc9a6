using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Application.Evacuations;

/// <summary>An evacuation request's own problems, every one at once, in the front door's terms.</summary>
internal static class EvacuationValidation
{
    public static List<RequestProblem> Problems(EvacuationSpec spec, FrontDoor door, IReadOnlyList<string> optionProblems)
    {
        var cli = door == FrontDoor.CommandLine;
        string Name(string cliName, string apiName) => cli ? cliName : apiName;
        var problems = new List<RequestProblem>();
        foreach (var (field, cliName, apiName, value) in new[]
                 {
                     ("sourceNamespace", "--namespace", "sourceNamespace", spec.SourceNamespace),
                     ("targetNamespace", "--to-namespace", "targetNamespace", spec.TargetNamespace),
                 })
        {
            if (!KubernetesNames.IsDnsLabel(value))
            {
                problems.Add(new RequestProblem(field, $"{Name(cliName, apiName)} must be a namespace name (lower-case letters, digits and '-', at most 63), was '{value}'"));
            }
        }

        var sameCluster = spec.TargetCluster is null || spec.TargetCluster == spec.SourceCluster;
        if (sameCluster && spec.SourceNamespace == spec.TargetNamespace)
        {
            problems.Add(new RequestProblem("targetNamespace",
                $"{Name("--to-namespace", "targetNamespace")} is the source namespace of the same cluster: name another namespace, or another cluster with "
                + Name("--target-context/--target-kubeconfig", "targetCluster")));
        }

        var named = spec.VmNames.Count > 0;
        if (named == (spec.Selector is not null))
        {
            problems.Add(new RequestProblem("vms", $"name the VMs to move with {Name("--vm NAME (repeatable)", "vms")} or {Name("--selector", "selector")}, not both and not neither"));
        }

        foreach (var vm in spec.VmNames.Where(v => !KubernetesNames.IsDnsSubdomain(v)))
        {
            problems.Add(new RequestProblem("vms", $"{Name("--vm", "vms")} '{vm}' is not a VM name"));
        }

        if (spec.Selector is { } selector && string.IsNullOrWhiteSpace(selector))
        {
            problems.Add(new RequestProblem("selector", $"{Name("--selector", "selector")} must not be blank"));
        }

        problems.AddRange(optionProblems.Select(p => new RequestProblem("policy", p)));
        return problems;
    }
}
