using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>
/// The matcher shared by <see cref="HostPattern"/> and the knowledge-base rules. A template is a dot-separated
/// list of labels, matched against a normalized host label by label from the right, so a match always falls on
/// label boundaries:
/// <list type="bullet">
/// <item>a leading <c>*</c> label matches one or more labels (subdomains at any depth, never the apex);</item>
/// <item>a <c>*</c> inside any other label matches zero or more characters within that one label
/// (<c>oss-cn-*</c>); a lone <c>*</c> there matches exactly one label;</item>
/// <item>(knowledge base only) a <c>{key}</c> placeholder, optionally with a literal prefix and suffix and an
/// open end (<c>oss-{region}</c>, <c>{region}-*</c>), matches a key of the rule's <see cref="RegionTable"/>.</item>
/// </list>
/// The last label must be a plain literal. Parsed once; matching allocates nothing but the key substring.
/// </summary>
internal sealed class HostTemplate
{
    private readonly Label[] _labels;

    private HostTemplate(string text, bool leadingSubdomains, Label[] labels)
    {
        Text = text;
        LeadingSubdomains = leadingSubdomains;
        _labels = labels;
        foreach (var label in labels)
        {
            if (label.Kind == LabelKind.Literal)
            {
                LiteralLabelCount++;
            }

            LiteralCharacterCount += label.Prefix.Length + label.Suffix.Length;
        }
    }

    internal enum LabelKind
    {
        Literal,
        Glob,
        Key,
    }

    /// <summary>The template as written (normalized: lower case, punycode, no trailing dot).</summary>
    public string Text { get; }

    /// <summary>True when the template starts with <c>*.</c> (one or more subdomain labels).</summary>
    public bool LeadingSubdomains { get; }

    /// <summary>Labels counted with the leading <c>*</c> as one.</summary>
    public int LabelCount => _labels.Length + (LeadingSubdomains ? 1 : 0);

    public int LiteralLabelCount { get; }

    public int LiteralCharacterCount { get; }

    public bool IsExact => !LeadingSubdomains && LiteralLabelCount == _labels.Length;

    public bool HasKey
    {
        get
        {
            foreach (var label in _labels)
            {
                if (label.Kind == LabelKind.Key)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The fixed trailing labels an index can bucket the template by: the last two labels joined with '.' when both
    /// are literal (<c>amazonaws.com</c>), else the last label when literal (<c>local</c>), else null.
    /// </summary>
    public string? IndexKey
    {
        get
        {
            var n = _labels.Length;
            if (n == 0 || _labels[n - 1].Kind != LabelKind.Literal)
            {
                return null;
            }

            return n >= 2 && _labels[n - 2].Kind == LabelKind.Literal
                ? _labels[n - 2].Prefix + "." + _labels[n - 1].Prefix
                : _labels[n - 1].Prefix;
        }
    }

    public static bool TryParse(string? text, bool allowKey, out HostTemplate template, out string error)
    {
        template = null!;
        if (text is null || text.Length == 0)
        {
            error = "the host pattern is empty";
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                error = $"the host pattern '{text}' contains whitespace or a control character";
                return false;
            }

            if (c is '/' or '@' or '?' or '#' or ':' or '[' or ']' or '\\' or ',')
            {
                error = $"the host pattern '{text}' contains '{c}': a pattern is a host name such as 'api.example.com' or '*.example.com', not a URL or a host with a port";
                return false;
            }

            if (!allowKey && c is '{' or '}')
            {
                error = $"the host pattern '{text}' contains '{c}'; only '*' is a wildcard";
                return false;
            }
        }

        if (string.Equals(text, "*", StringComparison.Ordinal) || string.Equals(text, "*.", StringComparison.Ordinal))
        {
            error = "the host pattern '*' would match every host; set the default for unknown hosts instead";
            return false;
        }

        var body = EndpointParser.IsDot(text[text.Length - 1]) ? text.Substring(0, text.Length - 1) : text;
        var parts = body.Split('.', '\u3002', '\uFF0E', '\uFF61');
        var labels = new List<Label>(parts.Length);
        var leading = false;
        var normalized = new List<string>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                error = $"the host pattern '{text}' has an empty label";
                return false;
            }

            if (i == 0 && string.Equals(part, "*", StringComparison.Ordinal) && parts.Length > 1)
            {
                leading = true;
                normalized.Add("*");
                continue;
            }

            if (!TryParseLabel(part, allowKey, text, out var label, out var labelText, out error))
            {
                return false;
            }

            if (i == parts.Length - 1 && label.Kind == LabelKind.Glob)
            {
                error = $"the host pattern '{text}' ends with a wildcard label; the last label (the top-level domain) must be fixed, as in '*.example.com'";
                return false;
            }

            labels.Add(label);
            normalized.Add(labelText);
        }

        var joined = string.Join(".", normalized);
        if (joined.Length > 253)
        {
            error = $"the host pattern '{text}' is longer than 253 characters";
            return false;
        }

        template = new HostTemplate(joined, leading, labels.ToArray());
        error = string.Empty;
        return true;
    }

