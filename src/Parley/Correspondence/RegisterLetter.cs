using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

public sealed record RegisterLetterInput(
    [property: Required] LetterDirection? Direction, [property: Required] DateOnly? Dated, [property: Required] Guid? SenderInstitution, Guid? SenderPerson, [property: Required] Guid? AddresseeInstitution, Guid? AddresseePerson,
    [property: Required, MaxLength(500)] string? Subject, [property: ItemMaxLength(100)] List<string>? Topics, [property: MaxLength(100)] string? Classification, [property: MaxLength(12)] string? Language, DateOnly? ReplyBy, Guid? InReplyTo,
    DateOnly? Embargo = null, Guid? CopyOf = null, Guid? TranslationOf = null);

/// <summary>Register a letter in the signed-in user's registry; its number is the registry's next of the letter's year.</summary>
public static class RegisterLetter
{
    public const Permission Needs = Permission.RegisterLetters;

    /// <summary>What the store says about the ids the input names, loaded before deciding.</summary>
    public sealed record Known(
        IReadOnlySet<Guid> Institutions, IReadOnlySet<Guid> People, IReadOnlySet<Guid> Letters, int RegisteredThisYear, string RegistryName);

    /// <summary>The decision: the registration event, or the first rule the input breaks.</summary>
    public static Result<LetterRegistered> Decide(RegisterLetterInput input, Known known, Actor actor, Guid id, string numberFormat)
    {
        if (actor.Institution is not { } registry)
            return CorrespondenceErrors.NoInstitutionForUser;
        if (input.Direction is not { } direction)
            return CorrespondenceErrors.Required("direction");
        if (input.Dated is not { } dated)
            return CorrespondenceErrors.Required("dated");
        if (input.SenderInstitution is not { } sender)
            return CorrespondenceErrors.Required("senderInstitution");
        if (input.AddresseeInstitution is not { } addressee)
            return CorrespondenceErrors.Required("addresseeInstitution");
        if (string.IsNullOrWhiteSpace(input.Subject) || input.Subject.Length > 500)
            return CorrespondenceErrors.SubjectMissingOrLong;
        var topics = Topics(input);
        if (topics.Count > 20 || topics.Any(t => t.Length > 100 || t.Contains('|', StringComparison.Ordinal)))
            return CorrespondenceErrors.TopicsInvalid;
        if (input.ReplyBy is { } replyBy && replyBy < dated)
            return CorrespondenceErrors.ReplyByBeforeDate;
        foreach (var (field, institution) in new[] { ("senderInstitution", sender), ("addresseeInstitution", addressee) })
        {
            if (!known.Institutions.Contains(institution))
                return CorrespondenceErrors.UnknownInstitution(field, institution);
        }
        foreach (var (field, named) in new[] { ("senderPerson", input.SenderPerson), ("addresseePerson", input.AddresseePerson) })
        {
            if (named is { } person && !known.People.Contains(person))
                return CorrespondenceErrors.UnknownPerson(field, person);
        }
        foreach (var (field, linked) in Links(input))
        {
            if (linked is { } other && !known.Letters.Contains(other))
                return CorrespondenceErrors.UnknownLinkedLetter(field, other);
        }
        if (input.Classification is { Length: > 100 })
            return CorrespondenceErrors.MarkingTooLong("classification");
        if (input.Language is { Length: > 12 })
            return CorrespondenceErrors.MarkingTooLong("language");
        var number = Numbering.Format(numberFormat, dated.Year, known.RegisteredThisYear + 1, known.RegistryName);
        return new LetterRegistered(id, registry, number, direction, dated, sender, input.SenderPerson, addressee, input.AddresseePerson,
            input.Subject.Trim(), topics, input.Classification, input.Language ?? "en", input.ReplyBy, input.InReplyTo,
            input.Embargo, input.CopyOf, input.TranslationOf);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, InstitutionKeys keys, Actor actor, RegisterLetterInput input, CancellationToken ct,
        string? numberFormat = null)
    {
        var decided = Decide(input, await KnownAsync(scope.Db, input, actor, ct), actor, Guid.CreateVersion7(), numberFormat ?? Numbering.Configured);
        if (!decided.Succeeded)
            return decided.Error!;
        var registered = decided.Value!;
        // The addressee's sealing key exists before anything can be sealed to it.
        await keys.EnsureAsync(scope, registered.AddresseeInstitution, ct);
        await scope.RecordAsync(registered, ct);
        return Result<Guid>.Ok(registered.Id);
    }

    public static void Map(RouteGroupBuilder letters) =>
        letters.MapPost("/", (UseCaseEdge edge, InstitutionKeys keys, Actor actor, RegisterLetterInput body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, keys, actor, body, c), id => ApiAnswers.Created($"/api/letters/{id}", id), ct))
            .Requires(Needs).Creates().WithSummary("Register a letter in the caller's registry; its number is the registry's next of the letter's year");

    private static List<string> Topics(RegisterLetterInput input) =>
        (input.Topics ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();

    private static (string Field, Guid? Id)[] Links(RegisterLetterInput input) =>
        [("inReplyTo", input.InReplyTo), ("copyOf", input.CopyOf), ("translationOf", input.TranslationOf)];

    private static async Task<Known> KnownAsync(ParleyDb db, RegisterLetterInput input, Actor actor, CancellationToken ct)
    {
        var institutions = new[] { input.SenderInstitution, input.AddresseeInstitution }.OfType<Guid>().ToList();
        var people = new[] { input.SenderPerson, input.AddresseePerson }.OfType<Guid>().ToList();
        var letters = Links(input).Select(l => l.Id).OfType<Guid>().ToList();
        var registry = actor.Institution ?? Guid.Empty;
        var year = input.Dated?.Year ?? 1;
        var yearStart = new DateOnly(year, 1, 1);
        // The year 9999 has no next year to stop at.
        var yearEnd = year < 9999 ? new DateOnly(year + 1, 1, 1).AddDays(-1) : DateOnly.MaxValue;
        return new Known(
            (await db.Institutions.Where(i => institutions.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet(),
            (await db.People.Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet(),
            (await db.Letters.Where(l => letters.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct)).ToHashSet(),
            await db.Letters.CountAsync(l => l.Registry == registry && l.Dated >= yearStart && l.Dated <= yearEnd, ct),
            await db.Institutions.Where(i => i.Id == registry).Select(i => i.Name).FirstOrDefaultAsync(ct) ?? "");
    }
}
