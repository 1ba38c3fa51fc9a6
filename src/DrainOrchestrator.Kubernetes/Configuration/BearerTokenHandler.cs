using System.Net;
using System.Net.Http.Headers;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Puts the current credential on every request: the bearer token in Authorization, and an exec plugin's client
/// certificate into <see cref="ClientCertificateSelector"/> before the connection is made. A 401 invalidates the credential
/// so the next request obtains a fresh one.
/// </summary>
internal sealed class BearerTokenHandler(ICredentialProvider credentials, ClientCertificateSelector certificates)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credential = await credentials.GetCredentialAsync(cancellationToken).ConfigureAwait(false);
        if (credential.ClientCertificate is not null)
        {
            certificates.FromCredential = credential.ClientCertificate;
        }

        if (credential.BearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.BearerToken);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            credentials.Invalidate();
        }

        return response;
    }
}
