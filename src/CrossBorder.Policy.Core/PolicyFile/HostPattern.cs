using System;
using JurisdictionHostPattern = CrossBorder.Policy.Core.Jurisdictions.HostPattern;

namespace CrossBorder.Policy.Core.PolicyFile;

/// <summary>
/// The policy file's view of host patterns. Parsing and matching are <see cref="JurisdictionHostPattern"/>'s, so a
/// pattern means the same in <c>crossborder.json</c>, in attributes and in the resolver: an exact host or IP address,
/// <c>*.suffix</c> (subdomains at any depth, never the apex), or <c>*</c> inside one label (<c>oss-cn-*.aliyuncs.com</c>).
/// </summary>
public static class HostPattern
{
    /// <summary>The canonical text of a valid pattern (lower case, punycode, no trailing dot); the trimmed lower-case text otherwise.</summary>
    public static string Normalize(string host) =>
        JurisdictionHostPattern.TryParse(host, out var pattern, out _)
            ? pattern.Text
            : host.Trim().TrimEnd('.').ToLowerInvariant();

    /// <summary>True when <paramref name="pattern"/> is a valid host or host pattern; otherwise <paramref name="error"/> says why.</summary>
    public static bool IsValid(string? pattern, out string? error)
    {
        if (JurisdictionHostPattern.TryParse(pattern, out _, out var message))
        {
            error = null;
            return true;
        }

        error = message;
        return false;
    }

    /// <summary>True when the text contains a wildcard.</summary>
    public static bool IsPattern(string pattern) => pattern is not null && pattern.IndexOf('*') >= 0;

    /// <summary>True when <paramref name="host"/> matches <paramref name="pattern"/>; an invalid pattern matches nothing.</summary>
    public static bool Matches(string pattern, string host) =>
        JurisdictionHostPattern.TryParse(pattern, out var parsed, out _) && parsed.IsMatch(host);
}
