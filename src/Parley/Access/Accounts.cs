using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Parley.Access;

/// <summary>What the account use cases share: how a token is fingerprinted and how a password is generated.</summary>
public static class Accounts
{
    public static byte[] HashToken(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    public static string GeneratePassword() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(15));
}
