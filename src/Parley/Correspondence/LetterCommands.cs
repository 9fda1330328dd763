using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Correspondence;

public static class LetterCommands
{
    public static Command VerifyLetter()
    {
        var id = new Argument<string>("ID") { Description = "The letter's id, or its registration number (e.g. 2018/1)" };
        var command = new Command("verify-letter", "Check a letter's chain of custody: each hand-over in the signed tree, signed by both institutions, and each half another node recorded proved in that node's log") { id };
        command.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var db = services.GetRequiredService<ParleyDb>();
            var text = result.GetValue(id)!.Trim();
            var matches = Guid.TryParse(text, out var g) ? [g] : await db.Letters.Where(l => l.Number == text).Select(l => l.Id).ToListAsync(token);
            if (matches.Count > 1)
                return CommandLine.Fail(new DomainError("ID", $"{matches.Count} registries use number {text}; give the letter's id: {string.Join(", ", matches)}."));
            var letterId = matches.FirstOrDefault();
            if (await LetterRegister.LoadAsync(db, letterId, token) is not { } state)
                return CommandLine.Fail(new DomainError("ID", $"No letter '{text}'."));
            CustodyCertificate certificate;
            var store = services.GetRequiredService<StoreSettings>();
            if (store.Secret is not null || KeySecret.FromEnvironment() is not null)
                certificate = await CustodyCertificate.BuildAsync(db, services.GetRequiredService<Checkpoints>(), services.GetRequiredService<LogKey>(), state, token);
            else
            {
                // Without the secret nothing can be signed: check against the latest checkpoint the log issued.
                var latest = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(token);
                if (latest is null || LogKey.ExistingVerifier(store) is not { } verifier)
                    return CommandLine.Fail(new DomainError("secret", "The log has issued no checkpoint yet; give the key-encryption secret (--secret-file) so one can be signed."));
                Console.WriteLine("No key-encryption secret given: checking against the latest checkpoint the log issued.");
                certificate = await CustodyCertificate.BuildAsync(db, latest, await Checkpoints.WithCosignaturesAsync(db, latest, token), verifier, state, token);
            }
            Console.WriteLine($"Letter {state.Letter.Number} ({state.Letter.Id}); checkpoint of size {certificate.Checkpoint.Size}, {(certificate.CheckpointSigned ? "signed by the log key" : "NOT signed by the log key")}.");
            foreach (var c in certificate.Chain)
            {
                Console.WriteLine($"  #{c.LedgerIndex} {c.Handover.At:yyyy-MM-dd HH:mm} {c.Handover.State,-9} in tree: {Mark(c.Included)}  giver: {Mark(c.GiverSignatureValid)}  receiver: {Mark(c.ReceiverSignatureValid)}");
                Console.WriteLine($"      given by {Person(c.Giver)}; {(c.Handover.State == HandoverState.Recorded ? "not yet answered" : "answered by " + Person(c.Receiver))}");
                foreach (var e in c.ProvedElsewhere)
                {
                    var what = e.Half == StepHalf.Given ? "given" : "answered";
                    Console.WriteLine(e.Valid switch
                    {
                        true => $"      {what} on {e.Log}: entry #{e.Index} of its log, proved under its checkpoint of size {e.Size}: valid",
                        false => $"      {what} on {e.Log}: entry #{e.Index} of its log, proof INVALID: {e.Fault}",
                        null => $"      {what} on {e.Log}: entry #{e.Index} of its log, not yet proved (this node fetches the proof from that node)",
                    });
                }
            }
            if (certificate.Acknowledgement is { } acknowledged)
                Console.WriteLine($"  acknowledged by {Person(acknowledged)}");
            Console.WriteLine(certificate.Holds ? "The chain of custody verifies." : "The chain of custody does NOT verify.");
            return certificate.Holds ? 0 : 2;
        }, ct));
        return command;
    }

    private static string Person(PersonalCheck? check) => check is null
        ? "a person without a passkey: only the institution signed it"
        : $"{check.Person}, passkey \"{check.Passkey}\" (#{check.Step}): {(check.Valid ? "valid" : "INVALID")}";

    private static string Mark(bool? ok) => ok switch { true => "valid", false => "INVALID", null => "not yet" };
}
