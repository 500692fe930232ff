using System;
using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Build;

/// <summary>
/// The manifest the generator embedded in a built assembly: the canonical JSON of both documents exactly as embedded,
/// their digests (checked), and the models read from them.
/// </summary>
public sealed record EmbeddedManifest
{
    /// <summary>The value of the <c>CrossBorder.Policy.ManifestFormat</c> metadata this reader understands.</summary>
    public const string SupportedFormat = "1";

    public EmbeddedManifest(
        string assemblyName,
        string format,
        string? directoryTypeName,
        CanonicalDocument dataDirectoryDocument,
        DataDirectory dataDirectory,
        CanonicalDocument transfersDocument,
        TransferManifest transfers)
    {
        AssemblyName = assemblyName;
        Format = format;
        DirectoryTypeName = directoryTypeName;
        DataDirectoryDocument = dataDirectoryDocument;
        DataDirectory = dataDirectory;
        TransfersDocument = transfersDocument;
        Transfers = transfers;
    }

    /// <summary>The simple name of the assembly, from its metadata.</summary>
    public string AssemblyName { get; }

    /// <summary>The manifest format (<c>CrossBorder.Policy.ManifestFormat</c>).</summary>
    public string Format { get; }

    /// <summary>The full name of the generated directory type (<c>CrossBorder.Policy.Directory</c>), null when absent.</summary>
    public string? DirectoryTypeName { get; }

    /// <summary>The canonical JSON of <c>data-directory.json</c> as embedded, with its digest (<c>sha256:&lt;hex&gt;</c>).</summary>
    public CanonicalDocument DataDirectoryDocument { get; }

    /// <summary>The data directory read from <see cref="DataDirectoryDocument"/>.</summary>
    public DataDirectory DataDirectory { get; }

    /// <summary>The canonical JSON of <c>transfers.json</c> as embedded, with its digest.</summary>
    public CanonicalDocument TransfersDocument { get; }

    /// <summary>The transfer manifest read from <see cref="TransfersDocument"/>.</summary>
    public TransferManifest Transfers { get; }
}

/// <summary>Why an embedded manifest could not be read. Each maps to one build diagnostic (<see cref="BuildDiagnosticIds"/>).</summary>
public enum EmbeddedManifestError
{
    /// <summary>The assembly file does not exist.</summary>
    AssemblyNotFound,

    /// <summary>The file is not a .NET assembly (a native DLL, a text file, an empty file) or its metadata is damaged.</summary>
    NotAnAssembly,

    /// <summary>Some manifest metadata is present but not all of it, or a value is not a string.</summary>
    Incomplete,

    /// <summary>The manifest format is not one this reader supports.</summary>
    UnsupportedFormat,

    /// <summary>A document's digest does not match its JSON: the binary was edited after compilation.</summary>
    DigestMismatch,

    /// <summary>A document is not a valid manifest (invalid JSON, wrong document kind or schema version, bad value).</summary>
    InvalidDocument,
}

/// <summary>An embedded manifest that cannot be read. <see cref="Exception.Message"/> is one line that names the file.</summary>
public sealed class EmbeddedManifestException : Exception
{
    public EmbeddedManifestException(EmbeddedManifestError error, string assemblyPath, string message, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        AssemblyPath = assemblyPath;
    }

    public EmbeddedManifestError Error { get; }

    /// <summary>The path of the assembly that was read.</summary>
    public string AssemblyPath { get; }

    /// <summary>The build diagnostic id for <see cref="Error"/>.</summary>
    public string DiagnosticId => BuildDiagnosticIds.For(Error);
}
