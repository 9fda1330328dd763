using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Record;

namespace Parley.Federation;

/// <summary>
/// `parley node host INSTITUTION`: this node hosts an institution of its directory. Its keys are made here (if they
/// were not yet) and their public halves published in this node's log with its names, so peers can learn it; the
/// node's message key is published with the first.
/// </summary>
public static class HostInstitution
{
    public static DomainError? Decide(Institution? institution, bool remote, HostedInstitution? hosted, InstitutionKey? keys)
    {
        if (institution is null)
            return new DomainError("institution", "The directory has no such institution; give its id or its exact name.", ErrorKind.NotFound);
        if (remote)
            return new DomainError("institution", $"{institution.Name} is hosted by a peer node; only one node hosts an institution.", ErrorKind.Conflict);
        if (hosted is not null && keys is not null && hosted.SealingKey == keys.SealingKey && hosted.SigningKey == keys.SigningKey)
            return new DomainError("institution", $"This node already hosts {institution.Name} (published at entry {hosted.Index}).", ErrorKind.Conflict);
        return null;
    }

    public static async Task<Result<long>> HandleAsync(WriteScope scope, InstitutionKeys keys, NodeKeys node, string named, CancellationToken ct)
    {
        var db = scope.Db;
        var institution = Guid.TryParse(named, out var id)
            ? await db.Institutions.AsNoTracking().Include(i => i.Names).FirstOrDefaultAsync(i => i.Id == id, ct)
            : await db.Institutions.AsNoTracking().Include(i => i.Names).FirstOrDefaultAsync(i => i.Name == named, ct);
        var remote = institution is not null && await db.RemoteInstitutions.AnyAsync(r => r.InstitutionId == institution.Id, ct);
        var hosted = institution is null ? null : await db.HostedInstitutions.AsNoTracking().FirstOrDefaultAsync(h => h.InstitutionId == institution.Id, ct);
        var existing = institution is null ? null : await db.InstitutionKeys.AsNoTracking().FirstOrDefaultAsync(k => k.InstitutionId == institution.Id, ct);
        if (Decide(institution, remote, hosted, existing) is { } error)
            return error;
        await NodeDescriptions.PublishNodeKeysAsync(scope, node, ct);
        var key = await keys.EnsureAsync(scope, institution!.Id, ct);
        var names = RecordInstitution.FromState(institution).Names;
        var stored = await scope.RecordAsync(new InstitutionHosted(institution.Id, institution.Kind, institution.CountryCode, names, key.SealingKey, key.SigningKey), ct);
        return stored.Sequence;
    }
}
