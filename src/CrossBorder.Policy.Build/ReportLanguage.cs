using System;

namespace CrossBorder.Policy.Build;

/// <summary>The language of the rendered reports (<c>$(CrossBorderReportLanguage)</c>).</summary>
public enum ReportLanguage
{
    /// <summary>Chinese and English side by side (<c>both</c>, the default): headings read <c>中文 / English</c>.</summary>
    Both,

    /// <summary>English (<c>en</c>).</summary>
    English,

    /// <summary>Simplified Chinese (<c>zh</c>), with the legal terms of PIPL, the DSL and the 2024 Provisions.</summary>
    Chinese,
}

/// <summary>Parses and names <see cref="ReportLanguage"/> values.</summary>
public static class ReportLanguages
{
    /// <summary>
    /// Parses <c>en</c>, <c>zh</c> or <c>both</c>, ignoring case and surrounding spaces; <c>en-*</c> and <c>zh-*</c> tags
    /// (<c>zh-CN</c>, <c>zh-Hans</c>, <c>en-US</c>) are read as their language. Empty text is <see cref="ReportLanguage.Both"/>.
    /// </summary>
    public static bool TryParse(string? text, out ReportLanguage language)
    {
        language = ReportLanguage.Both;
        var t = (text ?? string.Empty).Trim();
        if (t.Length == 0 || string.Equals(t, "both", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(t, "en", StringComparison.OrdinalIgnoreCase) || t.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
        {
            language = ReportLanguage.English;
            return true;
        }

        if (string.Equals(t, "zh", StringComparison.OrdinalIgnoreCase) || t.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
        {
            language = ReportLanguage.Chinese;
            return true;
        }

        return false;
    }

    /// <summary>The option value: <c>en</c>, <c>zh</c> or <c>both</c>.</summary>
    public static string Code(ReportLanguage language) => language switch
    {
        ReportLanguage.English => "en",
        ReportLanguage.Chinese => "zh",
        _ => "both",
    };
}
