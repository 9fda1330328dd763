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
    public static LetterView ViewOf(Actor actor, LetterState state)
    {
        var letter = state.Letter;
        var institution = actor.Institution;
        var holder = (institution is { } i && state.Carriers.Contains(i)) || letter.Route.Any(l => l.ToInstitution == institution);
        var view = institution == letter.AddresseeInstitution ? LetterView.Full
            : institution == letter.SenderInstitution || institution == letter.Registry || actor.IsAuditor ? LetterView.Metadata
            : holder ? LetterView.Envelope
            : LetterView.None;
        return actor.IsCourierOnly && view > LetterView.Envelope ? LetterView.Envelope : view;
    }
}
