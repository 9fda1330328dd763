using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.AccessSlice;

/// <summary>Passwords as NIST SP 800-63B asks: long enough, not common, not trivial, not the user's own name.</summary>
public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("aaaaaaaaaa", "at least 12 characters")]
    [InlineData("password12", "at least 12 characters")]
    [InlineData("aaaaaaaaaaaa", "repeated character or a simple sequence")]
    [InlineData("abcdefghijklmn", "repeated character or a simple sequence")]
    [InlineData("121212121212", "repeated character or a simple sequence")]
    [InlineData("password1234", "most common")]
    [InlineData("Password1234!", "most common")]
    [InlineData("qwertyuiop123", "most common")]
    [InlineData("iloveyou2024!!", "most common")]
    [InlineData("anna-karenina-clerk", "user name")]
    [InlineData("my parley password", "service's name")]
    public void Weak_passwords_are_refused_with_the_reason(string password, string reason) =>
        Assert.Contains(reason, PasswordPolicy.Refusal(password, "anna-karenina"));

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("moscow-letter-2018")]
    [InlineData("Seven envoys crossed at dawn")]
    public void Long_uncommon_passwords_are_accepted(string password) => Assert.Null(PasswordPolicy.Refusal(password, "anna-karenina"));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_command_line_refuses_a_weak_password_naming_the_field_and_records_nothing(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        var office = await server.AddInstitutionAsync("Office of Passwords");
        string[] store = ["--data", server.Store.DataDirectory, .. server.Store.IsPostgres ? new[] { "--database", server.Store.PostgresConnection! } : []];
        var install = ParleyProcess.Install("pw");
        var events = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync());

        var (code, output) = await ParleyProcess.RunAsync(install, "password1234", ["user", "add", "anna", "--institution", office.ToString(), "--role", "staff", .. store]);
        Assert.Equal(1, code);
        Assert.Contains("error: password: That password is among the most common ones", output);
        Assert.Equal(events, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()));

        (code, output) = await ParleyProcess.RunAsync(install, "seven envoys crossed at dawn", ["user", "add", "anna", "--institution", office.ToString(), "--role", "staff", .. store]);
        Assert.True(code == 0, output);
        Assert.Equal(events + 1, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()));
    }
}
