using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>A migration caught transferring: its VMI, the target whose network is to fail, and the VMIM's uid.</summary>
internal sealed record CaughtTransfer(string Vmi, string TargetNode, string MigrationUid, string Mode);

/// <summary>Finding a migration mid-transfer, cutting its target's migration network, and reading what came of it.</summary>
internal static class NetworkLoss
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Polls the VMIs until one (<paramref name="vmi"/>, namespace/name, or any) is transferring in <paramref name="mode"/>
    /// (<c>PreCopy</c> or <c>PostCopy</c>) and returns it, a random one when several are; null once
    /// <paramref name="engine"/> has exited without one showing up.
    /// </summary>
    public static async Task<CaughtTransfer?> FindTransferAsync(ChaosRun run, ChildProcess engine, string mode, string? vmi = null)
    {
        while (!engine.HasExited)
        {
            IReadOnlyDictionary<string, VirtualMachineInstance> vmis;
            try
            {
                vmis = await run.Sim.VmisAsync();
            }
            catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException)
            {
                await Task.Delay(Poll);
                continue;
            }

            var transferring = vmis
                .Where(v => vmi is null || v.Key == vmi)
                .Select(v => (Name: v.Key, State: v.Value.Status?.MigrationState))
                .Where(v => v.State is { StartTimestamp: not null, TargetNode: not null, MigrationUid: not null }
                    && v.State.Completed != true && v.State.Failed != true && v.State.Mode == mode)
                .ToList();
            if (transferring.Count > 0)
            {
                var (name, state) = transferring[run.Random.Next(transferring.Count)];
                return new CaughtTransfer(name, state!.TargetNode!, state.MigrationUid!, mode);
            }

            await Task.Delay(Poll);
        }

        return null;
    }

    /// <summary>Cuts <paramref name="node"/>'s migration network for <paramref name="seconds"/> model seconds.</summary>
    public static async Task InjectAsync(ChaosRun run, string node, int seconds)
    {
        var fault = new JsonObject
        {
            ["kind"] = "migrationNetworkLoss",
            ["node"] = node,
            ["duration"] = seconds.ToString(CultureInfo.InvariantCulture) + "s",
        };
        await run.Sim.PostAdminAsync("/sim/v1/cluster-faults", fault.ToJsonString());
    }

    /// <summary>Waits until the VMIM with <paramref name="uid"/> has ended and returns its ground truth.</summary>
    public static async Task<JsonObject> EndOfAsync(ChaosRun run, string uid)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            var truth = await run.Sim.GroundTruthDocumentAsync(patience.Token);
            var migration = truth["migrations"]!.AsArray().Select(m => m!.AsObject())
                .FirstOrDefault(m => m["uid"]?.GetValue<string>() == uid);
            if (migration?["outcome"]?.GetValue<string>() is { } outcome && outcome != "Unfinished")
            {
                return migration;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the VMIM {uid} did not end within {Patience}: {migration?.ToJsonString()}");
            }
        }
    }
}
