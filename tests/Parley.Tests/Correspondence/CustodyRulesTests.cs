using Parley.Correspondence;
using Parley.Record;

namespace Parley.Tests.CorrespondenceSlice;

/// <summary>The custody rules as pure functions, every refusal of the hand-over and answer decisions included: no database needed.</summary>
public sealed class CustodyRulesTests
{
    // Fixed ids: theory rows are serialized at discovery and must mean the same institutions when they run.
    private static readonly Guid Office = new("00000000-0000-0000-0000-000000000001"), Courier = new("00000000-0000-0000-0000-000000000002"),
        Addressee = new("00000000-0000-0000-0000-000000000003"), Putin = new("00000000-0000-0000-0000-000000000004"), Paul = new("00000000-0000-0000-0000-000000000005");
    private static readonly DateTime Now = new(2018, 8, 10, 12, 0, 0, DateTimeKind.Utc);

    private static LetterState State(params Handover[] handovers) => StateOf(LetterWithRoute(), handovers);

    /// <summary>The state the projection keeps for these hand-overs: their tally on the letter, and who carried it.</summary>
    private static LetterState StateOf(Letter letter, Handover[] handovers)
    {
        for (var i = 0; i < handovers.Length; i++)
            handovers[i].RecordedIndex = i + 1;
        letter.Custody = CustodyTally.Of(letter.Route, handovers);
        return new(letter, handovers.SelectMany(h => new[] { h.FromInstitution, h.ToInstitution }).ToHashSet(), false);
    }

    private static Letter LetterWithRoute() => new()
    {
        Id = Guid.NewGuid(),
        Number = "2018/1",
        Subject = "s",
        Topics = "",
        Dated = new DateOnly(2018, 8, 3),
        SenderInstitution = Office,
        Registry = Office,
        AddresseeInstitution = Addressee,
        AddresseePerson = Putin,
        RegisteredAt = new DateTime(2018, 8, 3, 9, 0, 0, DateTimeKind.Utc),
        Route = [new RouteLeg { Order = 0, ToInstitution = Courier, DueHours = 48 }, new RouteLeg { Order = 1, ToInstitution = Addressee, DueHours = 72 },
                 new RouteLeg { Order = 2, ToInstitution = Addressee, ToPerson = Putin, DueHours = 72 }],
    };

