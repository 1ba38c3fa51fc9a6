namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// A VMIM created while another one of the same VMI was still unfinished: KubeVirt's admission lets that happen only
/// through a lagging cache, and it means the VMI migrates twice.
/// </summary>
/// <param name="At">When the second VMIM was created.</param>
/// <param name="Namespace">The VMI's namespace.</param>
/// <param name="VmiName">The VMI.</param>
/// <param name="Migration">The VMIM created second.</param>
/// <param name="Unfinished">The VMIM (or VMIMs) of the same VMI still unfinished at that moment.</param>
public sealed record DuplicateMigration(DateTimeOffset At, string Namespace, string VmiName, string Migration, IReadOnlyList<string> Unfinished);
