using System.Text.RegularExpressions;
using DrainOrchestrator.Simulator.Security.Authentication;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>
/// A ServiceAccount token registered when the server starts (<c>--service-account-token NAMESPACE/NAME=FILE</c>), for a
/// client that needs its token before the server runs, e.g. in-cluster mode's mounted token file. The account (and its
/// namespace) is created when missing; the token never expires but dies with the account.
/// </summary>
/// <param name="Namespace">The ServiceAccount's namespace.</param>
/// <param name="Name">The ServiceAccount's name.</param>
public sealed partial record ServiceAccountTokenRegistration(string Namespace, string Name)
{
    /// <summary>The token; null for a new random one.</summary>
    public string? Token { get; init; }

    /// <summary>Where to write the token (owner-only, as the kubelet writes a projected token); null to write none.</summary>
    public string? TokenFile { get; init; }

    /// <summary>Every problem with the registration; empty when valid.</summary>
    public IReadOnlyList<string> Validate() =>
        [.. ServiceAccountTokens.RegistrationProblems(Namespace, Name, Token).Select(p => $"service account token {Namespace}/{Name}: {p}")];

    /// <summary>Parses <c>NAMESPACE/NAME=FILE</c> (or <c>NAMESPACE/NAME</c>); null with a problem added when malformed.</summary>
    public static ServiceAccountTokenRegistration? Parse(string text, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var match = Syntax().Match(text ?? "");
        if (!match.Success)
        {
            problems.Add($"--service-account-token must be NAMESPACE/NAME=FILE, was \"{text}\"");
            return null;
        }

        var file = match.Groups["file"].Success ? match.Groups["file"].Value : null;
        return new ServiceAccountTokenRegistration(match.Groups["ns"].Value, match.Groups["name"].Value) { TokenFile = file };
    }

    /// <summary>Registers the token and writes its file, if any.</summary>
    internal async Task ApplyAsync(ServiceAccountTokens tokens, CancellationToken cancellationToken)
    {
        var token = tokens.Register(Namespace, Name, Token);
        if (TokenFile is not { } path)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(full, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(token.AsMemory(), cancellationToken);
    }

    [GeneratedRegex("^(?<ns>[^/=]+)/(?<name>[^/=]+)(=(?<file>.+))?$")]
    private static partial Regex Syntax();
}
