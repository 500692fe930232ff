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
internal sealed record TypeShapeModel(string TypeId, string Name, EquatableArray<MemberShape> Members);

/// <summary>One property or field and the documentation comment ids of the user types its type mentions.</summary>
/// <remarks>Cacheability: strings only.</remarks>
internal sealed record MemberShape(string MemberId, EquatableArray<string> TypeIds);
