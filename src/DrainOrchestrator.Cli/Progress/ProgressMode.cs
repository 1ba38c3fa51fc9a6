using System.CommandLine;

namespace DrainOrchestrator.Cli.Progress;

/// <summary>How <c>drainctl drain</c> and <c>drainctl workflow run</c> show a drain's progress.</summary>
internal enum ProgressMode
{
    /// <summary>Live bars when stdout is a terminal, plain lines otherwise.</summary>
    Auto,

    /// <summary>Per-node bars redrawn in place.</summary>
    Live,

    /// <summary>One line per change, for logs and scripts.</summary>
    Plain,
}

/// <summary>The <c>--output auto|live|plain</c> option.</summary>
internal static class ProgressModeOption
{
    /// <summary>A new option; add it to the command that follows a drain.</summary>
    public static Option<string> Create()
    {
        var option = new Option<string>("--output")
        {
            Description = "How progress is shown: live (per-node bars redrawn in place), plain (one line per change, for logs and scripts) "
                + "or auto (live when stdout is a terminal, otherwise plain).",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "live", "plain");
        return option;
    }

    /// <summary>The mode the parsed value names.</summary>
    public static ProgressMode Parse(string? value) => value switch
    {
        "live" => ProgressMode.Live,
        "plain" => ProgressMode.Plain,
        _ => ProgressMode.Auto,
    };
}
