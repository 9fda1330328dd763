using System.Globalization;

namespace Parley.Ledger;

/// <summary>
/// A C2SP tlog-policy: the logs and witnesses known (verifier keys, optional URLs), witness groups with a
/// threshold (a number, <c>any</c> or <c>all</c>), and the quorum a checkpoint's cosignatures must meet
/// (<c>quorum none</c> for a policy without witnesses). A fault names its line.
/// </summary>
public sealed class WitnessPolicy
{
    private readonly Dictionary<string, Func<IReadOnlySet<string>, bool>> _rules = new(StringComparer.Ordinal);
    private Func<IReadOnlySet<string>, bool> _quorum = _ => false;

    private WitnessPolicy()
    {
    }

    public List<(NoteVerifier Key, string? Url)> Logs { get; } = [];

    /// <summary>The witnesses by their policy name: key and submission prefix URL (if any).</summary>
    public Dictionary<string, (NoteVerifier Key, string? Url)> Witnesses { get; } = new(StringComparer.Ordinal);

    public string QuorumName { get; private set; } = "";

    public static WitnessPolicy Parse(string text)
    {
        var policy = new WitnessPolicy();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim(' ', '\t', '\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var items = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            try
            {
                policy.Add(items);
            }
            catch (FormatException e)
            {
                throw new FormatException($"line {number}: {e.Message}");
            }
        }
        if (policy.QuorumName.Length == 0)
            throw new FormatException("The policy has no quorum line (\"quorum <name>\" or \"quorum none\").");
        return policy;
    }

    private void Add(string[] items)
    {
        switch (items[0])
        {
            case "log" when items.Length is 2 or 3:
                var log = NoteVerifier.Parse(items[1]);
                if (Logs.Any(l => l.Key.PublicKey.AsSpan().SequenceEqual(log.PublicKey)))
                    throw new FormatException("this log's key is listed twice.");
                Logs.Add((log, items.ElementAtOrDefault(2)));
                break;
            case "witness" when items.Length is 3 or 4:
                var name = Fresh(items[1]);
                var key = NoteVerifier.Parse(items[2]);
                if (Witnesses.Values.Any(w => w.Key.PublicKey.AsSpan().SequenceEqual(key.PublicKey)))
                    throw new FormatException("this witness's key is listed twice.");
                Witnesses[name] = (key, items.ElementAtOrDefault(3));
                _rules[name] = signed => signed.Contains(name);
                break;
            case "group" when items.Length >= 4:
                var group = Fresh(items[1]);
                var members = items[3..].Select(m => _rules.TryGetValue(m, out var rule) && m != "none"
                    ? rule : throw new FormatException($"the group member '{m}' is not a witness or group defined above.")).ToList();
                var threshold = items[2] switch
                {
                    "all" => members.Count,
                    "any" => 1,
                    var n when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 1 && k <= members.Count => k,
                    _ => throw new FormatException($"the threshold '{items[2]}' must be all, any, or a number from 1 to {members.Count}."),
                };
                _rules[group] = signed => members.Count(m => m(signed)) >= threshold;
                break;
            case "quorum" when items.Length == 2:
                if (QuorumName.Length > 0)
                    throw new FormatException("there is more than one quorum line.");
                QuorumName = items[1];
                _quorum = items[1] == "none" ? _ => true
                    : _rules.TryGetValue(items[1], out var quorum) ? quorum
                    : throw new FormatException($"the quorum '{items[1]}' is not a witness or group defined above.");
                break;
            default:
                throw new FormatException($"'{items[0]}' with {items.Length - 1} item(s) is not a policy line (log, witness, group, quorum).");
        }
    }

    private string Fresh(string name) =>
        name == "none" || _rules.ContainsKey(name) ? throw new FormatException($"the name '{name}' is reserved or already defined.") : name;

    /// <summary>The witnesses (by policy name) whose valid cosignatures <paramref name="note"/> carries.</summary>
    public IReadOnlySet<string> CosignersOf(SignedNote note) =>
        Witnesses.Where(w => note.Signatures.Any(s => s.Name == w.Value.Key.Name && s.KeyId == w.Value.Key.KeyId && w.Value.Key.Verify(note.Text, s.Signature)))
            .Select(w => w.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="note"/>'s cosignatures meet the quorum.</summary>
    public bool IsWitnessed(SignedNote note) => _quorum(CosignersOf(note));
}
