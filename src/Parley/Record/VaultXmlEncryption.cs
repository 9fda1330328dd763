using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Parley.Record;

/// <summary>
/// Seals each key of the Data Protection ring (sign-in cookies, antiforgery tokens) with the store's vault, so
/// the ring in <c>DATA/keyring</c> is useless without the key-encryption secret.
/// </summary>
public sealed class VaultXmlEncryptor(KeyVault vault) : IXmlEncryptor
{
    internal const string Purpose = "data-protection-ring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var sealedKey = vault.Seal(Purpose, Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        return new EncryptedXmlInfo(new XElement("parleyVaultSealed", Convert.ToBase64String(sealedKey)), typeof(VaultXmlDecryptor));
    }
}

/// <summary>Data Protection creates this by type name from the ring's XML, with the app's services.</summary>
public sealed class VaultXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(Encoding.UTF8.GetString(services.GetRequiredService<KeyVault>()
            .Unseal(VaultXmlEncryptor.Purpose, Convert.FromBase64String(encryptedElement.Value))));
}
