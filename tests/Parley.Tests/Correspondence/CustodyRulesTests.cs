using Parley.Correspondence;

namespace Parley.Tests.CorrespondenceSlice;

/// <summary>The custody rules as pure functions: no database needed.</summary>
public sealed class CustodyRulesTests
{
    private static readonly Guid Office = Guid.NewGuid(), Courier = Guid.NewGuid(), Addressee = Guid.NewGuid(), Putin = Guid.NewGuid();

    private static LetterState State(params Handover[] handovers) => new(new Letter
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
    }, handovers, false);

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
}
