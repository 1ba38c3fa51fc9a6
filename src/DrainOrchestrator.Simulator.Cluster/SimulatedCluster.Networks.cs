namespace DrainOrchestrator.Simulator.Cluster;

public sealed partial class SimulatedCluster
{
    /// <summary>Every NetworkAttachmentDefinition, in the order they were added.</summary>
    public IReadOnlyList<NetworkAttachment> GetNetworkAttachments() =>
        Read(() => _ctx.State.NetworkAttachments.Values.ToList());

    /// <summary>
    /// Creates or replaces a NetworkAttachmentDefinition. Migrations already handed off keep their route; later ones
    /// follow the new definition (a real cluster needs virt-handler restarted to attach a changed one; the model does not wait for that).
    /// </summary>
    public void UpsertNetworkAttachment(NetworkAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        Mutate(() =>
        {
            _ctx.State.NetworkAttachments[ClusterKeys.Of(attachment.Namespace, attachment.Name)] = attachment;
            return true;
        });
    }

    /// <summary>Deletes a NetworkAttachmentDefinition; false when there is none of that name.</summary>
    public bool DeleteNetworkAttachment(string @namespace, string name) =>
        Mutate(() => _ctx.State.NetworkAttachments.Remove(ClusterKeys.Of(@namespace, name)));
}
