using Parley.Engagements;
using Parley.Record;

namespace Parley.Tests.EngagementsSlice;

/// <summary>The minutes transitions and the task force roster's rules as pure decisions; no database.</summary>
public sealed class MinutesAndRosterTableTests
{
    private static readonly Guid Meeting = Guid.NewGuid();

    private static MinutesVersion? Latest(string state) => state switch
    {
        "none" => null,
        _ => new MinutesVersion
        {
            Meeting = Meeting,
            Version = 1,
            Text = "v1",
            State = Enum.Parse<MinutesState>(state),
            ApprovedAt = state == "Approved" ? new DateTime(2018, 10, 20, 0, 0, 0, DateTimeKind.Utc) : null,
        },
    };

    // Latest version × command → the event recorded, or the refusal's kind and words.
    [Theory]
    [InlineData("none", MinutesCommand.Draft, "MinutesDrafted")]
    [InlineData("none", MinutesCommand.Share, "Conflict: no minutes yet")]
    [InlineData("none", MinutesCommand.Comment, "Conflict: no minutes to comment on")]
    [InlineData("none", MinutesCommand.Approve, "Conflict: no minutes yet")]
    [InlineData("Draft", MinutesCommand.Draft, "MinutesDrafted")]
    [InlineData("Draft", MinutesCommand.Share, "MinutesShared")]
    [InlineData("Draft", MinutesCommand.Comment, "Conflict: still a draft")]
    [InlineData("Draft", MinutesCommand.Approve, "Conflict: Share version 1 for comments before approving")]
    [InlineData("SharedForComments", MinutesCommand.Draft, "MinutesDrafted")]
    [InlineData("SharedForComments", MinutesCommand.Share, "Conflict: already shared")]
    [InlineData("SharedForComments", MinutesCommand.Comment, "MinutesCommented")]
    [InlineData("SharedForComments", MinutesCommand.Approve, "MinutesApproved")]
    [InlineData("Approved", MinutesCommand.Draft, "Conflict: approved on 2018-10-20 and is locked")]
    [InlineData("Approved", MinutesCommand.Share, "Conflict: already approved and locked")]
    [InlineData("Approved", MinutesCommand.Comment, "Conflict: approved and locked")]
    [InlineData("Approved", MinutesCommand.Approve, "Conflict: already approved and locked")]
    public void Each_command_on_each_state_of_the_minutes(string latest, MinutesCommand command, string expected)
    {
        var result = RecordMinutes.Decide(Meeting, Latest(latest), command, "The text", null);
        Assert.Equal(expected, result.Succeeded ? result.Value!.GetType().Name : $"{result.Error!.Kind}: {Fragment(expected, result.Error.Message)}");
    }

