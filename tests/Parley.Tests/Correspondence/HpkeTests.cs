using System.Security.Cryptography;
using System.Text.Json;
using Parley.Correspondence;

namespace Parley.Tests.CorrespondenceSlice;

public sealed class HpkeTests
{
    private static JsonElement Load(string file) => JsonDocument.Parse(File.ReadAllText(SharedFolder.Require("vectors/" + file))).RootElement;

    private static byte[] Hex(JsonElement e, string name) => Convert.FromHexString(e.GetProperty(name).GetString()!);

    [Fact]
    public void The_rfc9180_base_mode_vectors_are_reproduced_for_both_aeads()
    {
        var suites = Load("hpke_rfc9180_x25519_base.json").GetProperty("suites").EnumerateArray().ToList();
        Assert.Equal(2, suites.Count);
        foreach (var suite in suites)
        {
            var setup = suite.GetProperty("setup");
            var aead = (HpkeAead)setup.GetProperty("aead_id").GetInt32();
            var recipient = Hpke.DeriveKeyPair(Hex(setup, "ikmR"));
            Assert.Equal(Hex(setup, "skRm"), recipient.PrivateKey);
            Assert.Equal(Hex(setup, "pkRm"), recipient.PublicKey);
            var (enc, sender) = Hpke.SetupBaseSender(recipient.PublicKey, Hex(setup, "info"), aead, Hex(setup, "ikmE"));
            Assert.Equal(Hex(setup, "enc"), enc);
            Assert.Equal(Hex(setup, "key_schedule_context"), sender.KeyScheduleContext);
            Assert.Equal(Hex(setup, "secret"), sender.Secret);
            Assert.Equal(Hex(setup, "key"), sender.Key);
            Assert.Equal(Hex(setup, "base_nonce"), sender.BaseNonce);
            Assert.Equal(Hex(setup, "exporter_secret"), sender.ExporterSecret);
            var receiver = Hpke.SetupBaseRecipient(enc, recipient.PrivateKey, Hex(setup, "info"), aead);
            foreach (var e in suite.GetProperty("encryptions").EnumerateArray())
            {
                var sequence = e.GetProperty("sequence_number").GetUInt64();
                sender.SetSequence(sequence);
                Assert.Equal(Hex(e, "ct"), sender.Seal(Hex(e, "aad"), Hex(e, "pt")));
                receiver.SetSequence(sequence);
                Assert.Equal(Hex(e, "pt"), receiver.Open(Hex(e, "aad"), Hex(e, "ct")));
            }
            foreach (var x in suite.GetProperty("exports").EnumerateArray())
                Assert.Equal(Hex(x, "exported_value"), receiver.Export(Hex(x, "exporter_context"), x.GetProperty("L").GetInt32()));
        }
    }

    [Fact]
    public void X25519_matches_wycheproof_and_refuses_small_order_points()
    {
        var tests = Load("wycheproof/x25519_test.json").GetProperty("testGroups").EnumerateArray().SelectMany(g => g.GetProperty("tests").EnumerateArray()).ToList();
        Assert.Equal(518, tests.Count);
        var wrong = new List<int>();
        foreach (var t in tests)
        {
            var shared = Hex(t, "shared");
            try
            {
                var got = Hpke.Dh(Hex(t, "private"), Hex(t, "public"));
                if (shared.All(b => b == 0) || !got.SequenceEqual(shared))
                    wrong.Add(t.GetProperty("tcId").GetInt32());
            }
            catch (CryptographicException)
            {
                if (!shared.All(b => b == 0))
                    wrong.Add(t.GetProperty("tcId").GetInt32());
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void ChaCha20_Poly1305_matches_wycheproof()
    {
        var wrong = new List<int>();
        foreach (var group in Load("wycheproof/chacha20_poly1305_test.json").GetProperty("testGroups").EnumerateArray())
        {
            foreach (var t in group.GetProperty("tests").EnumerateArray())
            {
                var valid = t.GetProperty("result").GetString() == "valid";
                try
                {
                    using var cipher = new System.Security.Cryptography.ChaCha20Poly1305(Hex(t, "key"));
                    var output = new byte[Hex(t, "ct").Length];
                    cipher.Decrypt(Hex(t, "iv"), Hex(t, "ct"), Hex(t, "tag"), output, Hex(t, "aad"));
                    if (!valid || !output.SequenceEqual(Hex(t, "msg")))
                        wrong.Add(t.GetProperty("tcId").GetInt32());
                }
                catch (Exception e) when (e is CryptographicException or ArgumentException)
                {
                    if (valid)
                        wrong.Add(t.GetProperty("tcId").GetInt32());
                }
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void A_sealed_copy_opens_only_with_the_right_key_and_unaltered()
    {
        var addressee = Hpke.GenerateKeyPair();
        var stranger = Hpke.GenerateKeyPair();
        var info = "parley letter 2018/1"u8.ToArray();
        var (enc, ciphertext) = Hpke.Seal(addressee.PublicKey, info, [], "Dear President Putin"u8.ToArray());
        Assert.Equal("Dear President Putin"u8.ToArray(), Hpke.Open(addressee.PrivateKey, enc, info, [], ciphertext));
        Assert.ThrowsAny<CryptographicException>(() => Hpke.Open(stranger.PrivateKey, enc, info, [], ciphertext));
        var tampered = (byte[])ciphertext.Clone();
        tampered[3] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => Hpke.Open(addressee.PrivateKey, enc, info, [], tampered));
        Assert.ThrowsAny<CryptographicException>(() => Hpke.Open(addressee.PrivateKey, enc, "another letter"u8.ToArray(), [], ciphertext));
    }
}
