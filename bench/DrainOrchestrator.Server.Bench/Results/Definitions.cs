namespace DrainOrchestrator.Server.Bench.Results;

/// <summary>What each figure of <c>server.md</c> and <c>server.json</c> means, written once for both.</summary>
internal static class Definitions
{
    public const string ApiLatency =
        "From sending a request to reading the last byte of its answer, at the client. The clients run in the bench's own "
        + "process, on the same cores as the server, PostgreSQL and drain-sim, and share one pool of keep-alive connections "
        + "(one per client). Each client asks for one of the three drains (GET /api/v1/drains/{id}, which answers with "
        + "per-node and per-VM progress by default) and every Nth time for the list (GET /api/v1/drains), once per poll "
        + "interval, the clients' starts spread evenly over the interval; a request is due one interval after the previous "
        + "one was due, or at once when that answer came later (counted as late). The clients poll from the moment the three "
        + "drains had been started and every client had sent 4 warm-up requests until the first drain ended, so three "
        + "drains run throughout. The headline is the steady state: the requests sent once every drain had moved its first "
        + "VM; those sent before, while the engines start, plan, cordon and begin (and the JIT compiles all of that), are "
        + "reported apart as the start-up, and all requests together as the whole. One more client, the control, asks for "
        + "/healthz on the same schedule (no database, no authentication, a constant answer): its latency is what the "
        + "machine and the HTTP stack alone cost at the same moments. Errors: an answer other than 2xx, or "
        + "none within 30 s. The server logs as by default (text, information).";

    public const string SseDelivery =
        "The subscribers connect to GET /api/v1/events (every drain's events, from now on) before the drains start, each on "
        + "its own connection, and read until each has the journal's last event after the drains ended. Each subscriber's "
        + "events (their id, the journal sequence, and their kind) are compared with the journal read from the server's "
        + "database: exactly once and in order means the same sequence numbers in the same order, nothing missing, nothing "
        + "twice, nothing else, and the same kinds.";

    public const string SseLag =
        "The wall time at the subscriber when the event's closing blank line arrived, minus the event's occurredAt as the "
        + "journal recorded it (the engine's wall clock when it appended the event; one machine, one clock). It holds the "
        + "journal commit, the wait for the server's one journal poller (it reads every drain's new events every 250 ms "
        + "by default, one query however many streams are open, and wakes every stream), the writes to every socket and "
        + "the subscriber's own scheduling on the shared cores. Per event and subscriber; 'last subscriber' is, per event, "
        + "the lag of the last subscriber to receive it, and 'spread' the time between the first and the last receipt.";

    public const string SseCost =
        "Over the window from the drains' start to the last receipt: the server process's CPU time (/proc/PID/stat), the "
        + "journal feed's database reads (the server's drain_orchestrator_events_feed_polls_total, and the feed's query as "
        + "counted by pg_stat_statements in the phase's database).";

    public const string Refill =
        "Issue 5's definition, computed by the same code as the orchestration bench's (bench/DrainOrchestrator.Bench.Harness, "
        + "RefillAnalysis): a migration completes at the time the simulator's ground truth gives its Succeeded or Failed "
        + "phase; the engine pass that first recorded that outcome (log event 3021 between the pass markers 3050 and 3051, "
        + "read here from `drainctl serve --verbose --log-format json`) either created VMIMs or did not. If it did, the "
        + "latency is the creation time at the simulator of a VMIM that pass created, minus the completion time (several "
        + "completions seen by one pass are paired in time order with its creations). Completions whose pass created "
        + "nothing are counted, not timed: the scheduler left the slot empty on purpose (a source's next migration starts "
        + "just in time for its NIC, a per-node limit is full, or nothing is left). The engine runs as the server's "
        + "Hangfire job; one drain per run on a fresh server, database and simulator, at speed 1 (model time is wall time). Each "
        + "server run is followed by the same drain run by `drainctl drain -v` (fresh database and simulator), so that the "
        + "two engines compare in the same minutes of a shared machine; the headline is the median of the server runs' p99.";

    public const string Cpu =
        "CPU: user + system time of the server process over the window, from /proc/PID/stat (10 ms resolution), also as a "
        + "share of one core; the bench's own CPU (the clients) alike; the machine's busy share of all its cores from "
        + "/proc/stat. Load: /proc/loadavg (as uptime shows it) at the window's start and end.";
}
