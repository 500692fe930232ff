namespace CrossBorder.Policy.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the analyzers fill for the code fixes.
/// A key is absent when the analyzer does not know the value.
/// </summary>
public static class DiagnosticPropertyKeys
{
    /// <summary>CBDT1001: the host the data reaches, as written in the URL or the binding (absent for an unnamed endpoint).</summary>
    public const string Host = "Host";

    /// <summary>CBDT1001: the ISO 3166-1 alpha-2 code of the recipient's jurisdiction, when it is known.</summary>
    public const string Jurisdiction = "Jurisdiction";

    /// <summary>CBDT1001: the overseas recipient named by the endpoint binding, when there is one.</summary>
    public const string Recipient = "Recipient";

    /// <summary>
    /// CBDT1001: the data categories of the flow in the vocabulary of <c>CrossBorderTransferAttribute.Categories</c>
    /// (<c>PersonalInformation</c>, <c>SensitivePersonalInformation:MedicalHealth</c>, <c>ImportantData:BIO-001</c>),
    /// separated by <see cref="CategorySeparator"/>.
    /// </summary>
    public const string Categories = "Categories";

    /// <summary>The separator of the values of <see cref="Categories"/>.</summary>
    public const char CategorySeparator = '\n';

    /// <summary>CBDT2002: the <c>SensitiveCategory</c> member name when the name table says the member is sensitive (absent otherwise).</summary>
    public const string SensitiveCategory = "SensitiveCategory";
}
