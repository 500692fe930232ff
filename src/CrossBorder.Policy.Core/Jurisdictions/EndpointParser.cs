using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>
/// Gets the host out of the ways code writes an endpoint: absolute URLs and URIs of any scheme
/// (<c>https://</c>, <c>amqp://</c>, <c>smtp://</c>, <c>kafka://</c>), protocol-relative <c>//host/path</c>,
/// <c>mailto:</c> addresses, <c>user@host</c>, bare hosts with or without a port, and IPv6 literals
/// (<c>[2001:db8::1]:443</c>, or bare <c>2001:db8::1</c>). Hosts are normalized: lower case, one trailing dot
/// removed, internationalized names converted to punycode (<c>例子.中国</c> becomes <c>xn--fsqu00a.xn--fiqs8s</c>).
/// No IO, no DNS; pure text.
/// </summary>
public static class EndpointParser
{
    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>Parses one endpoint. On failure <paramref name="error"/> says why, in English; <paramref name="endpoint"/> is then undefined.</summary>
    public static bool TryParse(string? text, out EndpointAddress endpoint, out string error)
    {
        endpoint = null!;
        if (text is null || text.Trim().Length == 0)
        {
            error = "the endpoint is empty";
            return false;
        }

        var s = text.Trim();
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]) || char.IsControl(s[i]))
            {
                error = $"'{text}' contains whitespace or a control character";
                return false;
            }
        }

        if (s.IndexOf(',') >= 0)
        {
            error = $"'{text}' is a list of endpoints (it contains ','); parse it with TryParseList";
            return false;
        }

        string? scheme = null;
        string rest;
        var separator = s.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            if (!IsValidScheme(s, separator))
            {
                error = $"'{text}' has an invalid scheme '{s.Substring(0, separator)}'";
                return false;
            }

            scheme = s.Substring(0, separator).ToLowerInvariant();
            rest = s.Substring(separator + 3);
        }
        else if (s.StartsWith("//", StringComparison.Ordinal))
        {
            rest = s.Substring(2);
        }
        else if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            scheme = "mailto";
            rest = s.Substring("mailto:".Length);
        }
        else
        {
            rest = s;
        }

        var end = rest.IndexOfAny(AuthorityTerminators);
        var authority = end >= 0 ? rest.Substring(0, end) : rest;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority.Substring(at + 1);
        }

        if (authority.Length == 0)
        {
            error = $"'{text}' has no host";
            return false;
        }

        if (authority.IndexOf('\\') >= 0)
        {
            error = $"'{text}' contains a backslash";
            return false;
        }

        string hostText;
        string? portText = null;
        var bracketed = false;
        if (authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                error = $"'{text}' has an IPv6 literal without its closing ']'";
                return false;
            }

            hostText = authority.Substring(1, close - 1);
            bracketed = true;
            var after = authority.Substring(close + 1);
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    error = $"'{text}' has unexpected text '{after}' after the IPv6 literal";
                    return false;
                }

                portText = after.Substring(1);
            }
        }
        else
        {
            var firstColon = authority.IndexOf(':');
            var lastColon = authority.LastIndexOf(':');
            if (firstColon < 0)
            {
                hostText = authority;
            }
            else if (firstColon == lastColon)
            {
                hostText = authority.Substring(0, firstColon);
                portText = authority.Substring(firstColon + 1);
            }
            else if (scheme is null && end < 0 && at < 0)
            {
                // A bare IPv6 literal without brackets (no port is possible then).
                hostText = authority;
                bracketed = true;
            }
            else
            {
                error = $"'{text}' has more than one ':' in its host; write an IPv6 literal in brackets ([2001:db8::1]:443)";
                return false;
            }
        }

        int? port = null;
        if (portText is { Length: > 0 })
        {
            if (!TryParsePort(portText, out var value))
            {
                error = $"'{text}' has an invalid port '{portText}' (expected 0 to 65535)";
                return false;
            }

            port = value;
        }

        if (hostText.Length == 0)
        {
            error = $"'{text}' has no host";
            return false;
        }

        if (bracketed)
        {
            if (!TryNormalizeIPv6(hostText, out var v6))
            {
                error = authority[0] == '['
                    ? $"'{text}' has an invalid IPv6 literal '{hostText}'"
                    : $"'{text}' is neither a host (it has more than one ':') nor an IPv6 literal";
                return false;
            }

            endpoint = new EndpointAddress(v6, EndpointHostKind.IPv6, scheme, port);
            error = string.Empty;
            return true;
        }

        if (!TryNormalizeHost(hostText, out var host, out var kind, out var hostError))
        {
            error = $"'{text}': {hostError}";
            return false;
        }

        endpoint = new EndpointAddress(host, kind, scheme, port);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// Parses a list of endpoints separated by commas, as in Kafka's <c>bootstrap.servers</c>
    /// (<c>b-1.kafka.example.com:9092,b-2.kafka.example.com:9092</c>). Spaces around entries are ignored; an empty
    /// entry is an error. A single endpoint is a list of one.
    /// </summary>
    public static bool TryParseList(string? text, out IReadOnlyList<EndpointAddress> endpoints, out string error)
    {
        endpoints = Array.Empty<EndpointAddress>();
        if (text is null || text.Trim().Length == 0)
        {
            error = "the endpoint list is empty";
            return false;
        }

        var parts = text.Split(',');
        var result = new List<EndpointAddress>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
            {
                error = $"entry {i + 1} of '{text}' is empty";
                return false;
            }

            if (!TryParse(part, out var endpoint, out var entryError))
            {
                error = $"entry {i + 1} of the list: {entryError}";
                return false;
            }

            result.Add(endpoint);
        }

        endpoints = result;
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// Normalizes a bare host (no scheme, port or path): IPv4 literal, IPv6 literal (with or without brackets) or DNS
    /// name. DNS names become lower-case ASCII with punycode labels and no trailing dot; labels are 1 to 63 letters,
    /// digits, '-' or '_' (not starting or ending with '-'), the whole at most 253 characters. All-numeric names must be
    /// a valid dotted-decimal IPv4 address (no leading zeros, which some resolvers read as octal).
    /// </summary>
    public static bool TryNormalizeHost(string? host, out string normalized, out EndpointHostKind kind, out string error)
    {
        normalized = string.Empty;
        kind = EndpointHostKind.DnsName;
        if (host is null || host.Length == 0)
        {
            error = "the host is empty";
            return false;
        }

        if (host[0] == '[' || host.IndexOf(':') >= 0)
        {
            var inner = host[0] == '[' && host[host.Length - 1] == ']' ? host.Substring(1, host.Length - 2) : host;
            if (TryNormalizeIPv6(inner, out normalized))
            {
                kind = EndpointHostKind.IPv6;
                error = string.Empty;
                return true;
            }

            error = $"'{host}' is not a valid host (':' is only allowed in an IPv6 literal)";
            return false;
        }

        var name = host;
        if (IsDot(name[name.Length - 1]))
        {
            name = name.Substring(0, name.Length - 1);
        }

        if (name.Length == 0)
        {
            error = $"'{host}' has no labels";
            return false;
        }

        if (!IsAscii(name))
        {
            try
            {
                // IdnMapping instances are not documented as thread-safe; non-ASCII names are rare, so make one per call.
                name = new IdnMapping().GetAscii(name);
            }
            catch (ArgumentException)
            {
                error = $"'{host}' is not a valid internationalized domain name";
                return false;
            }
        }

        name = name.ToLowerInvariant();
        if (IsDigitsAndDots(name))
        {
            if (TryParseIPv4(name, out var v4))
            {
                normalized = v4;
                kind = EndpointHostKind.IPv4;
                error = string.Empty;
                return true;
            }

            error = $"'{host}' is all digits but not a valid IPv4 address (four numbers 0 to 255 without leading zeros)";
            return false;
        }

        if (EndsInNumber(name))
        {
            error = $"'{host}' ends in a number: it is neither a DNS name (top-level domains are not numeric) nor a dotted-decimal IPv4 address";
            return false;
        }

        if (!TryValidateName(name, host, out error))
        {
            return false;
        }

        normalized = name;
        error = string.Empty;
        return true;
    }

    private static readonly char[] AuthorityTerminators = { '/', '?', '#' };

    private static bool TryValidateName(string name, string original, out string error)
    {
        if (name.Length > MaxHostLength)
        {
            error = $"'{original}' is longer than {MaxHostLength} characters";
            return false;
        }

        var start = 0;
        while (start <= name.Length)
        {
            var dot = name.IndexOf('.', start);
            var end = dot < 0 ? name.Length : dot;
            var length = end - start;
            if (length == 0)
            {
                error = $"'{original}' has an empty label";
                return false;
            }

            if (length > MaxLabelLength)
            {
                error = $"'{original}' has a label longer than {MaxLabelLength} characters";
                return false;
            }

            for (var i = start; i < end; i++)
            {
                if (!IsLabelChar(name[i]))
                {
                    error = $"'{original}' contains the character '{name[i]}', not allowed in a host name";
                    return false;
                }
            }

            if (name[start] == '-' || name[end - 1] == '-')
            {
                error = $"'{original}' has a label that starts or ends with '-'";
                return false;
            }

            if (dot < 0)
            {
                break;
            }

            start = dot + 1;
        }

        error = string.Empty;
        return true;
    }

    internal static bool IsLabelChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';

    internal static bool IsDot(char c) => c is '.' or '\u3002' or '\uFF0E' or '\uFF61';

    internal static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007F')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigitsAndDots(string text)
    {
        foreach (var c in text)
        {
            if (c != '.' && (c < '0' || c > '9'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The last label is all digits or a 0x hex number: URL parsers would read it as an IPv4 form (<c>0x7f.1</c>).</summary>
    private static bool EndsInNumber(string name)
    {
        var last = name.Substring(name.LastIndexOf('.') + 1);
        var start = last.StartsWith("0x", StringComparison.Ordinal) ? 2 : 0;
        for (var i = start; i < last.Length; i++)
        {
            var c = last[i];
            var hex = start == 2 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
            if ((c < '0' || c > '9') && !hex)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidScheme(string text, int length)
    {
        if (length == 0 || !IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < length; i++)
        {
            var c = text[i];
            if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool TryParsePort(string text, out int port)
    {
        port = 0;
        if (text.Length > 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port <= 65535;
    }

    private static bool TryParseIPv4(string text, out string normalized)
    {
        normalized = string.Empty;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            if (int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        normalized = text;
        return true;
    }

    internal static bool TryNormalizeIPv6(string text, out string normalized)
    {
        normalized = string.Empty;
        var zone = text.IndexOf('%');
        var address = zone >= 0 ? text.Substring(0, zone) : text;
        if (address.IndexOf(':') < 0 ||
            !IPAddress.TryParse(address, out var ip) ||
            ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        normalized = ip.ToString().ToLowerInvariant();
        return true;
    }
}
