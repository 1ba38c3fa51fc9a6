using DrainOrchestrator.Scheduling.Bench.Bounds;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Bounds;

public sealed class ShadowedLongTransfersTests
{
    [Fact]
    public void WasteSeconds_NoTransferLongerThanTheStartup_Zero()
    {
        Assert.Equal(0, ShadowedLongTransfers.WasteSeconds([1, 2, 7, 3], 7));
    }

    [Fact]
    public void WasteSeconds_EnoughShortGuests_TheShortestShadowTheExcess()
    {
        // Excess (30 - 6) + (12 - 6) = 30 s needs 30 / 6 = 5 shadows: the five shortest, 1 + 1 + 2 + 2 + 3.
        Assert.Equal(9, ShadowedLongTransfers.WasteSeconds([30, 12, 3, 1, 5, 2, 1, 2, 4], 6), 9);
    }

    [Fact]
    public void WasteSeconds_FractionalShadow_CountsItsShare()
    {
        // Excess 10 s over S = 4 needs 2.5 shadows: 1 + 1 + 0.5 × 2.
        Assert.Equal(3, ShadowedLongTransfers.WasteSeconds([14, 1, 1, 2, 3], 4), 9);
    }

    [Fact]
    public void WasteSeconds_TooFewShortGuests_TheExcessLessWhatTheyAllSave()
    {
        // Excess 23 s; the one 2 s guest saves 5 of it.
        Assert.Equal(18, ShadowedLongTransfers.WasteSeconds([30, 2], 7), 9);
    }

    [Fact]
    public void WasteSeconds_OnlyLongTransfers_TheWholeExcess()
    {
        Assert.Equal(16, ShadowedLongTransfers.WasteSeconds([10, 20], 7), 9);
    }
}
