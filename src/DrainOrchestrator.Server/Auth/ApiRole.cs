namespace DrainOrchestrator.Server.Auth;

/// <summary>What a caller may do; each role may do everything the lower ones may.</summary>
public enum ApiRole
{
    /// <summary>Reads drains, plans, reports, the journal and events.</summary>
    Viewer,

    /// <summary>Also creates drains and pauses, resumes and cancels them; runs the dashboard's actions.</summary>
    Operator,

    /// <summary>Everything.</summary>
    Admin,
}
