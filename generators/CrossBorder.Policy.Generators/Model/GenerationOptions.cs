using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Generators.Model;

/// <summary>The generator's MSBuild switches, read from <c>build_property.*</c> and validated.</summary>
/// <remarks>
/// Cacheability: strings, bools and an <see cref="EquatableArray{T}"/> of problems only; equal when the
/// properties are equal, so editing source never re-runs the steps that depend on it.
/// </remarks>
internal sealed record GenerationOptions
{
    /// <summary>Whether the directory is generated (<c>CrossBorderGenerateDirectory</c>, default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The namespace of <c>CrossBorderDirectory</c>; null means "decide from the compilation".</summary>
    public string? Namespace { get; init; }

    /// <summary>The root namespace of the project (<c>RootNamespace</c>), a fallback for <see cref="Namespace"/>.</summary>
    public string? RootNamespace { get; init; }

    /// <summary>Whether the generated types are <c>public</c> (<c>CrossBorderDirectoryAccessibility=public</c>); default internal.</summary>
    public bool IsPublic { get; init; }

    /// <summary>Invalid property values, reported as CBDT9xxx warnings from a separate output.</summary>
    public EquatableArray<OptionProblem> Problems { get; init; } = EquatableArray<OptionProblem>.Empty;
}

/// <summary>One invalid MSBuild property value and the value used instead.</summary>
/// <remarks>Cacheability: strings only.</remarks>
internal sealed record OptionProblem(string Property, string Value, string Fallback);
