using System.Net;
using System.Net.Sockets;

namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>Loopback port helpers.</summary>
internal static class FreePort
{
    /// <summary>A port the kernel considers free on 127.0.0.1 right now.</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether a listener could bind the port on 127.0.0.1 now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
