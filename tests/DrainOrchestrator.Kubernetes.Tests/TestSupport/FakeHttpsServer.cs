using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>
/// A scripted HTTPS server on loopback: every request is recorded and handed to the script, which answers it (by
/// default with a Success Status). One request per connection. Serves until disposed.
/// </summary>
internal sealed class FakeHttpsServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly X509Certificate2? _clientAuthority;
    private readonly Func<FakeRequest, FakeExchange, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeHttpsServer(X509Certificate2 certificate, X509Certificate2? requireClientCertificateFrom = null,
        Func<FakeRequest, FakeExchange, Task>? script = null)
    {
        _certificate = certificate;
        _clientAuthority = requireClientCertificateFrom;
        _script = script ?? ((_, exchange) => exchange.RespondAsync(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}"));
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Url => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public List<FakeRequest> Requests { get; } = [];

    public int RequestCount
    {
        get
        {
            lock (Requests)
            {
                return Requests.Count;
            }
        }
    }

    /// <summary>Completes when the <paramref name="occurrence"/>-th request matching <paramref name="match"/> has arrived.</summary>
    public async Task<FakeRequest> WaitForRequestAsync(Func<FakeRequest, bool> match, int occurrence, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (Requests)
            {
                var found = Requests.Where(match).Skip(occurrence - 1).FirstOrDefault();
                if (found is not null)
                {
                    return found;
                }

                changed = _arrived.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    public IReadOnlyList<string?> AuthorizationHeaders
    {
        get
        {
            lock (Requests)
            {
                return Requests.Select(r => r.Header("authorization") is { } h ? h : null).ToList();
            }
        }
    }

    public IReadOnlyList<string?> ClientSubjects
    {
        get
        {
            lock (Requests)
            {
                return Requests.Select(r => r.ClientSubject).ToList();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream(), false, ValidateClient);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ClientCertificateRequired = _clientAuthority is not null,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                }, _stop.Token);

                var request = await ReadRequestAsync(tls, tls.RemoteCertificate?.Subject);
                lock (Requests)
                {
                    Requests.Add(request);
                    _arrived.TrySetResult();
                    _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                await _script(request, new FakeExchange(tls, client, _stop.Token));
            }
            catch (Exception ex) when (ex is IOException or AuthenticationException or OperationCanceledException
                or ObjectDisposedException or SocketException)
            {
                // The client refused the handshake or went away: some tests expect exactly that.
            }
        }
    }

    private bool ValidateClient(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_clientAuthority is null)
        {
            return true;
        }

        if (certificate is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(_clientAuthority);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }

    private async Task<FakeRequest> ReadRequestAsync(Stream stream, string? clientSubject)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new IOException("The client closed before sending a request.");
            }

            received.Write(buffer, 0, read);
        }

        var all = received.ToArray();
        var lines = Encoding.ASCII.GetString(all, 0, headerEnd).Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var body = new MemoryStream();
        body.Write(all, headerEnd + 4, all.Length - headerEnd - 4);
        while (body.Length < length)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                break;
            }

            body.Write(buffer, 0, read);
        }

        var parts = lines[0].Split(' ');
        return new FakeRequest(parts[0], parts[1], headers, Encoding.UTF8.GetString(body.ToArray()), clientSubject);
    }

    private static int IndexOfHeaderEnd(MemoryStream received)
    {
        var span = received.GetBuffer().AsSpan(0, (int)received.Length);
        return span.IndexOf("\r\n\r\n"u8);
    }
}
