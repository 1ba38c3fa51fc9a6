namespace DrainOrchestrator.Cli.Commands;

/// <summary>A file a command will write: its folder must exist, checked before the work that would produce it.</summary>
internal static class OutputFolder
{
    /// <summary>Why a file cannot be written at <paramref name="path"/> (given as <paramref name="option"/>): its folder is missing; null when it exists.</summary>
    public static string? Problem(string path, string option) =>
        Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder)
            ? $"{option}: the folder '{folder}' does not exist; create it or name a file in an existing folder"
            : null;
}
