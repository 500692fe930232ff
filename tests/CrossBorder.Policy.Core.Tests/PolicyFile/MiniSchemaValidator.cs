using System.Globalization;
using System.Text.RegularExpressions;
using CrossBorder.Policy.Core.Json;

namespace CrossBorder.Policy.Core.Tests.PolicyFile;

/// <summary>
/// A JSON Schema (draft 2020-12) validator for exactly the keywords crossborder.schema.json uses. It throws on any
/// other keyword, so the schema cannot grow a keyword these tests would silently ignore.
/// </summary>
internal sealed class MiniSchemaValidator
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "$schema", "$defs", "title", "description" };

    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "type", "properties", "additionalProperties", "required", "enum", "pattern", "minimum", "maximum", "minLength", "items", "$ref", "anyOf",
    };

    private readonly JsonObject _root;

    public MiniSchemaValidator(JsonObject root)
    {
        _root = root;
    }

    public List<string> Validate(JsonNode instance)
    {
        var errors = new List<string>();
        Validate(_root, instance, "$", errors);
        return errors;
    }

    public JsonObject Resolve(JsonObject schema)
    {
        while (schema["$ref"] is JsonString reference)
        {
            const string prefix = "#/$defs/";
            if (!reference.Value.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new NotSupportedException("Only #/$defs/ references are supported: " + reference.Value);
            }

            var defs = (JsonObject)_root["$defs"]!;
            schema = (JsonObject)(defs[reference.Value.Substring(prefix.Length)] ?? throw new InvalidOperationException("Unresolved $ref " + reference.Value));
        }

        return schema;
    }

    private void Validate(JsonObject schema, JsonNode instance, string path, List<string> errors)
    {
        foreach (var keyword in schema.Properties)
        {
            if (!Annotations.Contains(keyword.Name) && !Supported.Contains(keyword.Name))
            {
                throw new NotSupportedException($"Keyword '{keyword.Name}' at {path} is not supported by the test validator.");
            }
        }

        if (schema["$ref"] is not null)
        {
            Validate(Resolve(schema), instance, path, errors);
        }

        if (schema["type"] is JsonString type && !HasType(instance, type.Value))
        {
            errors.Add($"{path}: expected {type.Value}, found {instance.KindName}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Items.Any(a => SameValue(a, instance)))
        {
            errors.Add($"{path}: value not in enum");
        }

        if (instance is JsonString s)
        {
            if (schema["pattern"] is JsonString pattern && !Regex.IsMatch(s.Value, pattern.Value, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                errors.Add($"{path}: '{s.Value}' does not match {pattern.Value}");
            }

            if (schema["minLength"] is JsonNumber minLength && s.Value.Length < long.Parse(minLength.Text, CultureInfo.InvariantCulture))
            {
                errors.Add($"{path}: shorter than {minLength.Text}");
            }
        }

        if (instance is JsonNumber n && n.TryGetDouble(out var value))
        {
            if (schema["minimum"] is JsonNumber min && min.TryGetDouble(out var minValue) && value < minValue)
            {
                errors.Add($"{path}: {n.Text} below minimum {min.Text}");
            }

            if (schema["maximum"] is JsonNumber max && max.TryGetDouble(out var maxValue) && value > maxValue)
            {
                errors.Add($"{path}: {n.Text} above maximum {max.Text}");
            }
        }

        if (instance is JsonObject obj)
        {
            var properties = schema["properties"] as JsonObject;
            if (schema["required"] is JsonArray required)
            {
                foreach (var name in required.Items.Cast<JsonString>())
                {
                    if (obj[name.Value] is null)
                    {
                        errors.Add($"{path}: missing required '{name.Value}'");
                    }
                }
            }

            foreach (var property in obj.Properties)
            {
                if (properties?[property.Name] is JsonObject propertySchema)
                {
                    Validate(propertySchema, property.Value, path + "." + property.Name, errors);
                }
                else if (schema["additionalProperties"] is JsonNode additional && additional.Kind == JsonKind.False)
                {
                    errors.Add($"{path}: additional property '{property.Name}'");
                }
            }
        }

        if (instance is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Items.Count; i++)
            {
                Validate(items, array.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", errors);
            }
        }

        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Items.Cast<JsonObject>().Any(branch => { var e = new List<string>(); Validate(branch, instance, path, e); return e.Count == 0; }))
        {
            errors.Add($"{path}: matches none of anyOf");
        }
    }

    private static bool HasType(JsonNode node, string type) => type switch
    {
        "object" => node.Kind == JsonKind.Object,
        "array" => node.Kind == JsonKind.Array,
        "string" => node.Kind == JsonKind.String,
        "boolean" => node.Kind is JsonKind.True or JsonKind.False,
        "number" => node.Kind == JsonKind.Number,
        "integer" => node is JsonNumber n && n.TryGetDouble(out var d) && Math.Floor(d) == d,
        "null" => node.Kind == JsonKind.Null,
        _ => throw new NotSupportedException("type " + type),
    };

    private static bool SameValue(JsonNode a, JsonNode b) => (a, b) switch
    {
        (JsonString x, JsonString y) => x.Value == y.Value,
        (JsonNumber x, JsonNumber y) => x.TryGetDouble(out var dx) && y.TryGetDouble(out var dy) && dx == dy,
        _ => a.Kind == b.Kind && a.Kind is JsonKind.True or JsonKind.False or JsonKind.Null,
    };
}
