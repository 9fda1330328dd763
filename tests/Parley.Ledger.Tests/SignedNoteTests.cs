using System.Text;

namespace Parley.Ledger.Tests;

public sealed class SignedNoteTests
{
    [Fact]
    public void The_signed_note_vectors_verify_and_resigning_with_the_seed_reproduces_the_signature()
    {
        var vectors = Vectors.Load("signed_note_ed25519.json").GetProperty("vectors").EnumerateArray().ToList();
        Assert.Equal(2, vectors.Count);
        foreach (var v in vectors)
        {
            var verifier = NoteVerifier.Parse(v.GetProperty("vkey").GetString()!);
            Assert.Equal(v.GetProperty("key_id_hex").GetString(), verifier.KeyId.ToString("x8"));
            Assert.Equal(Vectors.Hex(v.GetProperty("ed25519_public_key_hex")), verifier.PublicKey);
            var note = SignedNote.Parse(v.GetProperty("note").GetString()!);
            Assert.Equal(v.GetProperty("signed_text").GetString(), note.Text);
            Assert.Same(verifier, Assert.Single(note.Verify([verifier])));
            Assert.Equal(v.GetProperty("note").GetString(), note.ToString());
            if (v.TryGetProperty("ed25519_seed_hex", out var seed))
            {
                using var signer = NoteSigner.FromSeed(verifier.Name, Vectors.Hex(seed));
                Assert.Equal(Vectors.Hex(v.GetProperty("signature_hex")), signer.Sign(note.Text).Signature);
                Assert.Equal(v.GetProperty("vkey").GetString(), signer.Verifier.VerifierKey);
                Assert.Equal(v.GetProperty("skey").GetString(), signer.SignerKey);
            }
        }
    }

    [Fact]
    public void A_checkpoint_with_a_witness_cosignature_verifies_against_either_key_and_fails_when_altered()
    {
        using var log = NoteSigner.Generate("parley.example/log");
        using var witness = NoteSigner.Generate("witness.example");
        var checkpoint = new Checkpoint("parley.example/log", 8, MerkleHash.Leaf(Encoding.UTF8.GetBytes("root")));
        var note = checkpoint.Sign(log) is var signed ? signed with { Signatures = [.. signed.Signatures, witness.Sign(signed.Text)] } : null!;
        var parsed = SignedNote.Parse(note.ToString());
        Assert.Equal(2, parsed.Verify([log.Verifier, witness.Verifier]).Count);
        Assert.Equal(checkpoint, Checkpoint.Parse(parsed.Text) with { Root = checkpoint.Root });
        Assert.Equal(checkpoint.Root, Checkpoint.Parse(parsed.Text).Root);

        using var stranger = NoteSigner.Generate("stranger.example");
        Assert.Throws<FormatException>(() => parsed.Verify([stranger.Verifier]));
        var altered = SignedNote.Parse(note.ToString().Replace("\n8\n", "\n9\n", StringComparison.Ordinal));
        Assert.Throws<FormatException>(() => altered.Verify([log.Verifier]));
    }

    [Fact]
    public void An_ml_dsa_44_witness_key_is_refused_by_name_and_says_what_to_give_instead()
    {
        // A C2SP vkey of type 0x06: the 1,312-byte ML-DSA-44 public key (its bytes do not matter for the refusal).
        var blob = new byte[1 + 1312];
        blob[0] = 0x06;
        var error = Assert.Throws<FormatException>(() => NoteVerifier.Parse($"witness.example+01234567+{Convert.ToBase64String(blob)}"));
        Assert.Contains("ML-DSA-44", error.Message);
        Assert.Contains("type 0x04", error.Message);
    }

    [Theory]
    [InlineData("origin\n8\n")]
    [InlineData("origin\n08\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("origin\n8\nAAAA\n")]
    [InlineData("\n8\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    public void Malformed_checkpoints_are_rejected(string text) => Assert.Throws<FormatException>(() => Checkpoint.Parse(text));
}
