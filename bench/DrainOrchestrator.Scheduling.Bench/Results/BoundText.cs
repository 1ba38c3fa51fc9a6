using System.Text;

namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>The summary's section on the lower bound: its formula, and why each term is a true lower bound.</summary>
internal static class BoundText
{
    public static void Write(StringBuilder md)
    {
        md.AppendLine("## The lower bound").AppendLine();
        md.AppendLine("For the VMIs of a batch, with S the fixed start-up of a migration (target pod start-up, hand-off, target preparation,");
        md.AppendLine("transfer start: 7 s in these scenarios), t a VMI's transfer time alone and V the bytes it sends alone, B a source's NIC");
        md.AppendLine("bandwidth, C the cluster limit and L the per-node limit:").AppendLine();
        md.AppendLine("```");
        md.AppendLine("LB = max( max over source nodes n of max( S + Σ_n V/B_n ,                the node's NIC: it sends nothing before the first target is ready");
        md.AppendLine("                                          (Σ_n (S + t) + w_n) / L ),    the node's L outbound slots, w_n their least waste (L = 2, below)");
        md.AppendLine("          (Σ_all (S + t) + e) / C,                                        the cluster's C slots: the total uncontended work, e their edge waste");
        md.AppendLine("          max_all (S + t) )                                               the longest single migration");
        md.AppendLine("```").AppendLine();
        md.AppendLine("and, on a node whose guests cannot fill its NIC alone, the least makespan its lanes allow (below).").AppendLine();
        md.AppendLine("\"Alone\" is the migration with its source NIC to itself, at the smaller of that NIC and the fastest target NIC (capped by");
        md.AppendLine("`bandwidthPerMigration`), with the simulator's physics in continuous form: the first pass sends the memory M at rate R");
        md.AppendLine("while the guest dirties D bytes/s, at most its working set W; the dirty pages then drain at R − D until they fit in the");
        md.AppendLine("allowed downtime, and the guest pauses while what is left crosses (the stop-and-copy). With X = min(D·M/R, W):");
        md.AppendLine("t = (M + X)/R when X ≤ R·downtime, else t = M/R + (X − R·downtime)/(R − D) + downtime; V = R·t. No schedule does");
        md.AppendLine("better: sharing a NIC only lowers R, which adds dirty pages; at a lower rate r the stop-and-copy still lasts at least");
        md.AppendLine("X/R (a larger remainder either fits in r·downtime and crosses at r, or drains first and the copy takes the whole");
        md.AppendLine("downtime) and sends at least X more bytes, and after a drain the bytes sent past the first pass, r·(X' − D·downtime) /");
        md.AppendLine("(r − D) for a remainder X' ≥ X, fall as r rises (session 18: the simulator charges the stop-and-copy's time since");
        md.AppendLine("then, and the bound with it). A rolling drain's bound is the sum of its batches' bounds. The bound is");
        md.AppendLine("optimistic in two ways a real schedule cannot be: it lets start-ups overlap transfers perfectly, and (except for w_n");
        md.AppendLine("and the lanes term) it charges nothing for two transfers sharing a NIC.").AppendLine();
        Waste(md);
        md.AppendLine("**Edge waste of the cluster's slots, e** (session 17; `LowerBound.EdgeWaste`). When a batch has N source nodes, fewer");
        md.AppendLine("than the C cluster slots, and each guest alone fills its source's NIC (R = B_n, no post-copy; otherwise e = 0), the");
        md.AppendLine("sources do at most N NIC-seconds of transfer per second, so at any moment a slot that is neither in a start-up nor");
        md.AppendLine("sending at that rate is waste: C·T ≥ Σ (S + t) + ∫ (idle + transfers beyond N) dτ. Start: in [0, S + t_min] a slot");
        md.AppendLine("holds at most S of a start-up counted in Σ (S + t) (its first migration's; the next one on that slot starts after");
        md.AppendLine("the first's transfer, at least t_min, has ended; a failed attempt is waste anyway) and the NICs send at most");
        md.AppendLine("N·t_min (nothing before S), so the window wastes at least (C − N)·t_min. End: after the last start-up ends (its");
        md.AppendLine("guest's attempt succeeds, or that guest would need a later one) no slot is in a start-up and that transfer lasts at");
        md.AppendLine("least t_min, so at least (C − N)·t_min more. With more migrations than C some slot runs two, so the last start-up");
        md.AppendLine("ends after S + t_min and the windows are disjoint: e = 2·(C − N)·t_min; otherwise e = (C − N)·t_min. In (i) under");
        md.AppendLine("5/2 this raises the bound from 112.2 s to 117.7 s.").AppendLine();
        md.AppendLine("**Lanes of a NIC that no transfer fills alone** (session 19; `CappedLanes`). When every guest of a node sends below");
        md.AppendLine("its NIC even alone (a `bandwidthPerMigration` cap, or slower targets; r the fastest of them, no post-copy guest, L ≥ 2),");
        md.AppendLine("the NIC is full only while several transfers share it, and each of those holds a slot meanwhile. Let z_k be the");
        md.AppendLine("time during which exactly k of the node's transfers run. By the end T: Σ z_k ≤ T − S (nothing is sent before the");
        md.AppendLine("first start-up ends); Σ z_k · min(B, k·r) ≥ Σ V (k transfers send at most that much together, and a guest sending");
        md.AppendLine("below its own rate sends at least its V, as above); N·S + Σ k·z_k ≤ L·T (a migration holds its slot through its");
        md.AppendLine("start-up and its transfer, and Σ k·z_k is the transfers' total length). The term is the least T for which some");
        md.AppendLine("z ≥ 0 satisfies the three, a linear program whose best z uses at most two values of k. With r = B it is the NIC");
        md.AppendLine("and slot terms again. In (k) under 5/2 (a cap at 59% of the NIC) it raises the bound from 193.0 s to 202.2 s: a");
        md.AppendLine("guest alone leaves 41% of the NIC idle, and two side by side each take longer than the slot term charges them.");
        md.AppendLine("The random small clusters (caps included) ran 200 seeds without a makespan below it.").AppendLine();
        md.AppendLine("**Guests that cannot converge in pre-copy even alone** (D ≥ R, e.g. scenario h's caches under `bandwidthPerMigration`)");
        md.AppendLine("are moved, if at all, in post-copy (or paused), and KubeVirt switches a migration only when its completion budget runs");
        md.AppendLine("out: completionTimeoutPerGiB × the started decimal GB of memory and disk, counted from the transfer's start. The field");
        md.AppendLine("is a whole number of seconds, at least 1 in any policy (the orchestrator's own post-copy policy sets at least 1 s), so");
        md.AppendLine("the switch comes at τ ≥ min(1 s, the guest's own setting) × ⌈M / 1 GB⌉ (session 12; before, such guests were left out");
        md.AppendLine("of the bound). Until then the guest is in pre-copy: the first pass has sent r·τ of M (r ≤ R) and, since D ≥ R, every");
        md.AppendLine("page sent is dirty again, up to W. After the switch every page not yet on the target crosses the NIC: the rest of the");
        md.AppendLine("first pass and the dirty pages X (a pause's stop-and-copy may send up to R·downtime of them in its downtime),");
        md.AppendLine("X = max(0, min(D·τ, W, R·τ, M) − R·downtime). So its transfer lasts at least t = max(τ, M/R) + X/R: when");
        md.AppendLine("τ ≥ M/R the first pass is over before the switch, which cannot come sooner (the guest never converges in pre-copy),");
        md.AppendLine("and X pages are still dirty then (D ≥ R keeps them at their ceiling); when τ < M/R the rest of the first pass and X");
        md.AppendLine("cross after it (session 17; before, t was (M + X)/R in both cases, which left out the wait for the switch when the");
        md.AppendLine("first pass ends first, e.g. 7.5 s for a 32Gi guest on a 10 Gbit/s NIC switched after 35 s). A slower first pass");
        md.AppendLine("only adds time: at rate r < R fewer pages are dirty at the switch (r·τ) but as much more of the first pass is left");
        md.AppendLine("(M − r·τ + min(W, r·τ, D·τ) ≥ min(W, M, D·τ)). Its bytes are another matter (a slow first pass dirties little");
        md.AppendLine("before the switch), so the NIC term charges it only V = M, which every mode sends. The slot, cluster and longest");
        md.AppendLine("terms take S + t. The summary's JSON counts these guests in `postCopied`.").AppendLine();
        md.AppendLine("**Scope.** The bound ranges over schedules that use each guest's own migration settings (bandwidthPerMigration,");
        md.AppendLine("auto-converge) and post-copy only for guests that cannot converge in pre-copy alone, as the orchestrator does:");
        md.AppendLine("post-copy runs the guest on remote memory and loses it if the transfer fails, so it is not used to save seconds on");
        md.AppendLine("a guest that converges. (Post-copy switched at the earliest budget could finish some dirty converging guests sooner,");
        md.AppendLine("e.g. scenario c's databases; a bound over such schedules would be lower.)").AppendLine();
        md.AppendLine("**Where it is loose, and what was checked** (sessions 13 and 14). Relaxed to a fluid (at any moment: start-ups plus transfers");
        md.AppendLine("at most C in the cluster and L per node, a node's NIC at most one full-rate transfer, no transfer before S), the");
        md.AppendLine("optimum equals this bound for guests that send at their NIC's rate: every looseness left comes from the discrete");
        md.AppendLine("chain start-up then transfer (a migration's transfer starts when its start-up ends, whether or not its NIC is free).");
        md.AppendLine("Two discrete terms were weighed and not added. Pigeonhole bounds (concurrency at most C makes C slot tracks, so");
        md.AppendLine("the m + 1 shortest of the m·C + 1 longest S + t fall on one track; per node with L) are true but never bind in");
        md.AppendLine("a, c, e, i or j. \"A transfer longer than S idles the node's other slot for t − S\" (L = 2) is false: a short");
        md.AppendLine("guest can share the NIC with the long transfer for a moment and keep the slot busy (what Core's SlotFiller does);");
        md.AppendLine("what is true instead is w_n above. A randomized check (`RandomInstanceBoundTests`) drains small random clusters on");
        md.AppendLine("the simulator with the engine and with KubeVirt alone, two different schedules, and fails when either finishes");
        md.AppendLine("below the bound: one family of 2 or 3 drained nodes with 3 to 6 guests and random limits, NICs and caps, and one of a");
        md.AppendLine("single source with two slots and short and long guests, where w_n binds. It once found the simulator beating the");
        md.AppendLine("continuous physics by a step (fixed in session 13: each step is now integrated exactly). No allowance: 200 seeds");
        md.AppendLine("of each family ran without a makespan below the bound (session 14, and again in session 17 with the edge waste and");
        md.AppendLine("the post-copy switch wait; CI runs 12 of each, `DRAIN_BOUND_SEEDS=N` runs N).").AppendLine();
    }

