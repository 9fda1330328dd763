using System.Globalization;
using System.Text;
using Parley.Ledger;

namespace Parley.Federation;

/// <summary>
/// A message between nodes, as the text of a C2SP signed note signed by the sender's node key: a header line, then
/// its id, sender and receiver (log origins), its place in the sender's sequence to that receiver, its kind and its
/// body (compact JSON, one line). Signed notes rather than HTTP Message Signatures because the signature belongs to the
/// message, not to one HTTP exchange: it is kept with what it caused and checked again offline, and the nodes already
/// speak signed notes for checkpoints and cosignatures (docs/architecture.md, "Federation").
/// </summary>
public sealed record NodeMessage(Guid Id, string From, string To, long Seq, string Kind, string Body)
{
    public const string Header = "parley.federation/v1";

    public string Text => string.Create(CultureInfo.InvariantCulture, $"{Header}\nid {Id}\nfrom {From}\nto {To}\nseq {Seq}\nkind {Kind}\nbody {Body}\n");

    public string Sign(NoteSigner signer) => new SignedNote(Text, [signer.Sign(Text)]).ToString();

    /// <summary>Reads a note's text; a fault names the line.</summary>
    public static NodeMessage Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length != 8 || lines[^1].Length != 0)
            throw new FormatException($"A message is {Header}, id, from, to, seq, kind and body lines; this text has {lines.Length - 1} lines.");
        if (lines[0] != Header)
            throw new FormatException($"line 1: a message starts with \"{Header}\".");
        string Field(int line, string name) =>
            lines[line].StartsWith(name + " ", StringComparison.Ordinal) && lines[line].Length > name.Length + 1
                ? lines[line][(name.Length + 1)..]
                : throw new FormatException($"line {line + 1}: expected \"{name} …\".");
        if (!Guid.TryParse(Field(1, "id"), out var id))
            throw new FormatException("line 2: the id is not a UUID.");
        if (TextFields.Decimal(Field(4, "seq")) is not { } seq || seq < 1)
            throw new FormatException("line 5: seq is a positive decimal.");
        return new NodeMessage(id, Field(2, "from"), Field(3, "to"), seq, Field(5, "kind"), Field(6, "body"));
    }

    public static string Describe(string note) => note.Length > 200 ? note[..200] + "…" : note;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
