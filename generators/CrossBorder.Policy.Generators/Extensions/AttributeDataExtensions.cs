using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Generators.Extensions;

/// <summary>
/// Typed reads of attribute arguments. Each returns null (or empty) when the argument is absent or not of the
/// expected kind, as in code that does not compile, so that bad input never throws.
/// </summary>
internal static class AttributeDataExtensions
{
    private static TypedConstant? Named(this AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public static string? NamedString(this AttributeData attribute, string name) =>
        attribute.Named(name) is { Kind: TypedConstantKind.Primitive, Value: string value } ? value : null;

    public static bool? NamedBool(this AttributeData attribute, string name) =>
        attribute.Named(name) is { Kind: TypedConstantKind.Primitive, Value: bool value } ? value : null;

    public static int? NamedInt(this AttributeData attribute, string name) =>
        attribute.Named(name) is { Kind: TypedConstantKind.Primitive or TypedConstantKind.Enum, Value: int value } ? value : null;

    public static long? NamedLong(this AttributeData attribute, string name) => attribute.Named(name) switch
    {
        { Kind: TypedConstantKind.Primitive, Value: long value } => value,
        { Kind: TypedConstantKind.Primitive, Value: int value } => value,
        _ => null,
    };

    public static string[] NamedStrings(this AttributeData attribute, string name)
    {
        if (attribute.Named(name) is not { Kind: TypedConstantKind.Array } array || array.IsNull)
        {
            return Array.Empty<string>();
        }

        return array.Values.Select(static v => v.Value as string).Where(static v => v is not null).ToArray()!;
    }

    public static string? ConstructorString(this AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index] is { Kind: TypedConstantKind.Primitive, Value: string value }
            ? value
            : null;

    public static int? ConstructorInt(this AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index] is { Kind: TypedConstantKind.Primitive or TypedConstantKind.Enum, Value: int value }
            ? value
            : null;
}
