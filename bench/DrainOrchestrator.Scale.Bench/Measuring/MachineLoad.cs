using System.Globalization;

namespace DrainOrchestrator.Scale.Bench.Measuring;

/// <summary>
/// The machine's load average (as <c>uptime</c> shows it) and core count, recorded beside every number: on a shared
/// machine a time means little without the load it was measured under.
/// </summary>
internal sealed record MachineLoad(double OneMinute, double FiveMinutes, double FifteenMinutes, int Cores)
{
    public static MachineLoad Now()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return new MachineLoad(Parse(parts[0]), Parse(parts[1]), Parse(parts[2]), Environment.ProcessorCount);
        }
        catch (IOException)
        {
            return new MachineLoad(double.NaN, double.NaN, double.NaN, Environment.ProcessorCount);
        }
        catch (UnauthorizedAccessException)
        {
            return new MachineLoad(double.NaN, double.NaN, double.NaN, Environment.ProcessorCount);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"load {OneMinute:0.00}, {FiveMinutes:0.00}, {FifteenMinutes:0.00} on {Cores} cores");

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
