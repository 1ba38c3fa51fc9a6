using System.CommandLine;
using DrainOrchestrator.Persistence.Migrations;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>drainctl db migrate|status</c>: the database's schema.</summary>
public static class DbCommand
{
    /// <summary>Builds the <c>db</c> command group.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var db = new Command("db", "The DrainOrchestrator database.");
        db.Subcommands.Add(CreateMigrate(output, error));
        db.Subcommands.Add(CreateStatus(output, error));
        return db;
    }

    private static Command CreateMigrate(TextWriter output, TextWriter error)
    {
        var database = CommonOptions.Database();
        var passwordFile = CommonOptions.DatabasePasswordFile();
        var verbose = CommonOptions.Verbose();
        var command = new Command("migrate", "Apply pending schema files from migrations-sql/ (each once, in order, in its own transaction).");
        command.Options.Add(database);
        command.Options.Add(passwordFile);
        command.Options.Add(verbose);
        command.SetAction((parse, cancellationToken) => DatabaseAction.RunAsync(
            parse.GetValue(database), parse.GetValue(passwordFile), migrate: true, parse.GetValue(verbose), error,
            async (opened, _) =>
            {
                var result = opened.Migration!;
                output.WriteLine(result.Applied.Count == 0
                    ? $"Schema up to date ({result.AlreadyApplied} files applied earlier) in {opened.Describe()}."
                    : $"Applied {result.Applied.Count} schema file(s) to {opened.Describe()}: {string.Join(", ", result.Applied)}.");
                await output.FlushAsync(CancellationToken.None);
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command CreateStatus(TextWriter output, TextWriter error)
    {
        var database = CommonOptions.Database();
        var passwordFile = CommonOptions.DatabasePasswordFile();
        var verbose = CommonOptions.Verbose();
        var command = new Command("status", "List the schema files the database has applied and those still pending.");
        command.Options.Add(database);
        command.Options.Add(passwordFile);
        command.Options.Add(verbose);
        command.SetAction((parse, cancellationToken) => DatabaseAction.RunAsync(
            parse.GetValue(database), parse.GetValue(passwordFile), migrate: false, parse.GetValue(verbose), error,
            async (opened, ct) =>
            {
                await using var connection = await opened.DataSource.OpenConnectionAsync(ct);
                var applied = await SchemaMigrator.ReadAppliedAsync(connection, ct);
                var appliedByVersion = applied.ToDictionary(a => a.Version);
                output.WriteLine($"Database: {opened.Describe()}");
                foreach (var script in MigrationSet.Embedded().Scripts)
                {
                    var state = appliedByVersion.TryGetValue(script.Version, out var a)
                        ? (a.Sha256 == script.Sha256 ? $"applied {a.AppliedAt:yyyy-MM-dd HH:mm:ss}Z" : "CHANGED since applied")
                        : "pending";
                    output.WriteLine($"  {script.FileName,-40} {state}");
                }

                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
