using Parley.Correspondence;

namespace Parley.Tests.CorrespondenceSlice;

/// <summary>
/// The tally a step keeps on the letter, step by step, is the tally of the whole history: over random custody stories with
/// hand-overs in and out of order, confirmations with seals broken or not, disputes anywhere in the chain and new routes.
/// </summary>
public sealed class CustodyTallyTests
{
    private static readonly Guid[] Institutions = [.. Enumerable.Range(1, 4).Select(i => new Guid($"00000000-0000-0000-0000-00000000000{i}"))];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Each_step_keeps_the_tally_of_the_whole_history(int seed)
    {
        var random = new Random(seed);
        var route = RandomRoute(random);
        var handovers = new List<Handover>();
        var tally = CustodyTally.None;
        var (kept, recounted) = (0, 0);
        var at = new DateTime(2018, 8, 3, 9, 0, 0, DateTimeKind.Utc);
        for (var step = 0; step < 400; step++)
        {
            var waiting = handovers.Where(h => h.State == HandoverState.Recorded).ToList();
            var roll = random.Next(100);
            CustodyTally? next;
            if (roll < 45 || waiting.Count == 0)
            {
                // Mostly later than the chain's end; now and then at the same minute, or earlier (which no decision allows).
                at = roll % 9 == 0 ? at.AddMinutes(-random.Next(1, 300)) : roll % 5 == 0 ? at : at.AddMinutes(random.Next(1, 120));
                var h = new Handover
                {
                    Id = Guid.NewGuid(),
                    FromInstitution = Institutions[random.Next(4)],
                    ToInstitution = Institutions[random.Next(4)],
                    ToPerson = random.Next(6) == 0 ? Guid.NewGuid() : null,
                    At = at,
                    SealIntact = random.Next(10) > 0,
                    State = HandoverState.Recorded,
                    RecordedIndex = step,
                };
                handovers.Add(h);
                next = tally.Recorded(route, h);
            }
            else if (roll < 85)
            {
                var h = waiting[random.Next(waiting.Count)];
                var (before, wasBroken) = (h.State, CustodyTally.Broken(h));
                (h.State, h.AnsweredAt, h.SealIntactOnReceipt) = (HandoverState.Confirmed, h.At.AddMinutes(30), random.Next(8) > 0);
                next = tally.Confirmed(h, before, wasBroken);
            }
            else if (roll < 95)
            {
                var h = waiting[random.Next(waiting.Count)];
                (h.State, h.AnsweredAt, h.DisputeReason) = (HandoverState.Disputed, h.At.AddMinutes(30), "not received");
                next = null; // the projection recounts after a dispute
            }
            else
            {
                route = RandomRoute(random);
                next = null; // and after a new route
            }
            (kept, recounted) = next is null ? (kept, recounted + 1) : (kept + 1, recounted);
            tally = next ?? CustodyTally.Of(route, handovers);
            Assert.Equal(CustodyTally.Of(route, handovers), tally);
        }
        // The story exercised both paths, and mostly the one whose cost does not grow with the history.
        Assert.True(kept > recounted, $"{kept} steps kept the tally, {recounted} recounted");
    }

    private static List<RouteLeg> RandomRoute(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 5)).Select(i => new RouteLeg { Order = i, ToInstitution = Institutions[random.Next(4)], DueHours = 48 }).Reverse()];
}
