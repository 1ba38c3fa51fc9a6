using System.Net.Sockets;
using System.Text;

namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>What a script can answer on one connection: a whole response, or a stream written piece by piece, or a reset.</summary>
internal sealed class FakeExchange(Stream stream, TcpClient client, CancellationToken cancellationToken)
{
    public async Task RespondAsync(int status, string body, params (string Name, string Value)[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await WriteRawAsync(head.Append("\r\n").ToString());
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Starts a body without a length: it runs until the connection closes, as a watch does.</summary>
    public Task StartStreamAsync(int status = 200)
        => WriteRawAsync($"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");

    public async Task WriteRawAsync(string text)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Keeps the connection open, sending nothing, until the server stops.</summary>
    public async Task HoldOpenAsync()
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Drops the connection with a TCP reset.</summary>
    public void Reset()
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }
}