    // The slot term's waste for L = 2 (ShadowedLongTransfers) and why it is a true lower bound.
    private static void Waste(StringBuilder md)
    {
        md.AppendLine("**Waste beside long transfers, w_n** (session 14; `Bounds/ShadowedLongTransfers.cs`). For a node with L = 2 whose");
        md.AppendLine("guests each fill its NIC alone (R = B_n: no slower best target, no cap, no post-copy; otherwise w_n = 0). Let s(τ)");
        md.AppendLine("be the node's slots in a start-up at moment τ and r(τ) ≤ 1 the share of its NIC in use. Every second of start-up and");
        md.AppendLine("every NIC-second of transfer is counted in Σ_n (S + t), and sharing or a slower target only adds bytes, so");
        md.AppendLine("2·T − Σ_n (S + t) ≥ ∫ (2 − s − r) dτ, whose integrand is at least 1 whenever no slot is in a start-up (s = 0).");
        md.AppendLine("Call a transfer long when t > S, and a stretch a maximal interval in which some long transfer runs. In a stretch");
        md.AppendLine("at most one slot is in a start-up, so the waste there is at least its length D less the start-up time in it. A");
        md.AppendLine("start-up is followed at once by its transfer, so every start-up that ends inside the stretch starts a transfer");
        md.AppendLine("there: a later long one of the stretch, or a short guest (a shadow) whose transfer either ends inside (set K) or");
        md.AppendLine("runs past the end (at most one such, or one start-up running past the end). The stretch opens with a long transfer");
        md.AppendLine("whose start-up lies before it. So the start-up time in it is at most S·(|long| − 1 + |K| + 1), while its NIC work");
        md.AppendLine("gives D ≥ Σ_long t + Σ_K t_k. Hence waste ≥ Σ_long (t − S) − Σ_K (S − t_k); and, since during a shadow's transfer");
        md.AppendLine("both slots transfer (s = 0), waste ≥ Σ_K t_k. Stretches are disjoint and so are their shadows, so summing,");
        md.AppendLine("w_n ≥ min over sets K of short guests of max(Σ_K t_k, E − Σ_K (S − t_k)), E = Σ_long (t − S). The fractional");
        md.AppendLine("relaxation of that minimum (smaller, so still a bound) takes the E/S shortest guests: w_n is the sum of their t");
        md.AppendLine("(the last one in part), or E − Σ_short (S − t) when there are fewer short guests than E/S. In (a) under 5/2 this");
        md.AppendLine("raises the bound from 382.3 s to 395.0 s, in (e) from 137.7 s to 140.1 s.").AppendLine();
    }
}
