// The collections run one after the other: every server of this process drains the same kind of simulator and shares
// process-wide state (meters, activity listeners, Hangfire's settings) with the others.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
