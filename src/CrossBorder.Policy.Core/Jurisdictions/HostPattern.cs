using System;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>
/// A host or host pattern from the policy file or an endpoint attribute:
/// <list type="bullet">
/// <item>an exact host, <c>api.partner.sg</c> (internationalized names allowed, compared in punycode), or an IP
/// literal, <c>203.0.113.7</c> or <c>2001:db8::1</c>;</item>
/// <item><c>*.partner.sg</c>: every subdomain at any depth (<c>a.partner.sg</c>, <c>a.b.partner.sg</c>), but not
/// the apex <c>partner.sg</c> itself (add it as a second, exact pattern);</item>
/// <item>one <c>*</c> inside a label other than the first: any characters within that one label
/// (<c>oss-cn-*.aliyuncs.com</c> matches <c>oss-cn-hangzhou.aliyuncs.com</c>, not
/// <c>oss-cn-hangzhou.x.aliyuncs.com</c>); a lone <c>*</c> there matches exactly one label (<c>s3.*.example.com</c>).</item>
/// </list>
/// Matching is on label boundaries: <c>*.amazonaws.com.cn</c> never matches <c>amazonaws.com.cn.evil.com</c> or
/// <c>evilamazonaws.com.cn</c>. The last label must be fixed; wildcard patterns never match IP literals.
/// </summary>
public sealed class HostPattern : IEquatable<HostPattern>
{
    private readonly HostTemplate? _template;

    private HostPattern(string text, HostTemplate? template)
    {
        Text = text;
        _template = template;
    }

    /// <summary>The normalized pattern: lower case, punycode, no trailing dot, IPv6 without brackets.</summary>
    public string Text { get; }

    /// <summary>True for an exact host or IP literal (no wildcard).</summary>
    public bool IsExact => _template is null || _template.IsExact;

    /// <summary>True for <c>*.suffix</c> patterns.</summary>
    public bool MatchesSubdomains => _template?.LeadingSubdomains ?? false;

    /// <summary>The number of labels, the leading <c>*</c> counted as one (an IP literal counts as one).</summary>
    public int LabelCount => _template?.LabelCount ?? 1;

    /// <summary>The number of fixed characters (everything but wildcards and dots).</summary>
    public int LiteralCharacterCount => _template?.LiteralCharacterCount ?? Text.Length;

    /// <summary>Parses and validates a pattern. On failure <paramref name="error"/> says why, in English.</summary>
    public static bool TryParse(string? text, out HostPattern pattern, out string error)
    {
        pattern = null!;
        if (text is null || text.Length == 0)
        {
            error = "the host pattern is empty";
            return false;
        }

        // IP literals (an IPv6 one may be bracketed).
        var trimmed = text.Length > 2 && text[0] == '[' && text[text.Length - 1] == ']' ? text.Substring(1, text.Length - 2) : text;
        if (trimmed.IndexOf(':') >= 0 && trimmed.IndexOf('/') < 0 && EndpointParser.TryNormalizeIPv6(trimmed, out var v6))
        {
            pattern = new HostPattern(v6, null);
            error = string.Empty;
            return true;
        }

        if (text.IndexOf('*') < 0 && text.IndexOfAny(NotInHosts) < 0)
        {
            if (!EndpointParser.TryNormalizeHost(text, out var host, out _, out var hostError))
            {
                error = $"the host pattern is invalid: {hostError}";
                return false;
            }

            pattern = new HostPattern(host, null);
            error = string.Empty;
            return true;
        }

        if (!HostTemplate.TryParse(text, allowKey: false, out var template, out error))
        {
            return false;
        }

        pattern = new HostPattern(template.Text, template);
        return true;
    }

    /// <summary>Parses a pattern known to be valid; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static HostPattern Parse(string text) =>
        TryParse(text, out var pattern, out var error) ? pattern : throw new ArgumentException(error, nameof(text));

    /// <summary>
    /// True when <paramref name="host"/> (any form <see cref="EndpointParser.TryNormalizeHost"/> accepts) matches.
    /// An invalid host matches nothing.
    /// </summary>
    public bool IsMatch(string host) =>
        EndpointParser.TryNormalizeHost(host, out var normalized, out var kind, out _) && IsMatch(normalized, kind, null);

    /// <summary>Matches a normalized host; <paramref name="labels"/> is the host split on '.', when the caller has it.</summary>
    internal bool IsMatch(string normalizedHost, EndpointHostKind kind, string[]? labels)
    {
        if (_template is null || _template.IsExact)
        {
            return string.Equals(Text, normalizedHost, StringComparison.Ordinal);
        }

        return kind == EndpointHostKind.DnsName &&
            _template.IsMatch(labels ?? normalizedHost.Split('.'), null, out _);
    }

    /// <summary>
    /// Orders patterns from most to least specific: an exact host first; then more labels; then more fixed
    /// characters; then a single-label wildcard before a <c>*.</c> subdomain wildcard. Returns a negative number when
    /// this pattern is more specific than <paramref name="other"/>, 0 when they tie.
    /// </summary>
    public int CompareSpecificity(HostPattern other)
    {
        if (IsExact != other.IsExact)
        {
            return IsExact ? -1 : 1;
        }

        if (LabelCount != other.LabelCount)
        {
            return other.LabelCount.CompareTo(LabelCount);
        }

        if (LiteralCharacterCount != other.LiteralCharacterCount)
        {
            return other.LiteralCharacterCount.CompareTo(LiteralCharacterCount);
        }

        return MatchesSubdomains.CompareTo(other.MatchesSubdomains);
    }

    public bool Equals(HostPattern? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as HostPattern);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;

    private static readonly char[] NotInHosts = { '/', '@', '?', '#', ',', ':', '[', ']', '{', '}' };
}
