namespace DrainOrchestrator.Server;

/// <summary>How the server writes its log lines.</summary>
public enum LogFormat
{
    /// <summary>One readable line per entry.</summary>
    Text,

    /// <summary>One JSON object per line, for log collectors.</summary>
    Json,
}
