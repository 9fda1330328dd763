using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

/// <summary>Open a sealed copy: only for a user of the addressee institution, checking both fingerprints.</summary>
public static class OpenCopy
{
    public static async Task<Result<(Attachment Meta, byte[] Content)>> HandleAsync(ParleyDb db, InstitutionKeys keys, Actor actor, Guid letterId, Guid attachmentId, CancellationToken ct)
    {
        var letter = await LetterRegister.LoadAsync(db, letterId, ct);
        var view = letter is null ? LetterView.None : LetterAccess.ViewOf(actor, letter);
        if (view == LetterView.None)
            return CorrespondenceErrors.NoLetter(letterId);
        if (view != LetterView.Full)
            return CorrespondenceErrors.SealedToAddressee;
        var meta = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.LetterId == letterId, ct);
        var blob = await db.SealedBlobs.AsNoTracking().FirstOrDefaultAsync(b => b.AttachmentId == attachmentId, ct);
        if (meta is null || blob is null)
            return CorrespondenceErrors.NoSuchAttachment;
        if (Convert.ToHexStringLower(SHA256.HashData(blob.Ciphertext)) != meta.CiphertextSha256)
            return CorrespondenceErrors.CiphertextAltered;
        byte[] content;
        try
        {
            content = await keys.OpenAsync(actor, letter!.Letter.AddresseeInstitution, blob.Enc, AttachCopy.Info(letterId, attachmentId), blob.Ciphertext, ct);
        }
        catch (CryptographicException)
        {
            return CorrespondenceErrors.CopyDoesNotOpen;
        }
        catch (DomainException e)
        {
            return e.Error;
        }
        return Convert.ToHexStringLower(SHA256.HashData(content)) == meta.PlaintextSha256
            ? Result<(Attachment, byte[])>.Ok((meta, content))
            : CorrespondenceErrors.OpenedCopyAltered;
    }

    public static void Map(RouteGroupBuilder letters) =>
        letters.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (ParleyDb db, InstitutionKeys keys, Actor actor, Guid id, Guid attachmentId, CancellationToken ct) =>
            (await HandleAsync(db, keys, actor, id, attachmentId, ct)).ToHttp(o => Results.File(o.Content, o.Meta.MediaType, o.Meta.Name)))
            .Produces<byte[]>(200, "application/octet-stream").WithSummary("The sealed copy, opened, in its own media type: only for the addressee institution");
}
