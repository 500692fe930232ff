using System;
using System.Security.Cryptography;
using System.Text;

namespace CrossBorder.Policy.Core.Manifest;

/// <summary>
/// The digest of a manifest document: SHA-256 of the canonical document's UTF-8 bytes (no byte-order mark), written
/// <c>sha256:</c> followed by 64 lowercase hexadecimal digits. The document holds no digest field: the digest is
/// computed over the whole canonical document and kept beside it (embedded in the assembly next to the JSON).
/// </summary>
public static class ManifestDigest
{
    /// <summary>The prefix of every digest.</summary>
    public const string Prefix = "sha256:";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The digest of <paramref name="canonicalJson"/>'s UTF-8 bytes.</summary>
    public static string Compute(string canonicalJson)
    {
        if (canonicalJson is null)
        {
            throw new ArgumentNullException(nameof(canonicalJson));
        }

        return Compute(Utf8.GetBytes(canonicalJson));
    }

    /// <summary>The digest of <paramref name="utf8"/>, taken as is.</summary>
    public static string Compute(byte[] utf8)
    {
        if (utf8 is null)
        {
            throw new ArgumentNullException(nameof(utf8));
        }

        byte[] hash;
        using (var sha = SHA256.Create())
        {
            hash = sha.ComputeHash(utf8);
        }

        const string hex = "0123456789abcdef";
        var builder = new StringBuilder(Prefix.Length + (hash.Length * 2));
        builder.Append(Prefix);
        foreach (var b in hash)
        {
            builder.Append(hex[b >> 4]).Append(hex[b & 0xF]);
        }

        return builder.ToString();
    }

    /// <summary>The digest of the canonical JSON of <paramref name="directory"/>.</summary>
    public static string Compute(DataDirectory directory) => Compute(ManifestWriter.Write(directory));

    /// <summary>The digest of the canonical JSON of <paramref name="manifest"/>.</summary>
    public static string Compute(TransferManifest manifest) => Compute(ManifestWriter.Write(manifest));

    /// <summary>Whether <paramref name="digest"/> has the form <c>sha256:</c> + 64 lowercase hexadecimal digits.</summary>
    public static bool IsWellFormed(string? digest)
    {
        if (digest is null || digest.Length != Prefix.Length + 64 || !digest.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = Prefix.Length; i < digest.Length; i++)
        {
            var c = digest[i];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/>, taken byte for byte, has the digest <paramref name="digest"/>.</summary>
    public static bool Matches(string text, string digest) =>
        IsWellFormed(digest) && string.Equals(Compute(text), digest, StringComparison.Ordinal);
}
