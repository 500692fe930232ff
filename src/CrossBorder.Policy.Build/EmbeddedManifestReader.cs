using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Build;

/// <summary>
/// Reads the manifest that the CrossBorder.Policy generator embeds in an assembly as
/// <c>[assembly: System.Reflection.AssemblyMetadata(key, value)]</c> attributes. The assembly is read as metadata with
/// System.Reflection.Metadata; it is never loaded, so a binary built for another framework or platform reads the same.
/// </summary>
public static class EmbeddedManifestReader
{
    /// <summary>The prefix shared by every key.</summary>
    public const string KeyPrefix = "CrossBorder.Policy.";

    /// <summary>The manifest format version key (<c>"1"</c>).</summary>
    public const string FormatKey = KeyPrefix + "ManifestFormat";

    /// <summary>The full name of the generated directory type.</summary>
    public const string DirectoryKey = KeyPrefix + "Directory";

    public const string DataDirectoryJsonKey = KeyPrefix + "DataDirectoryJson";

    public const string DataDirectorySha256Key = KeyPrefix + "DataDirectorySha256";

    public const string TransfersJsonKey = KeyPrefix + "TransfersJson";

    public const string TransfersSha256Key = KeyPrefix + "TransfersSha256";

    private static readonly string[] RequiredKeys =
    {
        FormatKey, DataDirectoryJsonKey, DataDirectorySha256Key, TransfersJsonKey, TransfersSha256Key,
    };

    /// <summary>
    /// Reads the manifest embedded in the assembly at <paramref name="assemblyPath"/>. Returns null when the assembly
    /// carries no CrossBorder.Policy metadata at all (the project does not use the generator). Throws
    /// <see cref="EmbeddedManifestException"/> when the file is missing, is not a .NET assembly, or carries a manifest
    /// that is incomplete, of an unsupported format, does not match its digest or is not a valid manifest.
    /// </summary>
    public static EmbeddedManifest? Read(string assemblyPath)
    {
        if (assemblyPath is null)
        {
            throw new ArgumentNullException(nameof(assemblyPath));
        }

        if (!File.Exists(assemblyPath))
        {
            throw new EmbeddedManifestException(EmbeddedManifestError.AssemblyNotFound, assemblyPath, $"{assemblyPath}: the assembly does not exist.");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmbeddedManifestException(EmbeddedManifestError.AssemblyNotFound, assemblyPath, $"{assemblyPath}: the assembly cannot be opened: {e.Message}", e);
        }

        using (stream)
        {
            return Read(stream, assemblyPath);
        }
    }

    /// <summary>Reads the manifest embedded in the assembly image in <paramref name="peImage"/>; <paramref name="displayPath"/> names it in messages.</summary>
    public static EmbeddedManifest? Read(Stream peImage, string displayPath)
    {
        if (peImage is null)
        {
            throw new ArgumentNullException(nameof(peImage));
        }

        var values = ReadMetadataValues(peImage, displayPath, out var assemblyName);
        return Interpret(values, assemblyName, displayPath);
    }

    /// <summary>
    /// Every <c>AssemblyMetadata</c> value whose key starts with <see cref="KeyPrefix"/>, by key (the first of duplicates
    /// wins), and the assembly's simple name. Throws <see cref="EmbeddedManifestException"/> for a file that is not a
    /// .NET assembly.
    /// </summary>
    internal static Dictionary<string, string?> ReadMetadataValues(Stream peImage, string displayPath, out string assemblyName)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            using var pe = new PEReader(peImage, PEStreamOptions.LeaveOpen | PEStreamOptions.PrefetchEntireImage);
            if (!pe.HasMetadata)
            {
                throw NotAnAssembly(displayPath, "it has no .NET metadata (a native binary?)", null);
            }

            var md = pe.GetMetadataReader();
            if (!md.IsAssembly)
            {
                throw NotAnAssembly(displayPath, "it is a module without an assembly manifest", null);
            }

