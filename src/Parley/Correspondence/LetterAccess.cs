using System.Security.Claims;
using Parley.Access;

namespace Parley.Correspondence;

/// <summary>How much of a letter a user may see.</summary>
public enum LetterView
{
    None,

    /// <summary>Route, custody, fingerprints: what a courier or any holder needs, never the content.</summary>
    Envelope,

    /// <summary>The register entry too: the sender's office, auditors.</summary>
    Metadata,

    /// <summary>Metadata and the sealed content: the addressee institution only.</summary>
    Full,
}

public static class LetterAccess
{
    public static LetterView ViewOf(ClaimsPrincipal user, LetterState state)
    {
        var letter = state.Letter;
        var institution = ParleyClaims.InstitutionOf(user);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? r : (Role?)null).OfType<Role>().ToList();
        var courierOnly = roles.Count > 0 && roles.All(r => r == Role.Courier);
        var holder = state.Handovers.Any(h => h.FromInstitution == institution || h.ToInstitution == institution)
            || letter.Route.Any(l => l.ToInstitution == institution);
        var view = institution == letter.AddresseeInstitution ? LetterView.Full
            : institution == letter.SenderInstitution || institution == letter.Registry || roles.Contains(Role.Auditor) ? LetterView.Metadata
            : holder ? LetterView.Envelope
            : LetterView.None;
        return courierOnly && view > LetterView.Envelope ? LetterView.Envelope : view;
    }
}
