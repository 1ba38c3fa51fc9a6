using System.Globalization;
using System.Text.RegularExpressions;

namespace DrainOrchestrator.Persistence.Migrations;

/// <summary>The naming rule for schema files: four digits, an underscore, a lower-case description, <c>.sql</c>.</summary>
public static partial class MigrationFileName
{
    [GeneratedRegex("^(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\\.sql$")]
    private static partial Regex Pattern();

    /// <summary>Returns the version number of a file name, or throws naming the file and the expected form.</summary>
    public static int ParseVersion(string fileName)
    {
        var match = Pattern().Match(fileName);
        if (!match.Success)
        {
            throw new SchemaMigrationException(
                $"Schema file '{fileName}' is not named NNNN_description.sql (four digits, underscore, lower-case letters, digits or underscores). Rename it.",
                fileName);
        }

        var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
        if (version == 0)
        {
            throw new SchemaMigrationException($"Schema file '{fileName}' has version 0000; numbering starts at 0001.", fileName);
        }

        return version;
    }
}
