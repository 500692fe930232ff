using System;
using System.Globalization;
using System.Text;

namespace CrossBorder.Policy.Core.Json;

/// <summary>
/// Writes JSON in one canonical form: two-space indentation, <c>\n</c> line ends, a final newline, properties in
/// the order given, minimal escaping (non-ASCII text such as Chinese stays readable), numbers as written.
/// Callers that need a canonical document sort their properties and items ordinally before writing.
/// </summary>
public static class JsonWriter
{
    public static string Write(JsonNode node)
    {
        if (node is null)
        {
            throw new ArgumentNullException(nameof(node));
        }

        var builder = new StringBuilder();
        WriteValue(builder, node, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    /// <summary>Writes <paramref name="value"/> as a JSON string literal, quotes included.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        WriteString(builder, value);
        return builder.ToString();
    }

    private static void WriteValue(StringBuilder builder, JsonNode node, int indent)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.Properties.Count == 0)
                {
                    builder.Append("{}");
                    return;
                }

                builder.Append("{\n");
                for (var i = 0; i < obj.Properties.Count; i++)
                {
                    Indent(builder, indent + 1);
                    WriteString(builder, obj.Properties[i].Name);
                    builder.Append(": ");
                    WriteValue(builder, obj.Properties[i].Value, indent + 1);
                    builder.Append(i + 1 < obj.Properties.Count ? ",\n" : "\n");
                }

                Indent(builder, indent);
                builder.Append('}');
                return;
            case JsonArray array:
                if (array.Items.Count == 0)
                {
                    builder.Append("[]");
                    return;
                }

                builder.Append("[\n");
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Indent(builder, indent + 1);
                    WriteValue(builder, array.Items[i], indent + 1);
                    builder.Append(i + 1 < array.Items.Count ? ",\n" : "\n");
                }

                Indent(builder, indent);
                builder.Append(']');
                return;
            case JsonString s:
                WriteString(builder, s.Value);
                return;
            case JsonNumber n:
                builder.Append(n.Text);
                return;
            default:
                builder.Append(node.Kind switch
                {
                    JsonKind.True => "true",
                    JsonKind.False => "false",
                    _ => "null",
                });
                return;
        }
    }

    private static void Indent(StringBuilder builder, int indent) => builder.Append(' ', indent * 2);

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029' || IsLoneSurrogate(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    // A lone surrogate cannot be encoded as UTF-8; escape it so the output is always valid.
    private static bool IsLoneSurrogate(string value, int i)
    {
        var c = value[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
    }
}
