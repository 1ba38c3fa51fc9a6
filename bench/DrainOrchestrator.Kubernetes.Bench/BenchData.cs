using System.Buffers;
using System.Text;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>The benchmark payloads, in the tests' wire format, encoded straight to UTF-8.</summary>
internal static class BenchData
{
    /// <summary>
    /// A VirtualMachineInstanceList of <paramref name="count"/> VMIs spread over 500 nodes and 40 namespaces. Built item by
    /// item into one buffer, so the harness does not hold the whole list as a UTF-16 string next to it.
    /// </summary>
    public static ReadOnlyMemory<byte> VmiList(int count)
    {
        var envelope = WireJson.List("VirtualMachineInstanceList", "1000000", []);
        var itemsAt = envelope.IndexOf("[]", StringComparison.Ordinal) + 1;
        var output = new ArrayBufferWriter<byte>(count * 700);
        Encoding.UTF8.GetBytes(envelope.AsSpan(0, itemsAt), output);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            Encoding.UTF8.GetBytes(WireJson.Vmi($"vm-{i:D6}", $"worker-{i % 500:D3}", i + 1, $"tenant-{i % 40}"), output);
        }

        Encoding.UTF8.GetBytes(envelope.AsSpan(itemsAt), output);
        return output.WrittenMemory;
    }
}
