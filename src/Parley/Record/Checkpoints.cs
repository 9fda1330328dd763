using Microsoft.EntityFrameworkCore;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>Signs and keeps checkpoints. A checkpoint for the current size is always available.</summary>
public sealed class Checkpoints(ParleyDb db, LogKey key, TimeProvider clock)
{
    /// <summary>The signed note for the tree's current size (signed now if this size was never served), with cosignatures.</summary>
    public async Task<(StoredCheckpoint Checkpoint, string Note)> CurrentAsync(CancellationToken ct)
    {
        var size = await LedgerNodes.SizeAsync(db, ct);
        var stored = await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Size == size, ct)
            ?? await IssueAsync(size, ct);
        return (stored, await WithCosignaturesAsync(stored, ct));
    }

    /// <summary>The checkpoint the log signed for <paramref name="size"/>, with its cosignatures, or null when it never signed that size.</summary>
    public async Task<string?> AtSizeAsync(long size, CancellationToken ct) =>
        await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Size == size, ct) is { } stored ? await WithCosignaturesAsync(stored, ct) : null;

    public Task<string> WithCosignaturesAsync(StoredCheckpoint checkpoint, CancellationToken ct) => WithCosignaturesAsync(db, checkpoint, ct);

    /// <summary>A stored checkpoint's note with the witnesses' cosignatures; needs no key, so it serves offline checks.</summary>
    public static async Task<string> WithCosignaturesAsync(ParleyDb db, StoredCheckpoint checkpoint, CancellationToken ct)
    {
        var lines = await db.Cosignatures.AsNoTracking().Where(c => c.Size == checkpoint.Size).OrderBy(c => c.Witness).Select(c => c.Line).ToListAsync(ct);
        return checkpoint.Note + string.Concat(lines);
    }

    private async Task<StoredCheckpoint> IssueAsync(long size, CancellationToken ct)
    {
        var root = await LedgerNodes.RootAsync(db, size, ct);
        var note = new Checkpoint(key.Origin, size, root).Sign(key.Signer).ToString();
        var stored = new StoredCheckpoint { Size = size, Root = root, Note = note, IssuedAt = clock.GetUtcNow().UtcDateTime };
        db.Checkpoints.Add(stored);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request served this size first; Ed25519 is deterministic, so its note is the same.
            db.ChangeTracker.Clear();
            return await db.Checkpoints.AsNoTracking().FirstAsync(c => c.Size == size, ct);
        }
        db.Entry(stored).State = EntityState.Detached;
        return stored;
    }

    /// <summary>Verifies a witness's signature on a checkpoint this log issued and keeps it.</summary>
    public async Task<Result<long>> AddCosignatureAsync(string note, CancellationToken ct)
    {
        SignedNote parsed;
        Checkpoint checkpoint;
        try
        {
            parsed = SignedNote.Parse(note);
            checkpoint = Checkpoint.Parse(parsed.Text);
        }
        catch (FormatException e)
        {
            return new DomainError("note", e.Message);
        }
        var stored = await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Size == checkpoint.Size, ct);
        if (stored is null || checkpoint.Origin != key.Origin || !stored.Root.AsSpan().SequenceEqual(checkpoint.Root))
            return new DomainError("note", "This log never issued that checkpoint.", ErrorKind.NotFound);
        var witnesses = (await db.Witnesses.AsNoTracking().ToListAsync(ct)).Select(w => NoteVerifier.Parse(w.VerifierKey)).ToList();
        IReadOnlyList<NoteVerifier> signers;
        try
        {
            signers = parsed.Verify([key.Signer.Verifier, .. witnesses]);
        }
        catch (FormatException e)
        {
            return new DomainError("note", $"{e.Message} Configured witnesses: {string.Join(", ", witnesses.Select(w => w.Name))}.", ErrorKind.Forbidden);
        }
        // A cosignature is over the checkpoint as the log signed it: a note without the log's own signature is no checkpoint of this log.
        if (!signers.Contains(key.Signer.Verifier))
            return new DomainError("note", "The note does not carry this log's signature; post the checkpoint as served, with your cosignature line added.", ErrorKind.Forbidden);
        foreach (var signer in signers.Where(s => s != key.Signer.Verifier))
        {
            var line = parsed.Signatures.First(s => s.Name == signer.Name && s.KeyId == signer.KeyId).Line;
            if (!await db.Cosignatures.AnyAsync(c => c.Size == checkpoint.Size && c.Witness == signer.Name, ct))
                db.Cosignatures.Add(new Cosignature { Size = checkpoint.Size, Witness = signer.Name, Line = line });
        }
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(checkpoint.Size);
    }
}
