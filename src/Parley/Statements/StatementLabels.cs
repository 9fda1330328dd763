namespace Parley.Statements;

/// <summary>The English words for statement media and commitment states; pages pass them through the localizer.</summary>
public static class StatementLabels
{
    public static string Of(Medium medium) => medium switch
    {
        Medium.Remarks => "remarks",
        Medium.SocialMediaPost => "social media post",
        Medium.PressBriefing => "press briefing",
        Medium.Interview => "interview",
        Medium.PressRelease => "press release",
        Medium.FloorRemarks => "floor remarks",
        Medium.Article => "article or op-ed",
    };

    public static string Of(CommitmentState state) => state switch
    {
        CommitmentState.Open => "open",
        CommitmentState.Overdue => "overdue",
        CommitmentState.Fulfilled => "fulfilled",
    };

    public static string Of(SpeakerBasis basis) => basis switch
    {
        SpeakerBasis.FullName => "named in full",
        SpeakerBasis.NamedEarlier => "surname, named in full earlier in the article",
        SpeakerBasis.Surname => "surname, one match in the directory",
        SpeakerBasis.Title => "by title, one holder on the day",
        SpeakerBasis.Pronoun => "pronoun, the person last named before the quote",
        SpeakerBasis.Unresolved => "unresolved",
        SpeakerBasis.Ambiguous => "ambiguous: several people match",
    };
}
