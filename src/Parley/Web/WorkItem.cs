namespace Parley.Web;

/// <summary>What a piece of work is about, so the home page groups it and the navigation counts it.</summary>
public enum WorkKind
{
    Letters,
    Reviews,
    Minutes,
    Commitments,
}

/// <summary>
/// One thing waiting for the signed-in user: a text the pages localize (<see cref="Text"/> with its
/// <see cref="Args"/>, each localized too where it is one of Parley's own texts, such as an exception's label), where
/// to act on it, and when it falls due.
/// </summary>
public sealed record WorkItem(WorkKind Kind, string Text, IReadOnlyList<string> Args, string Href, DateOnly? Due = null, bool Overdue = false);
