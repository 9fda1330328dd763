using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Access;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Record;

namespace Parley.Bench;

/// <summary>
/// One custody step as users make it: the giver records a hand-over (signed by its institution key), the
/// receiver confirms it (signed by theirs), and both signatures are verified: four events per operation.
/// </summary>
public class CustodyBenchmarks
{
    private ServiceProvider _services = null!;
    private (Actor User, Guid Institution) _a, _b;
    private Guid _letter;
    private bool _forward = true;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _services = await BenchStore.ServicesAsync(Provider);
        var a = await AddInstitutionAsync("Office A");
        var b = await AddInstitutionAsync("Office B");
        (_a, _b) = ((Principal(a), a), (Principal(b), b));
        _letter = await WriteAsync((s, keys, ct) => RegisterLetter.HandleAsync(s, keys, _a.User, new RegisterLetterInput(LetterDirection.Outgoing,
            new DateOnly(2018, 8, 1), a, null, b, null, "Benchmark letter", [], null, "en", null, null), ct));
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _services.DisposeAsync();

    [Benchmark(Description = "hand over + confirm (2 signatures made, 2 verified, 4 events)")]
    public async Task<bool> HandOverAndConfirm()
    {
        var (giver, receiver) = _forward ? (_a, _b) : (_b, _a);
        _forward = !_forward;
        var handover = await WriteAsync((s, keys, ct) => HandOver.HandleAsync(s, keys, giver.User, _letter,
            new HandoverInput(receiver.Institution, null, null, null, null), DateTime.UtcNow, null, ct));
        await WriteAsync((s, keys, ct) => AnswerHandover.HandleAsync(s, keys, receiver.User, _letter, handover, true, true, null, DateTime.UtcNow, null, ct));
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        var h = await db.Handovers.AsNoTracking().SingleAsync(x => x.Id == handover);
        var bytes = (await db.Events.AsNoTracking().SingleAsync(e => e.Sequence == h.RecordedIndex)).ToCanonical().Encode();
        var keysById = await db.InstitutionKeys.AsNoTracking().ToDictionaryAsync(k => k.InstitutionId);
        return InstitutionKeys.Verify(keysById[h.FromInstitution].SigningKey, bytes, h.GiverSignature!)
            && InstitutionKeys.Verify(keysById[h.ToInstitution].SigningKey, bytes, h.ReceiverSignature!);
    }

    private static Actor Principal(Guid institution) => Actor.Of("bench", institution);

    private Task<Guid> AddInstitutionAsync(string name) => WriteAsync((s, _, ct) =>
        RecordInstitution.HandleAsync(s, Guid.CreateVersion7(), new InstitutionInput(InstitutionKind.Other, null, null, [new NameEntry(name, "en")], []), ct));

    private async Task<Guid> WriteAsync(Func<WriteScope, InstitutionKeys, CancellationToken, Task<Result<Guid>>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<InstitutionKeys>();
        var result = await scope.ServiceProvider.GetRequiredService<Recorder>().WriteAsync("bench", (s, ct) => work(s, keys, ct));
        return result.Succeeded ? result.Value : throw new InvalidOperationException(result.Error!.Message);
    }
}
