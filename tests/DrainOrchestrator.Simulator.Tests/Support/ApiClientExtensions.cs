using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>Small JSON helpers over HttpClient for the raw API tests.</summary>
public static class ApiClientExtensions
{
    public static async Task<(HttpStatusCode Code, JsonObject Body)> SendJsonAsync(
        this HttpClient client, HttpMethod method, string path, JsonNode? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text)!.AsObject() : new JsonObject { ["raw"] = text };
        return (response.StatusCode, json);
    }

    public static Task<(HttpStatusCode Code, JsonObject Body)> GetJsonAsync(this HttpClient client, string path) =>
        client.SendJsonAsync(HttpMethod.Get, path);

    public static string[] Names(this JsonObject list) =>
        [.. list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>())];

    public static string ResourceVersion(this JsonObject obj) => obj["metadata"]!["resourceVersion"]!.GetValue<string>();
}
