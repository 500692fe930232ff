using System;

namespace CrossBorder.Policy.Core.PolicyFile;

/// <summary>
/// Host names and host patterns as written in <c>[ForeignEndpoint(Host = ...)]</c>, <c>[CrossBorderTransfer(Endpoint = ...)]</c>
/// and the policy file. A pattern is a DNS name whose labels may contain <c>*</c>:
/// a leading <c>*.</c> label matches one or more labels (<c>*.partner.sg</c> matches <c>api.partner.sg</c> and
/// <c>eu.api.partner.sg</c>, not <c>partner.sg</c>); a <c>*</c> inside a label matches any characters within that
/// label (<c>oss-cn-*.aliyuncs.com</c>). The last label (the top-level domain) cannot be a wildcard. IPv4
/// addresses are accepted as exact hosts. Comparison ignores case and a trailing dot.
/// </summary>
public static class HostPattern
{
    /// <summary>Lower-cases and removes a trailing dot.</summary>
    public static string Normalize(string host)
    {
        if (host is null)
        {
            throw new ArgumentNullException(nameof(host));
        }

        var trimmed = host.EndsWith(".", StringComparison.Ordinal) ? host.Substring(0, host.Length - 1) : host;
        return ToLowerAscii(trimmed);
    }

    /// <summary>Validates a host or pattern; <paramref name="error"/> says what is wrong.</summary>
    public static bool IsValid(string? pattern, out string? error)
    {
        error = null;
        if (pattern is null || pattern.Length == 0)
        {
            error = "the host is empty";
            return false;
        }

        if (pattern.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            error = "write the host only, without a scheme such as 'https://'";
            return false;
        }

        if (pattern.IndexOfAny(new[] { '/', '?', '#' }) >= 0)
        {
            error = "write the host only, without a path or query";
            return false;
        }

        if (pattern.IndexOf(':') != pattern.LastIndexOf(':') || pattern.StartsWith("[", StringComparison.Ordinal))
        {
            error = "IPv6 addresses are not supported; bind the host name";
            return false;
        }

        if (pattern.IndexOf(':') >= 0)
        {
            error = "write the host only, without a port";
            return false;
        }

        var host = Normalize(pattern);
        if (host.Length > 253)
        {
            error = "a host name has at most 253 characters";
            return false;
        }

        if (IsIPv4(host))
        {
            return true;
        }

        var labels = host.Split('.');
        if (labels.Length < 2 && host.IndexOf('*') >= 0)
        {
            error = "a pattern needs at least one fixed label after the wildcard, for example '*.example.com'";
            return false;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0)
            {
                error = "the host has an empty label ('..' or a leading '.')";
                return false;
            }

            if (label.Length > 63)
            {
                error = $"the label '{label}' is longer than 63 characters";
                return false;
            }

            foreach (var c in label)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '*'))
                {
                    error = $"'{c}' is not allowed in a host name; use letters, digits, '-' and the wildcard '*'";
                    return false;
                }
            }

            if (label[0] == '-' || label[label.Length - 1] == '-')
            {
                error = $"the label '{label}' starts or ends with '-'";
                return false;
            }

            if (label.IndexOf("**", StringComparison.Ordinal) >= 0)
            {
                error = "'**' is not a pattern; use a single '*'";
                return false;
            }

            if (i == labels.Length - 1 && label.IndexOf('*') >= 0)
            {
                error = "the top-level domain cannot be a wildcard";
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the pattern contains a wildcard.</summary>
    public static bool IsPattern(string pattern) => pattern is not null && pattern.IndexOf('*') >= 0;

    /// <summary>True when <paramref name="host"/> (a concrete host) matches <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, string host)
    {
        var p = Normalize(pattern);
        var h = Normalize(host);
        if (p.StartsWith("*.", StringComparison.Ordinal))
        {
            return MatchesAnySuffix(p.Substring(2), h);
        }

        return MatchLabels(p.Split('.'), h.Split('.'));
    }

    private static bool MatchesAnySuffix(string restPattern, string host)
    {
        var restLabels = restPattern.Split('.');
        var hostLabels = host.Split('.');
        if (hostLabels.Length <= restLabels.Length)
        {
            return false;
        }

        var tail = new string[restLabels.Length];
        Array.Copy(hostLabels, hostLabels.Length - restLabels.Length, tail, 0, restLabels.Length);
        return MatchLabels(restLabels, tail);
    }

    private static bool MatchLabels(string[] pattern, string[] host)
    {
        if (pattern.Length != host.Length)
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            if (!MatchLabel(pattern[i], host[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchLabel(string pattern, string label)
    {
        // Glob with '*' only, within one label.
        int p = 0, l = 0, star = -1, mark = 0;
        while (l < label.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = l;
            }
            else if (p < pattern.Length && pattern[p] == label[l])
            {
                p++;
                l++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                l = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool IsIPv4(string host)
    {
        var parts = host.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3)
            {
                return false;
            }

            var value = 0;
            foreach (var c in part)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (value > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static string ToLowerAscii(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= 'A' && chars[i] <= 'Z')
            {
                chars[i] = (char)(chars[i] + 32);
            }
        }

        return new string(chars);
    }
}