    // Returns the expected words when the message holds them, so a mismatch shows the whole message.
    private static string Fragment(string expected, string message)
    {
        var words = expected[(expected.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        return message.Contains(words, StringComparison.Ordinal) ? words : message;
    }

    [Fact]
    public void A_draft_keeps_its_version_until_approval_and_a_correction_is_a_new_version()
    {
        var redraft = RecordMinutes.Decide(Meeting, Latest("SharedForComments"), MinutesCommand.Draft, " Revised ", null);
        Assert.Equal(new MinutesDrafted(Meeting, 1, "Revised", null), redraft.Value);
        var correction = RecordMinutes.Decide(Meeting, Latest("Approved"), MinutesCommand.Draft, "Corrected", " the date of item 2 ");
        Assert.Equal(new MinutesDrafted(Meeting, 2, "Corrected", "the date of item 2"), correction.Value);
    }

    [Theory]
    [InlineData(MinutesCommand.Draft, "", "text")]
    [InlineData(MinutesCommand.Draft, "long:100001", "text")]
    [InlineData(MinutesCommand.Comment, " ", "text")]
    [InlineData(MinutesCommand.Comment, "long:4001", "text")]
    public void Empty_or_overlong_text_is_refused_naming_the_field(MinutesCommand command, string text, string field)
    {
        var value = text.StartsWith("long:", StringComparison.Ordinal) ? new string('x', int.Parse(text[5..], System.Globalization.CultureInfo.InvariantCulture)) : text;
        var result = RecordMinutes.Decide(Meeting, Latest("SharedForComments"), command, value, null);
        Assert.Equal(field, result.Error?.Field);
        Assert.Equal(ErrorKind.Invalid, result.Error!.Kind);
    }

    // Fixed ids: theory rows are serialized at discovery and must mean the same people when they run.
    private static readonly Guid Ann = new("00000000-0000-0000-0000-000000000001"), Ben = new("00000000-0000-0000-0000-000000000002"), Cat = new("00000000-0000-0000-0000-000000000003"), Dan = new("00000000-0000-0000-0000-000000000004"), Eve = new("00000000-0000-0000-0000-000000000005");

    private static string Name(Guid id) => id == Ann ? "Ann" : id == Ben ? "Ben" : id == Cat ? "Cat" : id == Dan ? "Dan" : id == Eve ? "Eve" : "someone";

    /// <summary>Two seats a side, a difference of none allowed once approved; Ann (A) and Ben (B) seated since 1 March 2019.</summary>
    private static TaskForce Force(CharterState charter) => new()
    {
        Name = "t",
        Purpose = "p",
        Charter = "c",
        Cadence = "FREQ=WEEKLY",
        Zone = "Europe/Moscow",
        CharterState = charter,
        SeatsPerSide = 2,
        AllowedDifference = 0,
        Members =
        [
            new TaskForceMember { Person = Ann, Side = Side.A, Since = new DateOnly(2019, 3, 1) },
            new TaskForceMember { Person = Ben, Side = Side.B, Since = new DateOnly(2019, 3, 1) },
            new TaskForceMember { Person = Eve, Side = Side.A, Since = new DateOnly(2018, 1, 1), Until = new DateOnly(2019, 2, 1) },
        ],
    };

    private static SeatChange Join(Guid person, Side side) => new(person, side, MemberRole.Member);

    public static TheoryData<string, CharterState, SeatChange[], Guid[], string?> RosterCases() => new()
    {
        { "a balanced pair joins", CharterState.Approved, [Join(Cat, Side.A), Join(Dan, Side.B)], [], null },
        { "one side alone, before approval", CharterState.AwaitingApproval, [Join(Cat, Side.A)], [], null },
        { "one side alone, once approved", CharterState.Approved, [Join(Cat, Side.A)], [], "joins: After this change side A would have 2 members and side B 1" },
        { "one side leaves alone, once approved", CharterState.Approved, [], [Ann], "joins: After this change side A would have 0 members and side B 1" },
        { "a person on both sides in one change", CharterState.AwaitingApproval, [Join(Cat, Side.A), Join(Cat, Side.B)], [], "joins: Cat cannot sit on both sides" },
        { "a member joins their own side again", CharterState.AwaitingApproval, [Join(Ann, Side.A)], [], "joins: Ann is already a member of side A" },
        { "a member joins the other side", CharterState.AwaitingApproval, [Join(Ann, Side.B)], [], "joins: Ann already sits on side A" },
        { "a member moves sides by leaving first", CharterState.AwaitingApproval, [Join(Ann, Side.B)], [Ann], null },
        { "a former member returns", CharterState.Approved, [Join(Eve, Side.A), Join(Cat, Side.B)], [], null },
        { "a stranger leaves", CharterState.AwaitingApproval, [], [Dan], "leaves: Dan is not a current member" },
        { "more seats than the charter gives", CharterState.AwaitingApproval, [Join(Cat, Side.A), Join(Dan, Side.A)], [], "joins: After this change a side would have 3 members; the charter gives each side 2 seats" },
    };

    [Theory]
    [MemberData(nameof(RosterCases))]
    public void Roster_changes_keep_one_side_per_person_the_seats_and_the_balance(string change, CharterState charter, SeatChange[] joins, Guid[] leaves, string? refusal)
    {
        var error = Roster.Apply(Force(charter), new DateOnly(2019, 4, 1), joins, leaves, Name);
        Assert.True(refusal is null ? error is null : error is not null && $"{error.Field}: {error.Message}".StartsWith(refusal, StringComparison.Ordinal),
            $"{change}: expected {refusal ?? "acceptance"}, got {(error is null ? "acceptance" : $"{error.Field}: {error.Message}")}");
    }

    [Fact]
    public void A_change_dated_before_the_rosters_last_change_is_refused()
    {
        var error = Roster.Apply(Force(CharterState.AwaitingApproval), new DateOnly(2019, 2, 28), [Join(Cat, Side.A)], [], Name);
        Assert.Equal("on", error?.Field);
        Assert.Contains("before the roster's last change (2019-03-01)", error!.Message);
    }
}
