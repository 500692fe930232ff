using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrossBorder.Policy.Core.Json;

/// <summary>A position in a text: 1-based line and column (in UTF-16 code units).</summary>
public readonly struct TextPosition : IEquatable<TextPosition>
{
    public TextPosition(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    public bool Equals(TextPosition other) => Line == other.Line && Column == other.Column;

    public override bool Equals(object? obj) => obj is TextPosition other && Equals(other);

    public override int GetHashCode() => (Line * 397) ^ Column;

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}:{1}", Line, Column);

    public static bool operator ==(TextPosition left, TextPosition right) => left.Equals(right);

    public static bool operator !=(TextPosition left, TextPosition right) => !left.Equals(right);
}

/// <summary>The kinds of JSON values.</summary>
public enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// An immutable JSON value that remembers where it stood in its source text, so that every error found while
/// reading a policy file or a manifest can name the line and column.
/// </summary>
public abstract class JsonNode
{
    private protected JsonNode(TextPosition position)
    {
        Position = position;
    }

    /// <summary>Where the value starts in its source (0:0 for values built in code).</summary>
    public TextPosition Position { get; }

    public abstract JsonKind Kind { get; }

    /// <summary>The JSON type name used in error messages ("object", "array", "string", "number", "boolean", "null").</summary>
    public string KindName => Kind switch
    {
        JsonKind.Object => "object",
        JsonKind.Array => "array",
        JsonKind.String => "string",
        JsonKind.Number => "number",
        JsonKind.True or JsonKind.False => "boolean",
        _ => "null",
    };
}

/// <summary>A JSON object. Properties keep their source order; duplicate names are rejected by the reader.</summary>
public sealed class JsonObject : JsonNode
{
    private readonly Dictionary<string, JsonProperty> _byName;

    public JsonObject(IReadOnlyList<JsonProperty> properties, TextPosition position = default)
        : base(position)
    {
        Properties = properties;
        _byName = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            _byName[property.Name] = property;
        }
    }

    public override JsonKind Kind => JsonKind.Object;

    public IReadOnlyList<JsonProperty> Properties { get; }

    public bool TryGetProperty(string name, out JsonProperty property) => _byName.TryGetValue(name, out property!);

    public JsonNode? this[string name] => _byName.TryGetValue(name, out var property) ? property.Value : null;
}

/// <summary>One name/value pair of a <see cref="JsonObject"/>, with the position of its name.</summary>
public sealed class JsonProperty
{
    public JsonProperty(string name, JsonNode value, TextPosition namePosition = default)
    {
        Name = name;
        Value = value;
        NamePosition = namePosition;
    }

    public string Name { get; }

    public JsonNode Value { get; }

    public TextPosition NamePosition { get; }
}

public sealed class JsonArray : JsonNode
{
    public JsonArray(IReadOnlyList<JsonNode> items, TextPosition position = default)
        : base(position)
    {
        Items = items;
    }

    public override JsonKind Kind => JsonKind.Array;

    public IReadOnlyList<JsonNode> Items { get; }
}

public sealed class JsonString : JsonNode
{
    public JsonString(string value, TextPosition position = default)
        : base(position)
    {
        Value = value;
    }

    public override JsonKind Kind => JsonKind.String;

    public string Value { get; }
}

/// <summary>A JSON number, kept as its source text so that no precision is lost and output is canonical.</summary>
public sealed class JsonNumber : JsonNode
{
    public JsonNumber(string text, TextPosition position = default)
        : base(position)
    {
        Text = text;
    }

    public JsonNumber(long value)
        : this(value.ToString(CultureInfo.InvariantCulture))
    {
    }

    public override JsonKind Kind => JsonKind.Number;

    /// <summary>The number exactly as written.</summary>
    public string Text { get; }

    public bool TryGetInt64(out long value) =>
        long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public bool TryGetDouble(out double value) =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}

public sealed class JsonLiteral : JsonNode
{
    private JsonLiteral(JsonKind kind, TextPosition position)
        : base(position)
    {
        Kind = kind;
    }

    public override JsonKind Kind { get; }

    public static JsonLiteral True(TextPosition position = default) => new(JsonKind.True, position);

    public static JsonLiteral False(TextPosition position = default) => new(JsonKind.False, position);

    public static JsonLiteral Null(TextPosition position = default) => new(JsonKind.Null, position);

    public static JsonLiteral Boolean(bool value, TextPosition position = default) => value ? True(position) : False(position);
}