            var assembly = md.GetAssemblyDefinition();
            assemblyName = md.GetString(assembly.Name);
            foreach (var handle in assembly.GetCustomAttributes())
            {
                var attribute = md.GetCustomAttribute(handle);
                if (!IsAssemblyMetadataAttribute(md, attribute.Constructor))
                {
                    continue;
                }

                if (!TryDecodeStringPair(md.GetBlobReader(attribute.Value), out var key, out var value) || key is null)
                {
                    continue;
                }

                if (key.StartsWith(KeyPrefix, StringComparison.Ordinal) && !values.ContainsKey(key))
                {
                    values.Add(key, value);
                }
            }
        }
        catch (EmbeddedManifestException)
        {
            throw;
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or ArgumentException or IOException or NotSupportedException)
        {
            throw NotAnAssembly(displayPath, e.Message, e);
        }

        return values;
    }

    private static EmbeddedManifest? Interpret(Dictionary<string, string?> values, string assemblyName, string path)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var missing = new List<string>();
        foreach (var key in RequiredKeys)
        {
            if (!values.TryGetValue(key, out var v) || string.IsNullOrEmpty(v))
            {
                missing.Add(key);
            }
        }

        if (values.TryGetValue(FormatKey, out var format) && !string.IsNullOrEmpty(format) && !string.Equals(format, EmbeddedManifest.SupportedFormat, StringComparison.Ordinal))
        {
            throw new EmbeddedManifestException(
                EmbeddedManifestError.UnsupportedFormat,
                path,
                $"{path}: the embedded manifest has format '{format}', but this build task reads format '{EmbeddedManifest.SupportedFormat}': use the same version of CrossBorder.Policy for the generator and the build task.");
        }

        if (missing.Count > 0)
        {
            throw new EmbeddedManifestException(
                EmbeddedManifestError.Incomplete,
                path,
                $"{path}: the embedded manifest is incomplete: missing or empty assembly metadata {string.Join(", ", missing)}.");
        }

        values.TryGetValue(DirectoryKey, out var directoryType);
        var directoryDoc = Check(path, "data-directory.json", values[DataDirectoryJsonKey]!, values[DataDirectorySha256Key]!);
        var transfersDoc = Check(path, "transfers.json", values[TransfersJsonKey]!, values[TransfersSha256Key]!);

        DataDirectory directory;
        TransferManifest transfers;
        try
        {
            directory = ManifestReader.ReadDataDirectory(directoryDoc.Json);
        }
        catch (ManifestReadException e)
        {
            throw Invalid(path, "data-directory.json", e);
        }

        try
        {
            transfers = ManifestReader.ReadTransferManifest(transfersDoc.Json);
        }
        catch (ManifestReadException e)
        {
            throw Invalid(path, "transfers.json", e);
        }

        return new EmbeddedManifest(assemblyName, format!, string.IsNullOrEmpty(directoryType) ? null : directoryType, directoryDoc, directory, transfersDoc, transfers);
    }

    /// <summary>
    /// Checks the digest. Digests are <c>sha256:&lt;64 lowercase hex&gt;</c> (ManifestDigest); a bare 64-digit hex value is
    /// read as the same digest, so that the form of the prefix cannot make a correct manifest fail.
    /// </summary>
    private static CanonicalDocument Check(string path, string document, string json, string digest)
    {
        var normalized = NormalizeDigest(digest);
        if (!ManifestDigest.IsWellFormed(normalized))
        {
            throw new EmbeddedManifestException(
                EmbeddedManifestError.DigestMismatch,
                path,
                $"{path}: the embedded digest of {document} is not a SHA-256 digest ('{Shorten(digest)}'); expected 'sha256:' and 64 lowercase hexadecimal digits.");
        }

        var actual = ManifestDigest.Compute(json);
        if (!string.Equals(actual, normalized, StringComparison.Ordinal))
        {
            throw new EmbeddedManifestException(
                EmbeddedManifestError.DigestMismatch,
                path,
                $"{path}: the embedded {document} does not match its digest (embedded {normalized}, computed {actual}): the assembly was modified after it was compiled.");
        }

        return new CanonicalDocument(json, actual);
    }

    internal static string NormalizeDigest(string digest)
    {
        if (digest.Length == 64 && !digest.StartsWith(ManifestDigest.Prefix, StringComparison.Ordinal))
        {
            return ManifestDigest.Prefix + digest;
        }

        return digest;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";

    private static EmbeddedManifestException Invalid(string path, string document, ManifestReadException e) =>
        new(EmbeddedManifestError.InvalidDocument, path, $"{path}: the embedded {document} is not a valid manifest: {e.Message}", e);

    private static EmbeddedManifestException NotAnAssembly(string path, string reason, Exception? inner) =>
        new(EmbeddedManifestError.NotAnAssembly, path, $"{path}: not a readable .NET assembly: {reason}", inner);

    private static bool IsAssemblyMetadataAttribute(MetadataReader md, EntityHandle constructor)
    {
        EntityHandle type;
        switch (constructor.Kind)
        {
            case HandleKind.MemberReference:
                type = md.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                break;
            case HandleKind.MethodDefinition:
                type = md.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
                break;
            default:
                return false;
        }

        switch (type.Kind)
        {
            case HandleKind.TypeReference:
                var reference = md.GetTypeReference((TypeReferenceHandle)type);
                return md.StringComparer.Equals(reference.Name, "AssemblyMetadataAttribute")
                    && md.StringComparer.Equals(reference.Namespace, "System.Reflection");
            case HandleKind.TypeDefinition:
                var definition = md.GetTypeDefinition((TypeDefinitionHandle)type);
                return md.StringComparer.Equals(definition.Name, "AssemblyMetadataAttribute")
                    && md.StringComparer.Equals(definition.Namespace, "System.Reflection");
            default:
                return false;
        }
    }

    /// <summary>
    /// Decodes the blob of <c>AssemblyMetadataAttribute(string key, string value)</c> (ECMA-335 II.23.3): the prolog
    /// 0x0001, two SerStrings (a compressed length and UTF-8 bytes, or 0xFF for null), then the named-argument count.
    /// </summary>
    internal static bool TryDecodeStringPair(BlobReader blob, out string? key, out string? value)
    {
        key = null;
        value = null;
        try
        {
            if (blob.Length < 4 || blob.ReadUInt16() != 0x0001)
            {
                return false;
            }

            key = blob.ReadSerializedString();
            value = blob.ReadSerializedString();
            return blob.RemainingBytes >= 2;
        }
        catch (BadImageFormatException)
        {
            key = null;
            value = null;
            return false;
        }
    }
}
