using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Server.Api;

namespace DrainOrchestrator.Server.Tests.Support;

/// <summary>Small helpers over the API, reading responses into the application layer's own records.</summary>
internal static class Api
{
    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public static async Task ExpectAsync(System.Net.HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options))!;

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Waits (generous deadline; it only guards a hang) until the drain reaches a final state.</summary>
    public static async Task<DrainView> WaitFinishedAsync(HttpClient client, Guid id, TimeSpan deadline)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var drain = await ReadAsync<DrainView>(await client.GetAsync($"/api/v1/drains/{id}"));
            if (drain.State is DrainStatus.Succeeded or DrainStatus.Failed or DrainStatus.Cancelled)
            {
                return drain;
            }

            Assert.True(started.Elapsed < deadline, $"drain {id} still {drain.State} after {deadline}");
            await Task.Delay(250);
        }
    }
}
