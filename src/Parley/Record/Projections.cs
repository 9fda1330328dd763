using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Correspondence;
using Parley.Demo;
using Parley.Directory;

namespace Parley.Record;

/// <summary>Routes each event to the projection of its feature. The only code that writes projection tables.</summary>
public static class Projections
{
    public static ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct) => e switch
    {
        DirectoryEvent d => DirectoryProjection.ApplyAsync(db, d, ct),
        AccessEvent a => AccessProjection.ApplyAsync(db, a, stored, ct),
        CorrespondenceEvent c => CorrespondenceProjection.ApplyAsync(db, c, stored, ct),
        Statements.StatementEvent s => Statements.StatementsProjection.ApplyAsync(db, s, stored, ct),
        Engagements.EngagementEvent g => Engagements.EngagementsProjection.ApplyAsync(db, g, stored, ct),
        DemoLoaded => ValueTask.CompletedTask,
        WitnessAdded w => AddWitness(db, w),
        _ => throw new InvalidOperationException($"No projection handles {e.GetType().Name}."),
    };

    private static ValueTask AddWitness(ParleyDb db, WitnessAdded w)
    {
        db.Witnesses.Add(new Witness { Name = w.Name, VerifierKey = w.VerifierKey });
        return ValueTask.CompletedTask;
    }

    /// <summary>Projection tables in an order safe for deleting (children first).</summary>
    public static IReadOnlyList<IQueryable<object>> Tables(ParleyDb db) =>
    [
        db.FeedTokens.OrderBy(x => x.Id),
        db.CalendarPeriods.OrderBy(x => x.Id),
        db.BusyTimes.OrderBy(x => x.Id),
        db.Encounters.OrderBy(x => x.Meeting).ThenBy(x => x.PersonA).ThenBy(x => x.PersonB),
        db.Actions.OrderBy(x => x.Id),
        db.Minutes.OrderBy(x => x.Meeting).ThenBy(x => x.Version),
        db.Meetings.OrderBy(x => x.Id),
        db.Visits.OrderBy(x => x.Id),
        db.Proposals.OrderBy(x => x.Id),
        db.TaskForces.OrderBy(x => x.Id),
        db.Commitments.OrderBy(x => x.Id),
        db.Statements.OrderBy(x => x.Id),
        db.StatementSources.OrderBy(x => x.Sha256),
        db.Attachments.OrderBy(x => x.Id),
        db.LetterParties.OrderBy(x => x.LetterId).ThenBy(x => x.InstitutionId),
        db.Handovers.OrderBy(x => x.Id),
        db.Letters.OrderBy(x => x.Id),
        db.InstitutionKeys.OrderBy(x => x.InstitutionId),
        db.Memberships.OrderBy(x => x.Id),
        db.Tokens.OrderBy(x => x.Id),
        db.Accounts.OrderBy(x => x.Id),
        db.People.OrderBy(x => x.Id),
        db.Institutions.OrderBy(x => x.Id),
        db.Countries.OrderBy(x => x.Code),
        db.Witnesses.OrderBy(x => x.Name),
    ];

    /// <summary>Puts a row's owned collections in their canonical order, since databases return them in any order.</summary>
    public static void Canonicalize(object row)
    {
        switch (row)
        {
            case Person p:
                NameRules.Canonicalize(p.Names);
                NameRules.Canonicalize(p.Identifiers);
                break;
            case Institution i:
                NameRules.Canonicalize(i.Names);
                NameRules.Canonicalize(i.Identifiers);
                break;
            case Account a:
                a.Roles.Sort((x, y) => x.Role.CompareTo(y.Role));
                break;
            case Letter l:
                l.Route.Sort((x, y) => x.Order.CompareTo(y.Order));
                break;
            case Engagements.Meeting m:
                m.Participants.Sort((x, y) => x.Person.CompareTo(y.Person));
                m.Agenda.Sort((x, y) => x.Order.CompareTo(y.Order));
                break;
            case Engagements.MinutesVersion mv:
                mv.Comments.Sort((x, y) => x.At != y.At ? x.At.CompareTo(y.At) : string.CompareOrdinal(x.Text, y.Text));
                break;
            case Engagements.Visit v:
                v.Travellers.Sort((x, y) => x.Person.CompareTo(y.Person));
                break;
            case Engagements.Proposal pr:
                pr.Window.Sort((x, y) => x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind) : Nullable.Compare(x.Date, y.Date) is var d && d != 0 ? d : Nullable.Compare(x.Chamber, y.Chamber));
                break;
            case Engagements.TaskForce t:
                t.Members.Sort((x, y) => x.Person != y.Person ? x.Person.CompareTo(y.Person) : x.Since.CompareTo(y.Since));
                break;
            case Statements.Statement st:
                st.Links.Sort((x, y) => x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind) : x.Target.CompareTo(y.Target));
                break;
        }
    }

    public static async Task ClearAsync(ParleyDb db, CancellationToken ct)
    {
        await db.FeedTokens.ExecuteDeleteAsync(ct);
        await db.CalendarPeriods.ExecuteDeleteAsync(ct);
        await db.BusyTimes.ExecuteDeleteAsync(ct);
        await db.Encounters.ExecuteDeleteAsync(ct);
        await db.Actions.ExecuteDeleteAsync(ct);
        await db.Minutes.ExecuteDeleteAsync(ct);
        await db.Meetings.ExecuteDeleteAsync(ct);
        await db.Visits.ExecuteDeleteAsync(ct);
        await db.Proposals.ExecuteDeleteAsync(ct);
        await db.TaskForces.ExecuteDeleteAsync(ct);
        await db.Commitments.ExecuteDeleteAsync(ct);
        await db.Statements.ExecuteDeleteAsync(ct);
        await db.StatementSources.ExecuteDeleteAsync(ct);
        await db.Attachments.ExecuteDeleteAsync(ct);
        await db.LetterParties.ExecuteDeleteAsync(ct);
        await db.Handovers.ExecuteDeleteAsync(ct);
        await db.Letters.ExecuteDeleteAsync(ct);
        await db.InstitutionKeys.ExecuteDeleteAsync(ct);
        await db.Memberships.ExecuteDeleteAsync(ct);
        await db.Tokens.ExecuteDeleteAsync(ct);
        await db.Accounts.ExecuteDeleteAsync(ct);
        await db.People.ExecuteDeleteAsync(ct);
        await db.Institutions.Where(i => i.ParentId != null).ExecuteDeleteAsync(ct);
        await db.Institutions.ExecuteDeleteAsync(ct);
        await db.Countries.ExecuteDeleteAsync(ct);
        await db.Witnesses.ExecuteDeleteAsync(ct);
    }
}
