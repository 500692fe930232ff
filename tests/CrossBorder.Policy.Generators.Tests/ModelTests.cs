using System.Reflection;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Generators.Tests;

public sealed class ModelTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel),
        typeof(SyntaxToken), typeof(Location), typeof(AttributeData), typeof(TypedConstant), typeof(Diagnostic),
    };

    public static IEnumerable<Type> ModelTypes => typeof(DirectoryModel).Assembly.GetTypes()
        .Where(static t => t.Namespace == typeof(DirectoryModel).Namespace && !t.IsNested && !t.IsEnum)
        .OrderBy(static t => t.FullName, StringComparer.Ordinal);

    [Fact]
    public void ModelNamespace_HoldsTheModels()
    {
        var names = ModelTypes.Select(static t => t.Name).ToArray();
        Assert.Contains(nameof(DirectoryModel), names);
        Assert.Contains(nameof(DataEntryModel), names);
        Assert.Contains(nameof(TransferModel), names);
        Assert.Contains(nameof(EndpointModel), names);
        Assert.Contains(nameof(GenerationOptions), names);
    }

    [Fact]
    public void NoModel_ReachesASymbolCompilationOrSyntaxNode()
    {
        var visited = new HashSet<Type>();
        foreach (var type in ModelTypes)
        {
            Walk(type, visited, type.Name);
        }
    }

    [Fact]
    public void EveryModel_IsASealedValueEquatableRecord()
    {
        foreach (var type in ModelTypes)
        {
            Assert.True(type.IsSealed, type.Name + " is not sealed");
            Assert.True(typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type), type.Name + " is not IEquatable<itself>");
            Assert.NotNull(type.GetMethod("<Clone>$")); // compiler-generated for records
        }
    }

    [Fact]
    public void EquatableArray_ComparesByValue()
    {
        var a = new EquatableArray<string>(new[] { "x", "y" });
        var b = new EquatableArray<string>(new List<string> { "x", "y" });
        var c = new EquatableArray<string>(new[] { "y", "x" });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal(default(EquatableArray<string>), EquatableArray<string>.Empty);
    }

    private static void Walk(Type type, HashSet<Type> visited, string path)
    {
        if (!visited.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string))
        {
            return;
        }

        foreach (var forbidden in Forbidden)
        {
            Assert.False(forbidden.IsAssignableFrom(type), $"{path} reaches {type.FullName}, a {forbidden.Name}");
        }

        Assert.False(type == typeof(object), $"{path} is typed object, which could hold anything");

        if (type.IsArray)
        {
            Walk(type.GetElementType()!, visited, path + "[]");
            return;
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
        {
            Walk(argument, visited, $"{path}<{argument.Name}>");
        }

        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return; // Nullable<T>, ImmutableArray<T> and the like: their arguments were walked above
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.FieldType, visited, path + "." + field.Name);
        }
    }
}
