using System.Security.Cryptography;
using System.Text;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

/// <summary>
/// Attach a copy of a letter: it is sealed to the addressee institution's key (HPKE) and only its name, size
/// and fingerprints enter the record.
/// </summary>
public static class AttachCopy
{
    public const Permission Needs = Permission.RegisterLetters;
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Checked before a file is read, so an oversized upload is refused without buffering it.</summary>
    public static DomainError? CheckSize(long bytes) =>
        bytes > MaxBytes ? CorrespondenceErrors.AttachmentTooLarge(bytes) : bytes == 0 ? CorrespondenceErrors.AttachmentEmpty : null;

    public static DomainError? Decide(LetterState letter, string name, long bytes, Actor actor)
    {
        if (LetterAccess.ViewOf(actor, letter) == LetterView.None)
            return CorrespondenceErrors.NoLetter(letter.Letter.Id);
        if (actor.Institution is not { } institution)
            return CorrespondenceErrors.NoInstitutionForUser;
        if (institution != letter.Letter.Registry && institution != letter.Letter.SenderInstitution)
            return CorrespondenceErrors.NotTheSendersOfficeToAttach;
        if (CheckSize(bytes) is { } size)
            return size;
        return string.IsNullOrWhiteSpace(name) || name.Length > 200 ? CorrespondenceErrors.AttachmentName : null;
    }

    /// <summary>An uploaded copy, read into memory before the write starts.</summary>
    public sealed record Upload(string Name, string MediaType, byte[] Content);

    /// <summary>Refuses a missing or oversized upload before reading it; for the API and the letter page alike.</summary>
    public static async Task<Result<Upload>> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
            return CorrespondenceErrors.NoFileChosen;
        if (CheckSize(file.Length) is { } size)
            return size;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new Upload(file.FileName, file.ContentType, buffer.ToArray());
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, InstitutionKeys keys, Actor actor, Guid letterId, Upload upload, CancellationToken ct)
    {
        var letter = await LetterRegister.RequireAsync(scope, letterId, ct);
        if (Decide(letter, upload.Name, upload.Content.Length, actor) is { } error)
            return error;
        var key = await keys.EnsureAsync(scope, letter.Letter.AddresseeInstitution, ct);
        var id = Guid.CreateVersion7();
        var (enc, ciphertext) = Hpke.Seal(Convert.FromBase64String(key.SealingKey), Info(letterId, id), [], upload.Content);
        scope.Db.SealedBlobs.Add(new SealedBlob { AttachmentId = id, Enc = enc, Ciphertext = ciphertext });
        await scope.RecordAsync(new AttachmentSealed(letterId, id, upload.Name, upload.MediaType, upload.Content.Length,
            Convert.ToHexStringLower(SHA256.HashData(upload.Content)), Convert.ToHexStringLower(SHA256.HashData(ciphertext))), ct);
        return Result<Guid>.Ok(id);
    }

    public static void Map(RouteGroupBuilder letters) =>
        letters.MapPost("/{id:guid}/attachments", async (UseCaseEdge edge, InstitutionKeys keys, Actor actor, Guid id, IFormFile file, CancellationToken ct) =>
        {
            var read = await ReadAsync(file, ct);
            return read.Succeeded
                ? await edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, keys, actor, id, read.Value!, c), a => ApiAnswers.Created($"/api/letters/{id}/attachments/{a}", a), ct)
                : read.Error!.ToProblem();
        })
            .Requires(Needs).DisableAntiforgery().WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.Attachment))
            .WithSummary("Attach a copy; it is sealed to the addressee institution (HPKE) and only fingerprints enter the record").Creates();

    /// <summary>HPKE's info binds a sealed copy to its letter and attachment.</summary>
    public static byte[] Info(Guid letterId, Guid attachmentId) => Encoding.UTF8.GetBytes($"parley/letter/{letterId}/attachment/{attachmentId}");
}
