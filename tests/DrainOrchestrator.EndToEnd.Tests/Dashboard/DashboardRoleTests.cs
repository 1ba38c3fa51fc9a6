using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace DrainOrchestrator.EndToEnd.Tests.Dashboard;

/// <summary>
/// The dashboard shows actions by role, and the API decides regardless: a viewer sees no cancel button, and its
/// session cookie cannot cancel even with the anti-forgery header; an operator's session cannot act without that header.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardRoleTests(DashboardFixture fixture)
{
    [Fact]
    public async Task DrainPage_Viewer_NoCancelButtonAndApiRefusesCancel()
    {
        var pages = new List<IPage>();
        await BrowserEvidence.RunAsync(nameof(DrainPage_Viewer_NoCancelButtonAndApiRefusesCancel), pages, async () =>
        {
            var id = await fixture.PausedDrainAsync();
            var viewer = await fixture.SignedInPageAsync(fixture.Tokens.Viewer, pages);
            var @operator = await fixture.SignedInPageAsync(fixture.Tokens.Operator, pages);

            await @operator.GotoAsync($"ui/drain.html?id={id}");
            await viewer.GotoAsync($"ui/drain.html?id={id}");
            await Assertions.Expect(@operator.GetByRole(AriaRole.Button, new() { Name = "Cancel drain" })).ToBeVisibleAsync();
            await Assertions.Expect(viewer.Locator("#who")).ToHaveTextAsync("vera (viewer)");
            await Assertions.Expect(viewer.Locator(".node")).Not.ToHaveCountAsync(0);

            Assert.Equal(0, await viewer.GetByRole(AriaRole.Button, new() { Name = "Cancel drain" }).CountAsync());
            Assert.Equal(0, await viewer.Locator("#actions button").CountAsync());

            // The viewer's own session, with the anti-forgery value its page holds: still refused by the API.
            var csrf = await viewer.EvaluateAsync<string>("async () => (await (await fetch('/api/v1/me')).json()).csrfToken");
            Assert.False(string.IsNullOrEmpty(csrf));
            var refused = await viewer.APIRequest.PostAsync($"api/v1/drains/{id}/cancel",
                new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["X-Drain-Csrf"] = csrf } });
            Assert.Equal(403, refused.Status);
            using var bearer = fixture.Server.Client(fixture.Tokens.Viewer);
            using var bearerRefused = await bearer.PostAsync($"api/v1/drains/{id}/cancel", null);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, bearerRefused.StatusCode);

            // An operator's session without the anti-forgery header (what a forged cross-site form would send): refused.
            var forged = await @operator.APIRequest.PostAsync($"api/v1/drains/{id}/cancel");
            Assert.Equal(403, forged.Status);
            Assert.Contains("X-Drain-Csrf", await forged.TextAsync(), StringComparison.Ordinal);

            var drain = (await bearer.GetFromJsonAsync<JsonObject>($"api/v1/drains/{id}"))!;
            Assert.Equal("paused", drain["recordedState"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Login_UnknownToken_RefusedWithoutSessionAndSignOutEndsIt()
    {
        var pages = new List<IPage>();
        await BrowserEvidence.RunAsync(nameof(Login_UnknownToken_RefusedWithoutSessionAndSignOutEndsIt), pages, async () =>
        {
            var page = await fixture.NewPageAsync(pages);
            var context = page.Context;
            await page.GotoAsync("ui/");
            await DashboardFixture.ExpectAtAsync(page, "/ui/login.html");
            await page.GetByLabel("API token").FillAsync("not-a-token-of-the-file");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("not accepted");
            Assert.Empty(await context.CookiesAsync());

            var signedIn = await fixture.SignedInPageAsync(fixture.Tokens.Viewer, pages);
            var cookie = (await signedIn.Context.CookiesAsync()).Single(c => c.Name == "drain_ui_session");
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
            Assert.InRange(cookie.Expires, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + 3600, TimeProvider.System.GetUtcNow().AddHours(9).ToUnixTimeSeconds());
            await signedIn.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await DashboardFixture.ExpectAtAsync(signedIn, "/ui/login.html");
            Assert.DoesNotContain(await signedIn.Context.CookiesAsync(), c => c.Name == "drain_ui_session");
            Assert.Equal(401, (await signedIn.APIRequest.GetAsync("api/v1/me")).Status);
        });
    }
}
