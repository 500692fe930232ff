using System;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.PolicyFile;

/// <summary>
/// A data category an authorization covers, written as in <c>CrossBorderTransferAttribute.Categories</c>:
/// <c>PersonalInformation</c>, <c>SensitivePersonalInformation</c> (all sensitive categories),
/// <c>SensitivePersonalInformation:MedicalHealth</c>, <c>ImportantData</c> (any important data),
/// <c>ImportantData:BIO-001</c> (one catalogue entry), <c>CoreData</c>.
/// </summary>
/// <param name="Class">The data class.</param>
/// <param name="Sensitive">The sensitive category, for <c>SensitivePersonalInformation:X</c>.</param>
/// <param name="CatalogEntry">The catalogue entry id, for <c>ImportantData:X</c>.</param>
public sealed record DataCategory(DataClass Class, SensitiveCategory? Sensitive = null, string? CatalogEntry = null)
{
    /// <summary>The forms accepted, for messages.</summary>
    public const string ExpectedForms =
        "PersonalInformation, SensitivePersonalInformation, SensitivePersonalInformation:<Biometric|ReligiousBelief|SpecificIdentity|MedicalHealth|FinancialAccount|Whereabouts|MinorUnder14|Other>, ImportantData, ImportantData:<catalogue entry id>, CoreData";

    /// <summary>Parses one category string; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string text, out DataCategory? category, out string? error)
    {
        category = null;
        error = null;
        var colon = text.IndexOf(':');
        var head = colon < 0 ? text : text.Substring(0, colon);
        var tail = colon < 0 ? null : text.Substring(colon + 1);
        switch (head)
        {
            case "PersonalInformation":
            case "CoreData":
                if (tail is not null)
                {
                    error = $"'{head}' takes no qualifier after ':'";
                    return false;
                }

                category = new DataCategory(head[0] == 'P' ? DataClass.PersonalInformation : DataClass.CoreData);
                return true;
            case "SensitivePersonalInformation":
                if (tail is null)
                {
                    category = new DataCategory(DataClass.SensitivePersonalInformation);
                    return true;
                }

                if (EnumNames.TryParse<SensitiveCategory>(tail, out var sensitive))
                {
                    category = new DataCategory(DataClass.SensitivePersonalInformation, sensitive);
                    return true;
                }

                error = $"'{tail}' is not a sensitive category; expected one of {EnumNames.List<SensitiveCategory>()}";
                return false;
            case "ImportantData":
                if (tail is null)
                {
                    category = new DataCategory(DataClass.ImportantData);
                    return true;
                }

                if (tail.Length == 0 || tail.Trim().Length != tail.Length)
                {
                    error = "the catalogue entry id after 'ImportantData:' is empty or has surrounding spaces";
                    return false;
                }

                category = new DataCategory(DataClass.ImportantData, CatalogEntry: tail);
                return true;
            default:
                error = "expected one of " + ExpectedForms;
                return false;
        }
    }

    /// <summary>The canonical text, as accepted by <see cref="TryParse"/>.</summary>
    public override string ToString() => Class switch
    {
        DataClass.SensitivePersonalInformation when Sensitive is { } s => "SensitivePersonalInformation:" + EnumNames.Name(s),
        DataClass.ImportantData when CatalogEntry is not null => "ImportantData:" + CatalogEntry,
        _ => EnumNames.Name(Class),
    };
}

/// <summary>Ordinal, exact-case enum names for the policy file (no numbers, no flags, no case folding).</summary>
internal static class EnumNames
{
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (T candidate in Enum.GetValues(typeof(T)))
        {
            if (string.Equals(Name(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Name<T>(T value)
        where T : struct, Enum => Enum.GetName(typeof(T), value) ?? string.Empty;

    public static string[] Names<T>()
        where T : struct, Enum => Enum.GetNames(typeof(T));

    public static string List<T>()
        where T : struct, Enum => string.Join(", ", Names<T>());
}
