using System.CommandLine;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary>
/// Every numeric option of every drainctl command, found by walking the command tree (so a new option is covered the
/// day it is added), refuses NaN, infinities and overflow with exit 2 and a message naming the option, never a stack trace.
/// </summary>
public sealed class NumericOptionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly Type[] NumericTypes = [typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(float), typeof(TimeSpan)];

    private static readonly string[] BadValues = ["NaN", "Infinity", "-Infinity", "1e400", "99999999999999999999999"];

    public static TheoryData<string, string> NumericOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, option) in Walk(DrainctlApplication.CreateRoot(TextWriter.Null, TextWriter.Null), []))
        {
            data.Add(path, option.Name);
        }

        return data;
    }

    [Fact]
    public void Walk_FindsTheKnownNumericOptions()
    {
        var found = NumericOptions().Select(row => $"{row[0]} {row[1]}").ToList();

        // A walk that finds nothing would make the theory below pass vacuously.
        Assert.Contains("drain --max-parallel", found);
        Assert.Contains("drain --retry-backoff-seconds", found);
        Assert.Contains("drain --lease-seconds", found);
        Assert.Contains("plan --max-parallel", found);
        Assert.Contains("schedule next --count", found);
    }

    [Theory]
    [MemberData(nameof(NumericOptions))]
    public async Task Option_NaNInfinityOrOverflow_BadInputNamingTheOptionWithoutAStackTrace(string command, string option)
    {
        foreach (var value in BadValues)
        {
            var run = await DrainctlRun.RunAsync([.. Arguments(command), option, value]);

            Assert.True(run.ExitCode == ExitCodes.BadInput, $"{command} {option} {value}: exit {run.ExitCode}\n{run.Error}");
            Assert.Contains(option, run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        }
    }

    // The command with what it needs to get as far as reading its options, against the test database and a kubeconfig that
    // does not exist (so nothing can start even if an option were wrongly accepted).
    private string[] Arguments(string command)
    {
        var words = command.Split(' ');
        var leaf = Find(DrainctlApplication.CreateRoot(TextWriter.Null, TextWriter.Null), words);
        var arguments = new List<string>(words);
        foreach (var argument in leaf.Arguments)
        {
            arguments.Add("x");
        }

        foreach (var option in leaf.Options)
        {
            switch (option.Name)
            {
                case "--node":
                    arguments.AddRange(["--node", "w1"]);
                    break;
                case "--kubeconfig":
                    arguments.AddRange(["--kubeconfig", "/nonexistent/kubeconfig"]);
                    break;
                case "--db":
                    arguments.AddRange(["--db", database.ConnectionString]);
                    break;
                case "--cron":
                    arguments.AddRange(["--cron", "0 2 * * *"]);
                    break;
                default:
                    if (option.Required)
                    {
                        arguments.AddRange([option.Name, "x"]);
                    }

                    break;
            }
        }

        return [.. arguments];
    }

    private static Command Find(Command root, string[] words) =>
        words.Aggregate(root, (command, word) => command.Subcommands.Single(c => c.Name == word));

    private static IEnumerable<(string Path, Option Option)> Walk(Command command, List<string> path)
    {
        foreach (var option in command.Options)
        {
            var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
            if (path.Count > 0 && NumericTypes.Contains(type))
            {
                yield return (string.Join(' ', path), option);
            }
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var found in Walk(sub, [.. path, sub.Name]))
            {
                yield return found;
            }
        }
    }
}
