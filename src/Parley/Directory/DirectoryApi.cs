using System.ComponentModel.DataAnnotations;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Directory;

public sealed record PersonRequest([property: MaxLength(300)] string? SortName, List<NameEntry>? Names, List<Identifier>? Identifiers, DateOnly? BirthDate, [property: MaxLength(20)] string? Gender);

/// <summary>A person a typed name could mean.</summary>
public sealed record PersonSuggestion(Guid Id, string Name);

public sealed record InstitutionRequest([property: Required] InstitutionKind? Kind, [property: MaxLength(2)] string? CountryCode, Guid? ParentId, List<NameEntry>? Names, List<Identifier>? Identifiers);

public sealed record MembershipRequest(Guid PersonId, Guid InstitutionId, [property: MaxLength(200)] string? Role, [property: MaxLength(200)] string? Party, [property: MaxLength(200)] string? Area, [property: MaxLength(200)] string? Note, DateOnly? Start, DateOnly? End);

public static class DirectoryApi
{
    public static void MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Directory").Requires(Permission.ReadDirectory);
        read.MapGet("/people", (ParleyDb db, string? q, int? page, int? size, CancellationToken ct) =>
            DirectoryQueries.SearchPeopleAsync(db, q, page ?? 1, size ?? 25, ct)).WithSummary("Search people by any name form or identifier");
        read.MapGet("/people/suggestions", async (ParleyDb db, string? q, CancellationToken ct) =>
            (await DirectoryNames.PartlyNamedAsync(db, NameRules.Fold((q ?? "")[..Math.Min(q?.Length ?? 0, 200)]), DirectoryNames.Choices, ct, Web.Languages.Current)).Select(p => new PersonSuggestion(p.Id, p.Name)).ToList())
            .WithSummary("People a form's entry could mean: each typed word starts a word of one of their names (for the forms' suggestions), named in the caller's page language");
        read.MapGet("/people/{id:guid}", async (ParleyDb db, Guid id, CancellationToken ct) =>
            await DirectoryQueries.PersonAsync(db, id, ct) is { } p ? Results.Ok(p) : Results.Problem($"No person {id}.", statusCode: 404))
            .Produces<PersonDetails>().WithSummary("A person with names, identifiers and posts over time");
        read.MapGet("/institutions", (ParleyDb db, string? q, int? page, int? size, CancellationToken ct) =>
            DirectoryQueries.SearchInstitutionsAsync(db, q, page ?? 1, size ?? 25, ct)).WithSummary("Search institutions by any name form or identifier");
        read.MapGet("/institutions/{id:guid}", async (ParleyDb db, TimeProvider clock, Guid id, DateOnly? on, CancellationToken ct) =>
            await DirectoryQueries.InstitutionAsync(db, id, on, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct) is { } i
                ? Results.Ok(i) : Results.Problem($"No institution {id}.", statusCode: 404))
            .Produces<InstitutionDetails>().WithSummary("An institution with its hierarchy, sub-bodies and members (current, or on the date given by ?on=YYYY-MM-DD)");

        var edit = app.MapGroup("/api").WithTags("Directory").Requires(Permission.EditDirectory);
        edit.MapPost("/people", (UseCaseEdge edge, Actor actor, PersonRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => RecordPerson.HandleAsync(s, Guid.CreateVersion7(), ToInput(body), c), id => ApiAnswers.Created($"/api/people/{id}", id), ct)).Creates()
            .WithSummary("Add a person: name forms in each language and script, identifiers, birth date");
        edit.MapPut("/people/{id:guid}", (UseCaseEdge edge, Actor actor, Guid id, PersonRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, async (s, c) => await s.Db.People.FindAsync([id], c) is null
                ? new DomainError("id", $"No person {id}.", ErrorKind.NotFound)
                : await RecordPerson.HandleAsync(s, id, ToInput(body), c), _ => Results.NoContent(), ct)).Done()
            .WithSummary("Change a person's names, identifiers and details (the change is an event; the old values stay in the ledger)");
        edit.MapPost("/institutions", (UseCaseEdge edge, Actor actor, InstitutionRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => RecordInstitution.HandleAsync(s, Guid.CreateVersion7(),
                new InstitutionInput(body.Kind, body.CountryCode, body.ParentId, body.Names, body.Identifiers), c), id => ApiAnswers.Created($"/api/institutions/{id}", id), ct)).Creates()
            .WithSummary("Add an institution: its kind, country, parent and name forms");
        edit.MapPost("/memberships", (UseCaseEdge edge, Actor actor, MembershipRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => RecordMembership.HandleAsync(s, Guid.CreateVersion7(),
                new MembershipInput(body.PersonId, body.InstitutionId, body.Role, body.Party, body.Area, body.Note, body.Start, body.End, "manual"), c),
                id => ApiAnswers.Created($"/api/memberships/{id}", id), ct)).Creates()
            .WithSummary("Record a post: a person's role in an institution from one date to another");
    }

    public static PersonInput ToInput(PersonRequest body) => new(body.SortName, body.Names, body.Identifiers, body.BirthDate, body.Gender);

}
