using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Workflows;

namespace DrainOrchestrator.EndToEnd.Tests.Workflows;

/// <summary>
/// What fires a stored schedule and runs the instances it fires: the one front door of the window tests, to switch to
/// the server's ticker when it has one. Today drainctl without a server: <c>schedule tick</c> fires the occurrences
/// (what each server replica does), and each instance a firing leaves pending is run with <c>workflow resume</c> until
/// it ends or suspends.
/// </summary>
internal sealed class ScheduleHost(PostgresDatabaseFixture database, string kubeconfig)
{
    /// <summary>Fires the schedule's occurrences and runs what they fire until its (single) instance ends; returns it.</summary>
    public async Task<WorkflowInstanceRecord> RunUntilFinishedAsync(string schedule, TimeSpan patience)
    {
        await using var ticker = Drainctl.Start("schedule", "tick", "--for", $"{(int)patience.TotalSeconds}s", "--db", database.ConnectionString);
        var schedules = new ScheduleStore(database.DataSource, TimeProvider.System);
        var instances = new WorkflowStore(database.DataSource, TimeProvider.System);
        var record = (await schedules.ListAsync(CancellationToken.None)).Single(s => s.Name == schedule);
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var fired = (await schedules.FiringsAsync(record.Id, CancellationToken.None)).Where(f => f.InstanceId is not null).Select(f => f.InstanceId!.Value)
                .Distinct().ToList();
            foreach (var id in fired)
            {
                var instance = (await instances.FindAsync(id.ToString("D"), CancellationToken.None))!;
                if (instance.IsFinal)
                {
                    return instance;
                }

                if (instance.State == "pending")
                {
                    var (code, output) = await Drainctl.RunAsync("workflow", "resume", id.ToString("D"), "--kubeconfig", kubeconfig, "--db", database.ConnectionString);
                    Assert.True(code is 0 or 3, $"workflow resume exited {code}: {output}");
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"the instance of schedule {schedule} did not end within {patience}; ticker: {ticker.Output}");
    }
}