    private static bool TryParseLabel(string part, bool allowKey, string text, out Label label, out string labelText, out string error)
    {
        label = default;
        labelText = string.Empty;
        var open = part.IndexOf('{');
        if (open >= 0)
        {
            var close = part.IndexOf('}', open);
            if (!allowKey || close < 0 || part.IndexOf('{', open + 1) >= 0 || part.IndexOf('}', close + 1) >= 0)
            {
                error = $"the template '{text}' has a malformed '{{key}}' placeholder in '{part}'";
                return false;
            }

            var prefix = part.Substring(0, open).ToLowerInvariant();
            var suffix = part.Substring(close + 1).ToLowerInvariant();
            var openEnd = suffix.EndsWith("*", StringComparison.Ordinal);
            if (openEnd)
            {
                suffix = suffix.Substring(0, suffix.Length - 1);
            }

            if (prefix.IndexOf('*') >= 0 || suffix.IndexOf('*') >= 0 || !IsLiteralText(prefix) || !IsLiteralText(suffix) || (openEnd && suffix.Length == 0))
            {
                error = $"the template '{text}' has an invalid label '{part}' around its placeholder";
                return false;
            }

            label = new Label(LabelKind.Key, prefix, suffix, openEnd);
            labelText = part.ToLowerInvariant();
            error = string.Empty;
            return true;
        }

        if (part.IndexOf('}') >= 0)
        {
            error = $"the template '{text}' has a stray '}}' in '{part}'";
            return false;
        }

        var star = part.IndexOf('*');
        if (star >= 0)
        {
            if (part.IndexOf('*', star + 1) >= 0)
            {
                error = $"the host pattern '{text}' has more than one '*' in the label '{part}'; use at most one per label";
                return false;
            }

            if (!EndpointParser.IsAscii(part))
            {
                error = $"the host pattern '{text}' mixes '*' with non-ASCII characters in the label '{part}'; write that label in punycode (xn--...)";
                return false;
            }

            var lower = part.ToLowerInvariant();
            var prefix = lower.Substring(0, star);
            var suffix = lower.Substring(star + 1);
            if (!IsLiteralText(prefix) || !IsLiteralText(suffix))
            {
                error = $"the host pattern '{text}' has an invalid character in the label '{part}' (letters, digits, '-', '_' and one '*')";
                return false;
            }

            label = new Label(LabelKind.Glob, prefix, suffix, false);
            labelText = lower;
            error = string.Empty;
            return true;
        }

        var literal = part;
        if (!EndpointParser.IsAscii(literal))
        {
            try
            {
                literal = IdnLabel(literal);
            }
            catch (ArgumentException)
            {
                error = $"the host pattern '{text}' has an invalid internationalized label '{part}'";
                return false;
            }
        }

        literal = literal.ToLowerInvariant();
        if (literal.Length > 63 || !IsLiteralText(literal) || literal[0] == '-' || literal[literal.Length - 1] == '-')
        {
            error = $"the host pattern '{text}' has an invalid label '{part}' (1 to 63 letters, digits, '-' or '_', not starting or ending with '-')";
            return false;
        }

        label = new Label(LabelKind.Literal, literal, string.Empty, false);
        labelText = literal;
        error = string.Empty;
        return true;
    }

    private static string IdnLabel(string label) => new IdnMapping().GetAscii(label);

    private static bool IsLiteralText(string text)
    {
        foreach (var c in text)
        {
            if (!EndpointParser.IsLabelChar(char.ToLowerInvariant(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Matches host labels (normalized, split on '.'); returns false when a key is not in <paramref name="table"/>.</summary>
    public bool IsMatch(string[] host, RegionTable? table, out RegionEntry? key)
    {
        key = null;
        var count = _labels.Length;
        if (LeadingSubdomains ? host.Length <= count : host.Length != count)
        {
            return false;
        }

        var offset = host.Length - count;

        // Literal labels first: cheap, and they reject almost every host.
        for (var i = count - 1; i >= 0; i--)
        {
            var label = _labels[i];
            var value = host[offset + i];
            switch (label.Kind)
            {
                case LabelKind.Literal:
                    if (!string.Equals(label.Prefix, value, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    break;
                case LabelKind.Glob:
                    if (value.Length < label.Prefix.Length + label.Suffix.Length ||
                        !value.StartsWith(label.Prefix, StringComparison.Ordinal) ||
                        !value.EndsWith(label.Suffix, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    break;
            }
        }

        for (var i = 0; i < count; i++)
        {
            var label = _labels[i];
            if (label.Kind == LabelKind.Key)
            {
                if (table is null || !TryMatchKey(label, host[offset + i], table, out var entry))
                {
                    return false;
                }

                key = entry;
            }
        }

        return true;
    }

    private static bool TryMatchKey(Label label, string value, RegionTable table, out RegionEntry entry)
    {
        entry = null!;
        if (value.Length <= label.Prefix.Length + label.Suffix.Length || !value.StartsWith(label.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (!label.OpenEnd)
        {
            if (!value.EndsWith(label.Suffix, StringComparison.Ordinal))
            {
                return false;
            }

            var middle = value.Substring(label.Prefix.Length, value.Length - label.Prefix.Length - label.Suffix.Length);
            return table.TryFind(middle, out entry);
        }

        // "{region}-*": the longest table key followed by the suffix and at least one more character.
        var start = label.Prefix.Length;
        for (var at = value.LastIndexOf(label.Suffix, StringComparison.Ordinal); at > start; at = at == 0 ? -1 : value.LastIndexOf(label.Suffix, at - 1, StringComparison.Ordinal))
        {
            if (at + label.Suffix.Length < value.Length && table.TryFind(value.Substring(start, at - start), out entry))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Text;

    internal readonly struct Label
    {
        public Label(LabelKind kind, string prefix, string suffix, bool openEnd)
        {
            Kind = kind;
            Prefix = prefix;
            Suffix = suffix;
            OpenEnd = openEnd;
        }

        public LabelKind Kind { get; }

        /// <summary>The literal text of a literal label, or the text before the wildcard or placeholder.</summary>
        public string Prefix { get; }

        public string Suffix { get; }

        public bool OpenEnd { get; }
    }
}
