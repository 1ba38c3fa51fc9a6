using System.CommandLine;
using System.Text.Json;
using DrainOrchestrator.Application.Audit;
using DrainOrchestrator.Cli.FrontDoors;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl audit verify [DRAIN | --all] [--anchors FILE]</c> and <c>drainctl audit anchors [DRAIN]</c>: the
/// tamper-evident ledger. verify exits 0 when every chain is intact and <see cref="ExitCodes.LedgerBroken"/> (4) when
/// one is not, naming its first bad record.
/// </summary>
internal static class AuditCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(TextWriter output, TextWriter error) =>
        new("audit", "The tamper-evident ledger: verify the journal's hash chains, export their anchors.")
        {
            Verify(output, error), Anchors(output, error),
        };

    private static Command Verify(TextWriter output, TextWriter error)
    {
        var drain = new Argument<string?>("DRAIN") { Description = "The drain's name or id.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every chain: every drain, every workflow instance, and the records of neither." };
        var anchors = new Option<FileInfo?>("--anchors") { Description = "An anchors file written by drainctl audit anchors --output json, kept outside the database." };
        var format = OutputOption();
        var doors = new FrontDoorOptions();
        var command = new Command("verify", "Recompute the journal's hash chains and name the first record that was altered, deleted, inserted or reordered. Exit 0 when intact, 4 when not.")
        {
            drain, all, anchors, format,
        };
        doors.AddTo(command, withCluster: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(drain);
            if ((name is null) == !parse.GetValue(all))
            {
                await error.WriteLineAsync("error: name one drain or give --all (not both), e.g. drainctl audit verify my-drain");
                return ExitCodes.BadInput;
            }

            return await CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
            {
                var kept = parse.GetValue(anchors) is { } file ? await ReadAnchorsAsync(file, ct) : null;
                var report = await door.VerifyLedgerAsync(name, kept, ct);
                await (parse.GetValue(format) == "json" ? output.WriteLineAsync(JsonSerializer.Serialize(report, Json)) : WriteAsync(output, report));
                return report.Intact ? ExitCodes.Success : ExitCodes.LedgerBroken;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Anchors(TextWriter output, TextWriter error)
    {
        var drain = new Argument<string?>("DRAIN") { Description = "The drain's name or id; every chain's anchors when left out.", Arity = ArgumentArity.ZeroOrOne };
        var format = OutputOption();
        var doors = new FrontDoorOptions();
        var command = new Command("anchors", "The heads recorded when each wave, drain and workflow instance finished: keep them outside the database and give them back to audit verify --anchors.")
        {
            drain, format,
        };
        doors.AddTo(command, withCluster: false);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, doors, error, async (door, ct) =>
        {
            var export = await door.AnchorsAsync(parse.GetValue(drain), ct);
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(export.ToJson());
            }
            else
            {
                foreach (var a in export.Anchors)
                {
                    await output.WriteLineAsync($"{a.Scope} {a.Id:D}  position {a.Position,6}  seq {a.Seq,10}  {a.Hash}  {a.RecordedAt:u}  {a.Reason}");
                }
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Option<string> OutputOption()
    {
        var format = new Option<string>("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    private static async Task<AnchorExport> ReadAnchorsAsync(FileInfo file, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new ArgumentException($"the anchors file {file.FullName} cannot be read ({ex.Message}); give the file drainctl audit anchors --output json wrote.", nameof(file), ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ArgumentException($"the anchors file {file.FullName} cannot be read ({ex.Message}); check its permissions.", nameof(file), ex);
        }

        return AnchorExport.Parse(text, "the anchors file " + file.FullName);
    }

    private static async Task WriteAsync(TextWriter output, AuditReport report)
    {
        foreach (var chain in report.Chains)
        {
            var what = $"{chain.Scope} {chain.Id:D}";
            if (chain.Finding is not { } f)
            {
                await output.WriteLineAsync($"{what}: intact, {chain.Records} records, {chain.AnchorsChecked} anchors checked");
                continue;
            }

            var where = f.Seq is { } seq ? $"seq {seq} (position {f.Position}, {f.Kind})" : "its start";
            await output.WriteLineAsync($"{what}: BROKEN at {where}: {f.Problem}");
            await output.WriteLineAsync($"    expected: {f.Expected}");
            await output.WriteLineAsync($"    found:    {f.Found}");
        }

        var broken = report.Chains.Count(c => !c.Intact);
        await output.WriteLineAsync(broken == 0
            ? $"ledger intact: {report.Chains.Count} chain(s) verified"
            : $"ledger BROKEN: {broken} of {report.Chains.Count} chain(s); the first bad record of each is named above");
    }
}
