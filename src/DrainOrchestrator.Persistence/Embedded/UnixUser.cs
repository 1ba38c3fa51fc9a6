using System.Runtime.InteropServices;

namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>Who this process runs as.</summary>
internal static partial class UnixUser
{
    public static bool IsRoot => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? NativeMethods.geteuid() == 0 : false;

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "libc name")]
        internal static extern uint geteuid();
    }
}
