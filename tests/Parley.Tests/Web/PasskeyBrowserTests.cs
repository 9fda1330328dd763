using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Parley.Access;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.WebSlice;

/// <summary>
/// Personal signatures on custody, in Chromium with its virtual authenticator (CDP WebAuthn, no hardware): a clerk
/// and a courier each register a passkey, the clerk hands the letter over and the courier confirms, each signing
/// with their own passkey; the certificate and `parley verify-letter` check both people's signatures; a tampered
/// assertion fails; a step by a person without a passkey says only the institution signed it; a passkey signs in.
/// </summary>
[Collection(BrowserTests.Collection)]
public sealed class PasskeyBrowserTests
{
    [Fact]
    public async Task Both_people_sign_their_custody_steps_with_passkeys_and_the_certificate_and_verify_letter_check_them()
    {
        var secretFile = ParleyServer.SecretFile();
        var store = (await ParleyServer.NewStoreAsync("sqlite")) with { Secret = KeySecret.FromFile(secretFile, "test") };
        await using var server = await ParleyServer.StartAsync(store);
        var office = await server.AddInstitutionAsync("Executive Office of the President", InstitutionKind.HeadOfStateOffice);
        var senate = await server.AddInstitutionAsync("United States Senate", InstitutionKind.Chamber);
        var kremlin = await server.AddInstitutionAsync("Presidential Administration of Russia", InstitutionKind.HeadOfStateOffice, country: KnownInstitutions.Russia);
        var clerkName = await server.AddUserAsync(Role.RegistryClerk, office);
        var courierName = await server.AddUserAsync(Role.Courier, senate);
        var keys = (Func<IServiceProvider, InstitutionKeys>)(s => s.GetRequiredService<InstitutionKeys>());
        var clerkActor = Actor.Of(clerkName, office, Role.RegistryClerk);
        var letter = await server.InScopeAsync(s => s.GetRequiredService<Recorder>().WriteAsync(clerkActor.Recorded, (w, ct) =>
            RegisterLetter.HandleAsync(w, keys(s), clerkActor, new RegisterLetterInput(LetterDirection.Outgoing, new DateOnly(2018, 8, 3), office, null, kremlin, null,
                "Letter from the President of the United States", ["legislative dialogue"], null, "en", null, null), ct)));
        Assert.True(letter.Succeeded, letter.Error?.Message);
        var route = await server.InScopeAsync(s => s.GetRequiredService<Recorder>().WriteAsync(clerkActor.Recorded, (w, ct) =>
            PlanRoute.HandleAsync(w, clerkActor, letter.Value, [new LegPlan(senate, null, 48), new LegPlan(kremlin, null, 72)], ct)));
        Assert.True(route.Succeeded, route.Error?.Message);

        // WebAuthn needs a domain, not an IP address: the browser reaches the loopback server as localhost.
        var site = new Uri($"http://localhost:{server.Address.Port}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);

        var clerk = await WithAuthenticatorAsync(await BrowserTests.SignInAsync(browser, site, clerkName, ParleyServer.Password));
        await RegisterPasskeyAsync(clerk, site, "Clerk's laptop");
        await clerk.GotoAsync(new Uri(site, $"/letters/{letter.Value}").ToString());
        await clerk.GetByLabel("To", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "United States Senate" });
        await clerk.GetByLabel("Where").FillAsync("Washington");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Record hand-over" }).ClickAsync();
        // Nothing is recorded until the person signs.
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "Sign with your passkey" })).ToBeVisibleAsync();
        Assert.Equal(0, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Handovers.CountAsync()));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Sign with passkey" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "Letter 2018/1" })).ToContainTextAsync("handed to United States Senate, awaiting its confirmation");

        var courier = await WithAuthenticatorAsync(await BrowserTests.SignInAsync(browser, site, courierName, ParleyServer.Password));
        await RegisterPasskeyAsync(courier, site, "Courier's phone");
        await courier.GotoAsync(new Uri(site, $"/letters/{letter.Value}").ToString());
        await courier.GetByRole(AriaRole.Button, new() { Name = "Confirm receipt" }).ClickAsync();
        await courier.GetByRole(AriaRole.Button, new() { Name = "Sign with passkey" }).ClickAsync();
        await Assertions.Expect(courier.GetByRole(AriaRole.Heading, new() { Name = "Letter 2018/1" })).ToContainTextAsync("with the courier");

        await clerk.GotoAsync(new Uri(site, $"/letters/{letter.Value}/certificate").ToString());
        // With the courier, not delivered: what is recorded verifies, and the certificate says the chain is not complete.
        await Assertions.Expect(clerk.Locator("#verdict")).ToContainTextAsync("What is recorded verifies, but the chain of custody is not complete.");
        var row = clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "United States Senate" });
        await Assertions.Expect(row).ToContainTextAsync($"{clerkName}'s passkey “Clerk's laptop”: valid");
        await Assertions.Expect(row).ToContainTextAsync($"{courierName}'s passkey “Courier's phone”: valid");

        var install = ParleyProcess.Install("vl");
        string[] verify = ["verify-letter", "2018/1", "--data", store.DataDirectory, "--secret-file", secretFile];
        var (code, output) = await ParleyProcess.RunAsync(install, verify);
        Assert.True(code == 0, output);
        Assert.Contains($"given by {clerkName}, passkey \"Clerk's laptop\"", output);
        Assert.Contains($"answered by {courierName}, passkey \"Courier's phone\"", output);
        // An auditor with the record but not the secret checks the same against the checkpoint the log issued.
        (code, output) = await ParleyProcess.RunAsync(install, verify[..^2]);
        Assert.True(code == 0, output);
        Assert.Contains("checking against the latest checkpoint the log issued", output);
        Assert.Contains($"answered by {courierName}, passkey \"Courier's phone\"", output);

        // The courier hands on without a passkey of the receiving office's: that step says only the institution signed it.
        var kremlinClerk = await server.AddUserAsync(Role.RegistryClerk, kremlin);
        var courierActor = Actor.Of(courierName, senate, Role.Courier);
        // The courier has a passkey, so the API refuses an unsigned step by them...
        var refused = await server.InScopeAsync(s => s.GetRequiredService<Recorder>().WriteAsync(courierActor.Recorded, (w, ct) =>
            HandOver.HandleAsync(w, keys(s), courierActor with { Account = AccountOf(s, courierName) }, letter.Value, new HandoverInput(kremlin, null, null, null, "Moscow"), DateTime.UtcNow, null, ct)));
        Assert.Equal("assertion", refused.Error?.Field);
        // ...while the receiving clerk, who has none, confirms a step the institution alone signs.
        await courier.GotoAsync(new Uri(site, $"/letters/{letter.Value}").ToString());
        await courier.GetByLabel("To", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Presidential Administration of Russia" });
        await courier.GetByRole(AriaRole.Button, new() { Name = "Record hand-over" }).ClickAsync();
        await courier.GetByRole(AriaRole.Button, new() { Name = "Sign with passkey" }).ClickAsync();
        var receiving = await BrowserTests.SignInAsync(browser, site, kremlinClerk, ParleyServer.Password);
        await receiving.GotoAsync(new Uri(site, $"/letters/{letter.Value}").ToString());
        await receiving.GetByRole(AriaRole.Button, new() { Name = "Confirm receipt" }).ClickAsync();
        await receiving.GotoAsync(new Uri(site, $"/letters/{letter.Value}/certificate").ToString());
        await Assertions.Expect(receiving.GetByRole(AriaRole.Row).Filter(new() { HasText = "Presidential Administration of Russia" }))
            .ToContainTextAsync("only the institution signed it (no passkey)");

        // A tampered assertion (one bit of the courier's signature) fails the certificate and verify-letter.
        await server.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<ParleyDb>();
            var signature = await db.PersonalSignatures.OrderBy(p => p.Step).Skip(1).FirstAsync();
            var bytes = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(signature.Signature);
            bytes[^1] ^= 1;
            signature.Signature = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes);
            return await db.SaveChangesAsync();
        });
        (code, output) = await ParleyProcess.RunAsync(install, verify);
        Assert.Equal(2, code);
        Assert.Contains($"answered by {courierName}, passkey \"Courier's phone\"", output);
        Assert.Contains("INVALID", output);
        Assert.Contains("The chain of custody does NOT verify.", output);

        // A passkey also signs its person in, without a password.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await clerk.GotoAsync(new Uri(site, "/login").ToString());
        var answer = await clerk.RunAndWaitForRequestAsync(
            () => clerk.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync(), new Uri(site, "/api/passkeys/sign-in").ToString());
        await Assertions.Expect(clerk.GetByRole(AriaRole.Link, new() { Name = clerkName })).ToBeVisibleAsync();
        // The answer, captured and sent again, signs no one in: each ceremony is answered once.
        using var replayer = new HttpClient { BaseAddress = server.Address };
        var replay = await replayer.PostAsync("/api/passkeys/sign-in", new StringContent(answer.PostData!, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("already answered", await replay.Content.ReadAsStringAsync());
        Assert.False(replay.Headers.Contains("Set-Cookie"));

        // The Russian office's clerk, signing in with a passkey in a browser that has chosen no language, starts in Russian.
        receiving = await WithAuthenticatorAsync(receiving);
        await RegisterPasskeyAsync(receiving, site, "Kremlin desk");
        await receiving.Context.ClearCookiesAsync();
        await receiving.GotoAsync(new Uri(site, "/login").ToString());
        await receiving.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(receiving.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).Or(receiving.GetByRole(AriaRole.Link, new() { Name = "Выйти" }))).ToBeVisibleAsync();
    }

    private static Guid AccountOf(IServiceProvider services, string userName) =>
        services.GetRequiredService<ParleyDb>().Accounts.Single(a => a.UserName == userName).Id;

    /// <summary>Gives the page's browser context a virtual platform authenticator that answers at once.</summary>
    private static async Task<IPage> WithAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return page;
    }

    private static async Task RegisterPasskeyAsync(IPage page, Uri site, string label)
    {
        await page.GotoAsync(new Uri(site, "/account/passkeys").ToString());
        await Assertions.Expect(page.GetByText("You have no passkey yet")).ToBeVisibleAsync();
        await page.GetByLabel("Name it (the device it lives on)").FillAsync(label);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = label })).ToBeVisibleAsync();
    }
}