    private static Handover H(Guid from, Guid to, int day, HandoverState state, Guid? toPerson = null, bool seal = true) => new()
    {
        Id = Guid.NewGuid(),
        FromInstitution = from,
        ToInstitution = to,
        ToPerson = toPerson,
        State = state,
        SealIntact = seal,
        At = new DateTime(2018, 8, day, 12, 0, 0, DateTimeKind.Utc),
        AnsweredAt = state == HandoverState.Recorded ? null : new DateTime(2018, 8, day, 13, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void Status_follows_the_confirmed_chain_and_shortly_becomes_a_due_time()
    {
        var onTheEighth = new DateTime(2018, 8, 8, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(LetterStatus.Registered, Custody.View(State(), onTheEighth).Status);
        Assert.Equal(LetterStatus.Dispatched, Custody.View(State(H(Office, Courier, 3, HandoverState.Recorded)), onTheEighth).Status);
        var delivered = Custody.View(State(H(Office, Courier, 3, HandoverState.Confirmed), H(Courier, Addressee, 8, HandoverState.Confirmed)), onTheEighth);
        Assert.Equal(LetterStatus.DeliveredToOffice, delivered.Status);
        Assert.Empty(delivered.Exceptions);
        Assert.Equal(new DateTime(2018, 8, 11, 13, 0, 0, DateTimeKind.Utc), delivered.NextDue);
        var later = Custody.View(State(H(Office, Courier, 3, HandoverState.Confirmed), H(Courier, Addressee, 8, HandoverState.Confirmed)), onTheEighth.AddDays(5));
        Assert.Contains(CustodyException.LegOverdue, later.Exceptions);
        var handed = Custody.View(State(H(Office, Courier, 3, HandoverState.Confirmed), H(Courier, Addressee, 8, HandoverState.Confirmed), H(Addressee, Addressee, 9, HandoverState.Confirmed, Putin)), onTheEighth);
        Assert.Equal(LetterStatus.InAddresseesHands, handed.Status);
    }

    [Fact]
    public void The_register_knows_when_each_letter_will_first_need_attention()
    {
        // Already an exception, whatever the clock: from registration.
        var unconfirmed = State(H(Office, Courier, 3, HandoverState.Recorded));
        Assert.Equal(unconfirmed.Letter.RegisteredAt, Custody.AttentionFrom(unconfirmed));
        // On time: when the next leg falls due, and an exception from just after then.
        var delivered = State(H(Office, Courier, 3, HandoverState.Confirmed), H(Courier, Addressee, 8, HandoverState.Confirmed));
        var due = new DateTime(2018, 8, 11, 13, 0, 0, DateTimeKind.Utc);
        Assert.Equal(due, Custody.AttentionFrom(delivered));
        Assert.Empty(Custody.View(delivered, due).Exceptions);
        Assert.Contains(CustodyException.LegOverdue, Custody.View(delivered, due.AddTicks(1)).Exceptions);
        // A reply date counts from the day after it, and the earlier of the two times wins.
        delivered.Letter.ReplyBy = new DateOnly(2018, 8, 9);
        Assert.Equal(new DateTime(2018, 8, 10, 0, 0, 0, DateTimeKind.Utc), Custody.AttentionFrom(delivered));
        // Nothing left that the clock alone can make late.
        delivered.Letter.ReplyBy = null;
        delivered.Letter.AcknowledgedAt = due;
        Assert.Null(Custody.AttentionFrom(delivered));
    }

    [Fact]
    public void Exceptions_are_impossible_to_miss()
    {
        var now = new DateTime(2018, 8, 4, 0, 0, 0, DateTimeKind.Utc);
        var stranger = Guid.NewGuid();
        Assert.Contains(CustodyException.OffRouteHolder, Custody.View(State(H(Office, stranger, 3, HandoverState.Confirmed)), now).Exceptions);
        Assert.Contains(CustodyException.BrokenSeal, Custody.View(State(H(Office, Courier, 3, HandoverState.Confirmed, seal: false)), now).Exceptions);
        var disputed = Custody.View(State(H(Office, Courier, 3, HandoverState.Disputed)), now);
        Assert.Contains(CustodyException.DisputedHandover, disputed.Exceptions);
        Assert.Equal(Office, disputed.Holder.Institution); // a disputed hand-over does not move custody
    }

    [Theory]
    [InlineData("{year}/{n}", "2018/7")]
    [InlineData("{registry}-{year}-{n:0000}", "EOP-2018-0007")]
    [InlineData("OUT {year}", "OUT 2018/7")]
    public void Registration_numbers_follow_the_configured_format(string format, string expected) =>
        Assert.Equal(expected, Numbering.Format(format, 2018, 7, "Executive Office of the President"));

    /// <summary>The office handed the letter to Senator Paul of the courier's institution on 4 August.</summary>
    private static Handover ToPaul(HandoverState state) => new()
    {
        Id = Guid.NewGuid(),
        FromInstitution = Office,
        ToInstitution = Courier,
        ToPerson = Paul,
        State = state,
        At = new DateTime(2018, 8, 4, 12, 0, 0, DateTimeKind.Utc),
    };

    private static HandoverRecorded Give(Guid from, Guid to, DateTime at, Guid? fromPerson = null, Guid? toPerson = null, string? place = null, string? note = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), from, fromPerson, to, toPerson, at, place, true, note);

    public static TheoryData<string, LetterState, Guid, HandoverRecorded, string?> HandoverCases() => new()
    {
        { "the office dispatches", State(), Office, Give(Office, Courier, new DateTime(2018, 8, 4, 12, 0, 0, DateTimeKind.Utc)), null },
        { "the courier carries on", State(ToPaul(HandoverState.Confirmed)), Courier, Give(Courier, Addressee, new DateTime(2018, 8, 6, 9, 0, 0, DateTimeKind.Utc), Paul), null },
        { "a hand-over still awaiting confirmation already moves the letter", State(ToPaul(HandoverState.Recorded)), Courier, Give(Courier, Addressee, new DateTime(2018, 8, 6, 9, 0, 0, DateTimeKind.Utc), Paul), null },
        { "within the five minutes' clock allowance", State(), Office, Give(Office, Courier, Now.AddMinutes(5)), null },
        { "someone who is not the holder", State(ToPaul(HandoverState.Confirmed)), Office, Give(Office, Addressee, Now), "Conflict from: Only the current holder" },
        { "another person of the holding institution", State(ToPaul(HandoverState.Confirmed)), Courier, Give(Courier, Addressee, Now, Guid.NewGuid()), "Conflict from: Only the current holder" },
        { "after a dispute the giver holds it again", State(ToPaul(HandoverState.Disputed)), Courier, Give(Courier, Addressee, Now, Paul), "Conflict from: Only the current holder" },
        { "a user of another institution records it", State(), Courier, Give(Office, Courier, Now), "Forbidden from: The giver records a hand-over" },
        { "to the holder itself", State(), Office, Give(Office, Office, Now), "Invalid to: A hand-over needs a different receiver" },
        { "in the future", State(), Office, Give(Office, Courier, Now.AddMinutes(6)), "Invalid at: A hand-over cannot be recorded for the future" },
        { "before the letter's date", State(), Office, Give(Office, Courier, new DateTime(2018, 8, 2, 23, 0, 0, DateTimeKind.Utc)), "Invalid at: The hand-over is dated before the letter itself (2018-08-03)" },
        { "before the previous hand-over", State(ToPaul(HandoverState.Confirmed)), Courier, Give(Courier, Addressee, new DateTime(2018, 8, 4, 11, 0, 0, DateTimeKind.Utc), Paul), "Invalid at: The hand-over is dated before the previous one (2018-08-04 12:00 UTC)" },
        { "a place over 200 characters", State(), Office, Give(Office, Courier, Now, place: new string('p', 201)), "Invalid place: Too long" },
        { "a note over 1000 characters", State(), Office, Give(Office, Courier, Now, note: new string('n', 1001)), "Invalid note: Too long" },
    };

    [Theory]
    [MemberData(nameof(HandoverCases))]
    public void A_hand_over_is_decided_against_the_letters_custody(string situation, LetterState state, Guid actor, HandoverRecorded handover, string? refusal)
    {
        var error = Custody.CheckHandover(state, actor, handover, Now);
        var got = error is null ? null : $"{error.Kind} {error.Field}: {error.Message}";
        Assert.True(refusal is null ? got is null : got?.StartsWith(refusal, StringComparison.Ordinal) == true,
            $"{situation}: expected {refusal ?? "acceptance"}, got {got ?? "acceptance"}");
    }

    public static TheoryData<string, HandoverState?, Guid, ErrorKind?, string?> AnswerCases() => new()
    {
        { "the receiver answers a recorded hand-over", HandoverState.Recorded, Courier, null, null },
        { "no such hand-over", null, Courier, ErrorKind.NotFound, "No such hand-over on this letter." },
        { "the giver answers its own hand-over", HandoverState.Recorded, Office, ErrorKind.Forbidden, "Only the receiving institution can confirm or dispute this hand-over." },
        { "a third institution answers", HandoverState.Recorded, Addressee, ErrorKind.Forbidden, "Only the receiving institution can confirm or dispute this hand-over." },
        { "already confirmed", HandoverState.Confirmed, Courier, ErrorKind.Conflict, "This hand-over was already confirmed." },
        { "already disputed", HandoverState.Disputed, Courier, ErrorKind.Conflict, "This hand-over was already disputed." },
    };

    [Theory]
    [MemberData(nameof(AnswerCases))]
    public void Only_the_receiver_answers_a_hand_over_and_only_once(string situation, HandoverState? state, Guid actor, ErrorKind? kind, string? message)
    {
        var error = Custody.CheckAnswer(state is { } s ? ToPaul(s) : null, actor);
        Assert.True(error?.Kind == kind && error?.Message == message && (error is null || error.Field == "handover"),
            $"{situation}: expected {kind?.ToString() ?? "acceptance"} {message}, got {error?.Kind.ToString() ?? "acceptance"} {error?.Message}");
    }
}
