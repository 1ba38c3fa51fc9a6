using System.Security.Cryptography;
using System.Text;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>
/// The deterministic names of a move's objects, from (evacuation id, VM uid, attempt): a repeat after a crash computes
/// the same names, hits AlreadyExists and adopts. The receiver VM keeps the VM's name, and each blank DataVolume the
/// name of the source disk's claim, so the VM's volumes keep naming what they named.
/// </summary>
public static class EvacuationNames
{
    /// <summary>The label every object of an evacuation carries, valued with the evacuation's id.</summary>
    public const string Label = "drain-orchestrator.io/evacuation-id";

    /// <summary>The shared migrationID of an attempt.</summary>
    public static string MigrationId(Guid evacuation, string vmUid, int attempt) => "evac-" + Hash(evacuation, vmUid, attempt);

    /// <summary>The receiving VMIM's name in the target.</summary>
    public static string ReceiverVmim(Guid evacuation, string vmName, string vmUid, int attempt) =>
        Prefix(vmName) + "-in-" + Hash(evacuation, vmUid, attempt);

    /// <summary>The sending VMIM's name in the source.</summary>
    public static string SourceVmim(Guid evacuation, string vmName, string vmUid, int attempt) =>
        Prefix(vmName) + "-out-" + Hash(evacuation, vmUid, attempt);

    private static string Prefix(string vmName) => vmName.Length <= 40 ? vmName : vmName[..40].TrimEnd('-', '.');

    private static string Hash(Guid evacuation, string vmUid, int attempt)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{evacuation:D}/{vmUid}/{attempt}"));
        return Convert.ToHexStringLower(bytes)[..10];
    }
}
