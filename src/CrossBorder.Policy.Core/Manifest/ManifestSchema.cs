using System;
using System.Globalization;

namespace CrossBorder.Policy.Core.Manifest;

/// <summary>The document kinds and schema versions of the manifest files (docs/manifest-format.md, "Versioning").</summary>
public static class ManifestSchema
{
    /// <summary>The value of <c>"document"</c> in <c>data-directory.json</c>.</summary>
    public const string DataDirectoryDocument = "crossborder.data-directory";

    /// <summary>The value of <c>"document"</c> in <c>transfers.json</c>.</summary>
    public const string TransferManifestDocument = "crossborder.transfer-manifest";

    /// <summary>The major version: a reader accepts only documents of its own major version.</summary>
    public const int CurrentMajorVersion = 1;

    /// <summary>The minor version: a reader accepts documents of its major version up to its own minor version.</summary>
    public const int CurrentMinorVersion = 0;

    /// <summary>The schema version every document written by this library carries (<c>"1.0"</c>).</summary>
    public static string CurrentVersion { get; } =
        CurrentMajorVersion.ToString(CultureInfo.InvariantCulture) + "." + CurrentMinorVersion.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The kinds of manifest documents.</summary>
public enum ManifestDocumentKind
{
    /// <summary><c>data-directory.json</c>.</summary>
    DataDirectory,

    /// <summary><c>transfers.json</c>.</summary>
    TransferManifest,
}

/// <summary>
/// The id forms of the manifest. Types and members use their documentation comment ids
/// (<c>T:Acme.Patient</c>, <c>P:Acme.Patient.IdNumber</c>, <c>M:Acme.Api.Send(Acme.Patient)</c>); parameters and
/// return values, which have none, use the forms below; declarations outside any symbol use the two constants.
/// </summary>
public static class ManifestIds
{
    /// <summary><c>declaredOn</c> of a declaration on the assembly (<c>[assembly: ...]</c>).</summary>
    public const string Assembly = "assembly";

    /// <summary><c>declaredOn</c> of a declaration in the policy file <c>crossborder.json</c>.</summary>
    public const string PolicyFile = "policy-file";

    /// <summary>The id of a parameter: <c>M:Acme.Api.Send(Acme.Patient)#p:patient</c>.</summary>
    public static string Parameter(string methodId, string parameterName)
    {
        if (methodId is null)
        {
            throw new ArgumentNullException(nameof(methodId));
        }

        if (parameterName is null)
        {
            throw new ArgumentNullException(nameof(parameterName));
        }

        return methodId + "#p:" + parameterName;
    }

    /// <summary>The id of a method's return value: <c>M:Acme.Api.Load(System.String)#return</c>.</summary>
    public static string ReturnValue(string methodId)
    {
        if (methodId is null)
        {
            throw new ArgumentNullException(nameof(methodId));
        }

        return methodId + "#return";
    }
}
