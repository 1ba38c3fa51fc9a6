using System.Security.Cryptography;
using System.Text;

namespace DrainOrchestrator.Persistence.Migrations;

/// <summary>One forward-only schema file, <c>NNNN_description.sql</c>, and the SHA-256 of its exact bytes.</summary>
public sealed record MigrationScript(int Version, string FileName, string Sql, string Sha256)
{
    /// <summary>Creates a script from its file name and raw bytes, validating the name.</summary>
    public static MigrationScript FromBytes(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var version = MigrationFileName.ParseVersion(fileName);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new MigrationScript(version, fileName, Encoding.UTF8.GetString(bytes), sha);
    }
}
