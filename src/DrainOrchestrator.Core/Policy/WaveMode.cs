namespace DrainOrchestrator.Core.Policy;

/// <summary>How planned waves are released.</summary>
public enum WaveMode
{
    /// <summary>A freed slot takes the next planned migration at once; wave numbers only group the report.</summary>
    Rolling,

    /// <summary>Wave k+1 starts only when every migration of wave k has finished (succeeded or given up).</summary>
    Barrier,
}
