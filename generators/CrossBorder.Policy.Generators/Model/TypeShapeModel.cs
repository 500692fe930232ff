using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Generators.Model;

/// <summary>
/// The instance properties and fields of one type of this compilation whose types name other user types, for the
/// transitive classification of types (a type is classified by the classified members it contains, through nested
/// objects, arrays, collections, dictionaries, <c>Nullable&lt;T&gt;</c>, tasks and tuples).
/// </summary>
/// <remarks>
/// Cacheability: strings and <see cref="EquatableArray{T}"/> only. Types from <c>System.*</c> namespaces and
/// special types are left out, so most edits (a new <c>int</c> property) leave the model equal.
/// </remarks>
internal sealed record TypeShapeModel(string TypeId, string Name, EquatableArray<MemberShape> Members)
{
    /// <summary>The referenced assembly that declares the type; null for this compilation.</summary>
    public string? Assembly { get; init; }

    /// <summary>
    /// For types of this compilation: the ids of the types of other assemblies its declaration names (base type,
    /// interfaces, constraints, and the signatures of all its members, with type arguments, arrays, nullable, tasks
    /// and tuples), which select the referenced classified types the directory lists.
    /// </summary>
    public EquatableArray<string> Uses { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>The classified entries and the type shapes of the referenced assemblies.</summary>
/// <remarks>Cacheability: <see cref="EquatableArray{T}"/> of records only.</remarks>
internal sealed record ReferencedModel(EquatableArray<DataEntryModel> Entries, EquatableArray<TypeShapeModel> Shapes);

/// <summary>One property or field and the documentation comment ids of the user types its type mentions.</summary>
/// <remarks>Cacheability: strings only.</remarks>
internal sealed record MemberShape(string MemberId, EquatableArray<string> TypeIds);

/// <summary>
/// The type declarations of one syntax tree as written, without binding: what the <c>TypeShapes</c> step needs to
/// decide which types are worth binding.
/// </summary>
/// <remarks>
/// Cacheability: an int, strings and <see cref="EquatableArray{T}"/> of records. Edits inside method bodies, comments
/// and new members of predefined types leave it equal, so only a changed declaration re-runs the steps after it.
/// </remarks>
internal sealed record TreeDeclarationsModel(int TreeIndex, EquatableArray<DeclaredTypeModel> Types, EquatableArray<AliasModel> Aliases);

/// <summary>
/// One type declaration as written: its key within the tree (namespace, containing types, name and arity), its simple
/// name, the simple names its instance fields and properties (and positional record parameters) are written with, and
/// the simple names its whole declaration mentions outside bodies, initializers and nested types.
/// </summary>
/// <remarks>Cacheability: strings only.</remarks>
internal sealed record DeclaredTypeModel(string Key, string Name, EquatableArray<string> MemberTypeNames, EquatableArray<string> SignatureNames);

/// <summary>A <c>using Alias = …;</c> directive: the alias and the simple names of its target.</summary>
/// <remarks>Cacheability: strings only.</remarks>
internal sealed record AliasModel(string Alias, EquatableArray<string> TargetNames);

/// <summary>A type declaration to bind: the index of its tree in the compilation and its key within that tree.</summary>
/// <remarks>Cacheability: an int and a string.</remarks>
internal sealed record TypeLocation(int TreeIndex, string Key);
