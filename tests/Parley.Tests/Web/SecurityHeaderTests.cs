using System.Net;
using Parley.Tests.Infrastructure;
using Parley.Web;

namespace Parley.Tests.WebSlice;

/// <summary>Every kind of response — a page, an API answer, a refusal, the public ledger — carries the security headers.</summary>
public sealed class SecurityHeaderTests
{
    [Theory]
    [InlineData("/login", HttpStatusCode.OK)]
    [InlineData("/api/me", HttpStatusCode.Unauthorized)]
    [InlineData("/ledger/key", HttpStatusCode.OK)]
    [InlineData("/ledger/proof/inclusion?index=9&size=99", HttpStatusCode.BadRequest)]
    public async Task Every_response_forbids_inline_script_framing_sniffing_and_referrers(string path, HttpStatusCode status)
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        using var client = await server.ClientAsync(null);
        var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline';", csp.Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
