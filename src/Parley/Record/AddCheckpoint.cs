using Microsoft.EntityFrameworkCore;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>A C2SP tlog-witness add-checkpoint request: the old size, the consistency proof, the signed checkpoint.</summary>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<byte[]> Proof, SignedNote Note, Checkpoint Checkpoint);

/// <summary>The witness's answer: a cosignature line, a 409 with the size it last cosigned, or a refusal with its status.</summary>
public abstract record WitnessAnswer
{
    public sealed record Cosigned(string Lines) : WitnessAnswer;

    public sealed record Behind(long Size) : WitnessAnswer;

    public sealed record Refused(int Status, string Reason) : WitnessAnswer;
}

/// <summary>
/// Parley as a witness (C2SP tlog-witness <c>add-checkpoint</c>): a checkpoint of a log this node trusts, signed by
/// that log's key and consistent with the latest checkpoint this node cosigned for it, is kept and cosigned
/// (cosignature/v1). The checks and their answers are the spec's; a checkpoint that contradicts the one cosigned
/// at the same size is refused and kept as evidence of a split view.
/// </summary>
public static class AddCheckpoint
{
    private const int MaxProofLines = 63;

    /// <summary>Reads the request body; a malformed one is a 400 naming what is wrong.</summary>
    public static Result<AddCheckpointRequest> Parse(string body)
    {
        var lines = body.Split('\n');
        if (lines.Length < 2 || !lines[0].StartsWith("old ", StringComparison.Ordinal) || TextFields.Decimal(lines[0][4..]) is not { } old)
            return new DomainError("body", "The first line must be \"old <size>\" (a decimal with no leading zeroes).");
        var proof = new List<byte[]>();
        var i = 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            var hash = TextFields.Base64(lines[i]);
            if (hash is not { Length: 32 })
                return new DomainError("body", $"Line {i + 1} must be a consistency proof hash (32 bytes, base64), or the empty line before the checkpoint.");
            proof.Add(hash);
        }
        if (proof.Count > MaxProofLines)
            return new DomainError("body", $"At most {MaxProofLines} consistency proof lines.");
        if (i >= lines.Length)
            return new DomainError("body", "An empty line must separate the proof from the checkpoint.");
        try
        {
            var note = SignedNote.Parse(string.Join('\n', lines[(i + 1)..]));
            return new AddCheckpointRequest(old, proof, note, Checkpoint.Parse(note.Text));
        }
        catch (FormatException e)
        {
            return new DomainError("body", $"The checkpoint does not read: {e.Message}");
        }
    }

    /// <summary>The spec's checks, in its order, on a parsed request against the trusted key and the latest cosigned state.</summary>
    public static WitnessAnswer? Decide(AddCheckpointRequest request, NoteVerifier? trusted, WitnessState? latest)
    {
        if (trusted is null)
            return new WitnessAnswer.Refused(StatusCodes.Status404NotFound, $"This witness does not know the log {request.Checkpoint.Origin}.");
        try
        {
            request.Note.Verify([trusted]);
        }
        catch (FormatException e)
        {
            return new WitnessAnswer.Refused(StatusCodes.Status403Forbidden, e.Message);
        }
        var (old, size) = (request.OldSize, request.Checkpoint.Size);
        if (old > size)
            return new WitnessAnswer.Refused(StatusCodes.Status400BadRequest, $"The old size {old} is above the checkpoint's size {size}.");
        if (old != (latest?.Size ?? 0))
            return new WitnessAnswer.Behind(latest?.Size ?? 0);
        if (size == 0 && !request.Checkpoint.Root.AsSpan().SequenceEqual(MerkleHash.Empty()))
            return new WitnessAnswer.Refused(StatusCodes.Status422UnprocessableEntity, "A checkpoint of size 0 must have the empty tree's root.");
        if (old == 0)
            return request.Proof.Count == 0 ? null : new WitnessAnswer.Refused(StatusCodes.Status422UnprocessableEntity, "From size 0 the consistency proof must be empty.");
        if (old == size)
            return latest!.Root.AsSpan().SequenceEqual(request.Checkpoint.Root)
                ? null
                : new WitnessAnswer.Refused(StatusCodes.Status422UnprocessableEntity, $"Split view: this log signed another root for size {size} than the one this witness cosigned.");
        try
        {
            Proofs.VerifyConsistency(old, size, request.Proof, latest!.Root, request.Checkpoint.Root);
        }
        catch (ProofException e)
        {
            return new WitnessAnswer.Refused(StatusCodes.Status422UnprocessableEntity, $"The consistency proof from {old} to {size} does not verify: {e.Message}");
        }
        return null;
    }

    public static async Task<WitnessAnswer> HandleAsync(ParleyDb db, WitnessKey key, TimeProvider clock, string body, CancellationToken ct)
    {
        var parsed = Parse(body);
        if (!parsed.Succeeded)
            return new WitnessAnswer.Refused(StatusCodes.Status400BadRequest, parsed.Error!.Message);
        var request = parsed.Value!;
        var origin = request.Checkpoint.Origin;
        var trusted = await db.TrustedLogs.AsNoTracking().FirstOrDefaultAsync(t => t.Origin == origin, ct);
        var latest = await db.WitnessStates.AsNoTracking().FirstOrDefaultAsync(s => s.Origin == origin, ct);
        var answer = Decide(request, trusted is null ? null : NoteVerifier.Parse(trusted.VerifierKey), latest);
        if (answer is WitnessAnswer.Refused { Status: StatusCodes.Status422UnprocessableEntity } && latest is not null && request.OldSize == request.Checkpoint.Size)
        {
            db.SplitViews.Add(new SplitViewEvidence
            {
                Id = Guid.CreateVersion7(),
                Origin = origin,
                Size = request.Checkpoint.Size,
                CosignedNote = latest.Note,
                ConflictingNote = request.Note.ToString(),
                ReceivedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }
        if (answer is not null)
            return answer;
        // Checking the old size and keeping the new checkpoint are one statement, so two requests cannot roll the state back.
        var note = request.Note.ToString();
        var updated = latest is null
            ? await InsertAsync(db, new WitnessState { Origin = origin, Size = request.Checkpoint.Size, Root = request.Checkpoint.Root, Note = note }, ct)
            : await db.WitnessStates.Where(s => s.Origin == origin && s.Size == request.OldSize)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Size, request.Checkpoint.Size).SetProperty(s => s.Root, request.Checkpoint.Root).SetProperty(s => s.Note, note), ct);
        if (updated == 0)
            return new WitnessAnswer.Behind((await db.WitnessStates.AsNoTracking().FirstAsync(s => s.Origin == origin, ct)).Size);
        return new WitnessAnswer.Cosigned(key.Cosign(request.Note.Text, clock.GetUtcNow()));
    }

    private static async Task<int> InsertAsync(ParleyDb db, WitnessState state, CancellationToken ct)
    {
        db.WitnessStates.Add(state);
        try
        {
            return await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request cosigned this log first.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}
