using System.Text.Json;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Workflows.Definitions;
using DrainOrchestrator.Workflows.Schedules;
using Npgsql;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>
/// Stored schedules: create one from a workflow file (its definition and arguments pinned), list them with their next
/// windows, delete one, and fire what is due: each occurrence is recorded exactly once across every process that
/// ticks (fired with its workflow instance, or skipped with why), and none is missed while any ticks.
/// </summary>
public sealed class ScheduleApplication(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private ScheduleStore Store => new(dataSource, timeProvider);

    /// <summary>
    /// Stores a schedule for the workflow of <paramref name="source"/> on <paramref name="cluster"/>, after checking that
    /// the nodes its selectNodes steps name exist there now (a typo would otherwise surface only when a window opens).
    /// </summary>
    public Task<ScheduleView> CreateAsync(string name, WorkflowSource source, ClusterConnection cluster, IReadOnlyDictionary<string, string> arguments,
        Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cluster);
        var definition = source.Bind(arguments);
        return NodeSelection.UnknownNodes(cluster.View.Current, definition) is { Count: > 0 } unknown
            ? throw new InvalidWorkflowException(unknown)
            : CreateAsync(name, source, definition, cluster.Cluster, arguments, caller, cancellationToken);
    }

    /// <summary>Stores a schedule for the workflow of <paramref name="source"/>, whose definition must hold a schedule.</summary>
    public Task<ScheduleView> CreateAsync(string name, WorkflowSource source, string cluster, IReadOnlyDictionary<string, string> arguments,
        Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return CreateAsync(name, source, source.Bind(arguments), cluster, arguments, caller, cancellationToken);
    }

    private async Task<ScheduleView> CreateAsync(string name, WorkflowSource source, WorkflowDefinition definition, string cluster,
        IReadOnlyDictionary<string, string> arguments, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (ResourceName.Problem(name, "the schedule's name") is { } problem)
        {
            throw new InvalidRequestException([new RequestProblem("name", problem)]);
        }

        var schedule = definition.Schedule
            ?? throw new InvalidRequestException([new RequestProblem("schedule", $"{source.FileName}: the workflow has no schedule; add one (cron, timeZone, duration)")]);
        var record = new ScheduleRecord(Guid.NewGuid(), name, cluster, definition.Name, definition.Version, source.Text, definition.ContentHash,
            JsonSerializer.Serialize(arguments), schedule.Cron, schedule.TimeZone.Id, schedule.Duration.TotalSeconds,
            JsonSerializer.Serialize(schedule.Exclusions.Select(x => x.ToString())), schedule.Misfire.Action == MisfireAction.Skip ? "skip" : "fireLate",
            schedule.Misfire.Grace.TotalSeconds, caller.ToString(), timeProvider.GetUtcNow());
        try
        {
            return View(await Store.CreateAsync(record, cancellationToken));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidRequestException([new RequestProblem("name", $"a schedule named '{name}' exists already")]);
        }
    }

    /// <summary>The live schedules, each with its next window.</summary>
    public async Task<IReadOnlyList<ScheduleView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await Store.ListAsync(cancellationToken)).Select(View)];

    /// <summary>The next <paramref name="count"/> windows of a stored schedule after <paramref name="after"/> (default: now).</summary>
    public async Task<ScheduleWindows> NextAsync(string name, DateTimeOffset? after, int count, CancellationToken cancellationToken)
    {
        if (count is < 1 or > 1000)
        {
            throw new InvalidRequestException([new RequestProblem("count", $"count must be between 1 and 1000, was {count}")]);
        }

        var record = await FindAsync(name, cancellationToken);
        return Windows(Definition(record), after ?? timeProvider.GetUtcNow(), count);
    }

    /// <summary>The next <paramref name="count"/> windows of <paramref name="schedule"/> after <paramref name="after"/>.</summary>
    public static ScheduleWindows Windows(ScheduleDefinition schedule, DateTimeOffset after, int count)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new ScheduleWindows(schedule.Cron, schedule.TimeZone.Id, schedule.Duration.TotalSeconds, schedule.Next(after, count));
    }

    /// <summary>Every recorded occurrence of a schedule (of the one deleted last when none of the name is live).</summary>
    public async Task<IReadOnlyList<FiringRecord>> FiringsAsync(string name, CancellationToken cancellationToken)
    {
        // A deleted schedule's occurrences stay recorded: the live schedule of the name, else the one deleted last.
        var schedule = await Store.FindLatestAsync(name, cancellationToken)
            ?? throw new DrainNotFoundException($"there is no schedule '{name}', live or deleted", new KeyNotFoundException(name));
        return await Store.FiringsAsync(schedule.Id, cancellationToken);
    }

    /// <summary>
    /// Retires a schedule (its occurrences stay recorded; its name is free again). Refused while an instance of it is
    /// suspended between windows: only the schedule's next occurrence would take it up, so it would stay suspended, its
    /// nodes held.
    /// </summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var (found, suspended) = await Store.DeleteAsync(name, cancellationToken);
        if (!found)
        {
            throw new DrainNotFoundException($"there is no schedule '{name}'", new KeyNotFoundException(name));
        }

        if (suspended.Count > 0)
        {
            throw new RequestConflictException([new RequestProblem("name",
                $"schedule '{name}' has instances suspended until its next window: {string.Join(", ", suspended)}; let them finish in it, or cancel them " +
                "(drainctl workflow cancel NAME, which also cancels their drains), then delete the schedule")]);
        }
    }

    /// <summary>The schedule of a record, as its definition reads.</summary>
    public static ScheduleDefinition Definition(ScheduleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var exclusions = (JsonSerializer.Deserialize<List<string>>(record.ExclusionsJson) ?? []).Select(x => x.Split(".."))
            .Select(p => new DateRange(DateOnly.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(p[^1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return new ScheduleDefinition(record.Cron, ScheduleText.TryCron(record.Cron).Expression!, ScheduleText.TryZone(record.TimeZone).Zone!,
            TimeSpan.FromSeconds(record.DurationSeconds), exclusions,
            new MisfirePolicy(record.MisfireAction == "skip" ? MisfireAction.Skip : MisfireAction.FireLate, TimeSpan.FromSeconds(record.MisfireGraceSeconds)));
    }

    private async Task<ScheduleRecord> FindAsync(string name, CancellationToken cancellationToken) =>
        (await Store.ListAsync(cancellationToken)).FirstOrDefault(s => s.Name == name)
            ?? throw new DrainNotFoundException($"there is no schedule '{name}'", new KeyNotFoundException(name));

    private ScheduleView View(ScheduleRecord r)
    {
        var next = Definition(r).Next(timeProvider.GetUtcNow(), 1);
        return new ScheduleView(r.Name, r.Cluster, r.Workflow, r.WorkflowVersion, r.ContentHash, r.Cron, r.TimeZone, r.DurationSeconds,
            JsonSerializer.Deserialize<List<string>>(r.ExclusionsJson) ?? [], r.MisfireAction, r.MisfireGraceSeconds, r.CreatedBy, r.CreatedAt,
            next.Count > 0 ? next[0] : null);
    }

    /// <summary>
    /// Records every occurrence due by now that no process recorded yet: fired (a pending workflow instance is created
    /// with it, or the schedule's instance suspended at the end of an earlier window is made pending again) when the
    /// misfire policy allows, else skipped with the reason. Returns the instances this call fired.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> FireDueAsync(string holder, CancellationToken cancellationToken)
    {
        var fired = new List<Guid>();
        var now = timeProvider.GetUtcNow();
        foreach (var record in await Store.ListAsync(cancellationToken))
        {
            var schedule = Definition(record);
            var from = await Store.LastDueAsync(record.Id, cancellationToken) ?? record.CreatedAt;
            foreach (var due in schedule.Next(from, 1_000).TakeWhile(o => o.Start <= now))
            {
                // A window that closed before it could fire opens nothing, whatever the grace: its instance would run the
                // steps around the drain (cordon, hooks, notifications) outside any window.
                var late = now - due.Start;
                var skipped = due.End <= now ? $"not fired in time: its window closed at {due.End:u}, {late.TotalSeconds:0.#}s after it was due"
                    : schedule.Misfire.MayFire(due.Start, now) ? null
                    : $"not fired in time: {late.TotalSeconds:0.#}s late, " + (schedule.Misfire.Action == MisfireAction.Skip
                        ? "and the misfire policy is skip" : $"beyond the grace of {schedule.Misfire.Grace.TotalSeconds:0.#}s");
                var (_, instance) = await ClaimAsync(record, due.Start, skipped, holder, cancellationToken);
                if (instance is { } id)
                {
                    fired.Add(id);
                }
            }
        }

        return fired;
    }

    // The occurrence claimed, its instance named after the schedule and the occurrence; when an instance of that name
    // exists already (an operator named one so), with a suffix of its own, so one name never stops the schedule firing
    // (nothing of the failed claim was written: it is one transaction).
    private async Task<(bool Claimed, Guid? Fired)> ClaimAsync(ScheduleRecord record, DateTimeOffset due, string? skipped, string holder,
        CancellationToken cancellationToken)
    {
        // A schedule named before names took no '/' may hold one: its instances must not (their paths, their drains' names).
        var name = $"{record.Name.Replace('/', '-')}-{due:yyyyMMdd-HHmmss}";
        try
        {
            return await Store.ClaimAsync(record, due, skipped, Guid.NewGuid(), name, holder, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "workflow_instances_name_key")
        {
            var id = Guid.NewGuid();
            return await Store.ClaimAsync(record, due, skipped, id, $"{name}-{id.ToString("N")[..6]}", holder, cancellationToken);
        }
    }
}
