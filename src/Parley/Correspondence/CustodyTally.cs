namespace Parley.Correspondence;

/// <summary>A hand-over at one end of the custody chain: what the rules ask of it, without its text.</summary>
public sealed record ChainEnd(Guid Handover, Guid ToInstitution, Guid? ToPerson, DateTime At, long RecordedIndex, HandoverState State, DateTime? AnsweredAt)
{
    public static ChainEnd Of(Handover h) => new(h.Id, h.ToInstitution, h.ToPerson, Instant(h.At), h.RecordedIndex, h.State, h.AnsweredAt is { } a ? Instant(a) : null);

    /// <summary>Chain order: by the time of the hand-over, then by when it was recorded.</summary>
    public bool Before(Handover h) => At < Instant(h.At) || (At == Instant(h.At) && RecordedIndex < h.RecordedIndex);

    /// <summary>
    /// A time as both databases give it back: UTC, to the microsecond (PostgreSQL keeps no finer, SQLite no kind), so the
    /// tally is the same whether a step read its hand-over from the store or from the event that recorded it.
    /// </summary>
    public static DateTime Instant(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
}

/// <summary>
/// What custody's rules need of a letter's hand-overs, kept on the letter by the projection: how long the chain is
/// (hand-overs not disputed), how many wait for an answer, were disputed or broke a seal, whether the chain left the
/// route, and its last and last confirmed hand-overs. A step reads and writes the letter's row and the one hand-over,
/// so its cost does not grow with the letter's history; only a dispute and a new route recount (<see cref="Of"/>).
/// </summary>
public sealed record CustodyTally(int Chain, int Unconfirmed, int Disputed, int BrokenSeals, bool OffRoute, ChainEnd? Last, ChainEnd? LastConfirmed)
{
    public static readonly CustodyTally None = new(0, 0, 0, 0, false, null, null);

    /// <summary>The tally of a whole history: the definition the steps below keep, and what a recount computes.</summary>
    public static CustodyTally Of(IEnumerable<RouteLeg> route, IEnumerable<Handover> handovers)
    {
        var all = handovers.ToList();
        var chain = all.Where(h => h.State != HandoverState.Disputed).OrderBy(h => ChainEnd.Instant(h.At)).ThenBy(h => h.RecordedIndex).ToList();
        var legs = Ordered(route);
        return new CustodyTally(chain.Count, all.Count(h => h.State == HandoverState.Recorded), all.Count(h => h.State == HandoverState.Disputed),
            all.Count(Broken), chain.Select((h, i) => Off(legs, i, h)).Any(off => off),
            chain.LastOrDefault() is { } last ? ChainEnd.Of(last) : null,
            chain.LastOrDefault(h => h.State == HandoverState.Confirmed) is { } confirmed ? ChainEnd.Of(confirmed) : null);
    }

    /// <summary>
    /// After <paramref name="h"/> was recorded: it ends the chain. Null when it is dated before the chain's end (no decision
    /// allows that, but the tally never guesses): then the caller recounts.
    /// </summary>
    public CustodyTally? Recorded(IEnumerable<RouteLeg> route, Handover h) =>
        Last is { } last && !last.Before(h) ? null
            : this with
            {
                Chain = Chain + 1,
                Unconfirmed = Unconfirmed + 1,
                BrokenSeals = BrokenSeals + (Broken(h) ? 1 : 0),
                OffRoute = OffRoute || Off(Ordered(route), Chain, h),
                Last = ChainEnd.Of(h),
            };

    /// <summary>
    /// After <paramref name="h"/>, waiting for an answer until now (<paramref name="wasBroken"/>: whether it counted as a broken
    /// seal then), was confirmed. Null for anything but a confirmation of a hand-over that waited: then the caller recounts.
    /// </summary>
    public CustodyTally? Confirmed(Handover h, HandoverState before, bool wasBroken) =>
        before != HandoverState.Recorded || h.State != HandoverState.Confirmed ? null
            : this with
            {
                Unconfirmed = Unconfirmed - 1,
                BrokenSeals = BrokenSeals + (Broken(h) && !wasBroken ? 1 : 0),
                Last = Last?.Handover == h.Id ? ChainEnd.Of(h) : Last,
                LastConfirmed = LastConfirmed is { } confirmed && !confirmed.Before(h) ? confirmed : ChainEnd.Of(h),
            };

    public static bool Broken(Handover h) => !h.SealIntact || h.SealIntactOnReceipt == false;

    /// <summary>Whether the chain's hand-over at <paramref name="position"/> leaves a planned route.</summary>
    private static bool Off(IReadOnlyList<RouteLeg> route, int position, Handover h) =>
        route.Count > 0 && (position >= route.Count || route[position].ToInstitution != h.ToInstitution
            || (route[position].ToPerson is { } p && h.ToPerson != p));

    private static List<RouteLeg> Ordered(IEnumerable<RouteLeg> route) => route.OrderBy(l => l.Order).ToList();
}
