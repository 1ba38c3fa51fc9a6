using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator.Support;

/// <summary>The create, get, list, update and delete round of one object, each step checked against the server.</summary>
internal static class CrudScenario
{
    /// <summary>
    /// Creates <paramref name="value"/>, reads it back by name and by list, applies <paramref name="change"/> to the read
    /// copy and updates it (conditional on its resourceVersion), checks the stored result with <paramref name="isChanged"/>,
    /// deletes it and checks that it is gone. Returns the object as updated.
    /// </summary>
    public static async Task<T> RunAsync<T>(KubernetesClient client, T value, Action<T> change, Func<T, bool> isChanged,
        CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var ns = T.Resource.Namespaced ? value.Metadata.Namespace : null;
        var name = value.Metadata.Name!;

        var created = await client.CreateAsync(value, cancellationToken);
        Assert.Equal((T.Resource.ApiVersion, T.Resource.Kind), (created.ApiVersion, created.Kind));
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);

        var read = await client.GetAsync<T>(ns, name, cancellationToken);
        Assert.Equal((created.Metadata.Uid, created.Metadata.ResourceVersion), (read.Metadata.Uid, read.Metadata.ResourceVersion));

        var listed = await client.ListAsync<T>(ns, new ListOptions { FieldSelector = $"metadata.name={name}" }, cancellationToken);
        Assert.Equal(created.Metadata.Uid, Assert.Single(listed.Items).Metadata.Uid);

        change(read);
        var updated = await client.UpdateAsync(read, cancellationToken);
        Assert.NotEqual(created.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);
        Assert.True(isChanged(await client.GetAsync<T>(ns, name, cancellationToken)), "the update did not reach the server");

        await client.DeleteAsync<T>(ns, name, null, cancellationToken);
        var gone = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync<T>(ns, name, cancellationToken));
        Assert.True(gone.IsNotFound);
        Assert.Equal(RetryVerdict.Permanent, gone.Verdict);
        return updated;
    }
}
