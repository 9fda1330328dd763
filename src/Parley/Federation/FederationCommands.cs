using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>`parley node …` (what this node hosts and publishes) and `parley peer …` (the nodes it exchanges letters with).</summary>
public static class FederationCommands
{
    public static Command Node()
    {
        var institution = new Argument<string>("INSTITUTION") { Description = "The institution's id, or its exact name in the directory" };
        var host = new Command("host", "Host an institution on this node: make its keys here and publish their public halves in this node's log") { institution };
        host.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var node = NodeKeys.Of(services);
            var keys = services.GetRequiredService<InstitutionKeys>();
            var outcome = await services.GetRequiredService<Recorder>().WriteAsync("cli",
                (scope, c) => HostInstitution.HandleAsync(scope, keys, node, result.GetValue(institution)!, c), token);
            if (!outcome.Succeeded)
                return CommandLine.Fail(outcome.Error!);
            Console.WriteLine($"This node hosts {result.GetValue(institution)}; its keys are published at entry {outcome.Value} of {node.Origin}.");
            return 0;
        }, ct));
        var show = new Command("show", "Print this node's log origin and key (what a peer needs), its message key and the institutions it hosts");
        show.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var db = services.GetRequiredService<ParleyDb>();
            var log = services.GetRequiredService<LogKey>();
            Console.WriteLine($"log origin   {log.Origin}");
            Console.WriteLine($"log key      {log.VerifierKey}");
            var identity = await db.NodeIdentity.AsNoTracking().Where(n => n.Id == 1).FirstOrDefaultAsync(token);
            Console.WriteLine(identity is null ? "message key  not published yet" : $"message key  {identity.VerifierKey} (entry {identity.Index})");
            if (identity?.WitnessKey is { } witness)
                Console.WriteLine($"witness key  {witness} (entry {identity.WitnessIndex})");
            var hosted = await db.HostedInstitutions.AsNoTracking().OrderBy(h => h.Index).ToListAsync(token);
            var names = await Directory.DirectoryNames.NamesAsync(db, hosted.Select(h => h.InstitutionId), token);
            foreach (var h in hosted)
                Console.WriteLine($"hosts        {names.GetValueOrDefault(h.InstitutionId, h.InstitutionId.ToString())} ({h.InstitutionId}, entry {h.Index})");
            return 0;
        }, ct));
        return new Command("node", "This node: the institutions it hosts and what it publishes about them") { host, show };
    }

    public static Command Peer()
    {
        var url = new Argument<string>("URL") { Description = "The peer's address, e.g. https://parley.example.gov" };
        var key = new Option<string>("--key") { Description = "The peer's log key (name+keyid+base64key), exchanged out of band", Required = true };
        var add = new Command("add", "Make another node a peer: learn its message key and the institutions it hosts from proofs in its log") { url, key };
        add.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            NoteVerifier logKey;
            try
            {
                logKey = NoteVerifier.Parse(result.GetValue(key)!);
            }
            catch (FormatException e)
            {
                return CommandLine.Fail(new DomainError("key", e.Message));
            }
            if (!Uri.TryCreate(result.GetValue(url), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                return CommandLine.Fail(new DomainError("url", $"'{result.GetValue(url)}' is not an http(s) address."));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var fetched = await AddPeer.FetchAsync(http, address, token);
            if (!fetched.Succeeded)
                return CommandLine.Fail(fetched.Error!);
            var proven = NodeDescriptions.Check(fetched.Value!, logKey);
            if (!proven.Succeeded)
                return CommandLine.Fail(proven.Error!);
            var node = NodeKeys.Of(services);
            var outcome = await services.GetRequiredService<Recorder>().WriteAsync("cli",
                (scope, c) => AddPeer.HandleAsync(scope, node, proven.Value!, logKey, address.ToString(), c), token);
            if (!outcome.Succeeded)
                return CommandLine.Fail(outcome.Error!);
            var count = proven.Value!.Institutions.Count;
            Console.WriteLine($"{logKey.Name} is a peer at {address}: {count} institution{(count == 1 ? "" : "s")} hosted there, each proved in its log ({outcome.Value} change{(outcome.Value == 1 ? "" : "s")} recorded).");
            return 0;
        }, ct));
        var list = new Command("list", "The peers, and the institutions each hosts");
        list.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var db = services.GetRequiredService<ParleyDb>();
            var remote = await db.RemoteInstitutions.AsNoTracking().ToListAsync(token);
            var names = await Directory.DirectoryNames.NamesAsync(db, remote.Select(r => r.InstitutionId), token);
            foreach (var peer in await db.Peers.AsNoTracking().OrderBy(p => p.Origin).ToListAsync(token))
            {
                Console.WriteLine($"{peer.Origin}  {peer.Url}");
                foreach (var r in remote.Where(r => r.Peer == peer.Origin).OrderBy(r => names.GetValueOrDefault(r.InstitutionId)))
                    Console.WriteLine($"  {names.GetValueOrDefault(r.InstitutionId, r.InstitutionId.ToString())} (entry {r.Index}{(r.KeyChanges > 0 ? $", keys changed {r.KeyChanges}×" : "")})");
            }
            return 0;
        }, ct));
        return new Command("peer", "The other nodes this node exchanges letters with") { add, list };
    }
}
