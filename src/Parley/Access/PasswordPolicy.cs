using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Parley.Access;

/// <summary>
/// What NIST SP 800-63B §3.1.1.2 asks of a chosen password, and nothing more (no composition rules): at least 12
/// characters and at most 128, not one of the passwords breach corpora show most often (also once the digits and
/// symbols people append are taken off), not a run of one character or a keyboard-style sequence, and not the
/// user's own name or the service's.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<Credential>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<FrozenSet<string>> Common = new(() =>
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Parley.Access.CommonPasswords.txt")!;
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#')
                words.Add(line);
        return words.ToFrozenSet(StringComparer.Ordinal);
    });

    /// <summary>Why <paramref name="password"/> is refused for <paramref name="userName"/>, or null when it is acceptable.</summary>
    public static string? Refusal(string password, string? userName)
    {
        if (password.Length < MinimumLength)
            return $"The password needs at least {MinimumLength} characters (it has {password.Length}); a phrase of a few words is easiest to remember.";
        if (password.Length > MaximumLength)
            return $"The password may have at most {MaximumLength} characters.";
        var lower = password.ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        if (Common.Value.Contains(lower) || (stem.Length >= 6 && Common.Value.Contains(stem)))
            return "That password is among the most common ones in published breaches; choose another.";
        if (lower.Distinct().Count() < 5 || IsSequence(lower))
            return "That password is a repeated character or a simple sequence; choose another.";
        if (lower.Contains("parley", StringComparison.Ordinal) || (userName is { Length: >= 3 } && lower.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal)))
            return "The password may not contain your user name or the service's name.";
        return null;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<Credential> manager, Credential user, string? password) =>
        Task.FromResult(Refusal(password ?? "", user.UserName) is { } refusal
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = refusal })
            : IdentityResult.Success);

    /// <summary>Each character one step from the last, in the same direction (abcdef…, 987654…).</summary>
    private static bool IsSequence(string text)
    {
        var step = text[1] - text[0];
        if (Math.Abs(step) != 1)
            return false;
        for (var i = 2; i < text.Length; i++)
            if (text[i] - text[i - 1] != step)
                return false;
        return true;
    }
}
