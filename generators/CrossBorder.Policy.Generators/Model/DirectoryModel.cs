using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Generators.Model;

/// <summary>Everything the emitter needs: the merged, sorted, de-duplicated directory of one compilation.</summary>
/// <remarks>
/// Cacheability: built only from the value-equatable models above; equal input gives an equal model, and the
/// source output runs again only when this model changes.
/// </remarks>
internal sealed record DirectoryModel
{
    /// <summary>The assembly the directory describes.</summary>
    public string AssemblyName { get; init; } = string.Empty;

    /// <summary>The namespace of the generated types (never empty).</summary>
    public string Namespace { get; init; } = string.Empty;

    public bool IsPublic { get; init; }

    /// <summary>The consumer's language version has nullable reference types (C# 8 or later).</summary>
    public bool NullableAnnotations { get; init; } = true;

    /// <summary>Classified types and members, ordinally sorted by id (local and referenced).</summary>
    public EquatableArray<DataEntryModel> Entries { get; init; } = EquatableArray<DataEntryModel>.Empty;

    public EquatableArray<EndpointModel> Endpoints { get; init; } = EquatableArray<EndpointModel>.Empty;

    public EquatableArray<TransferModel> Transfers { get; init; } = EquatableArray<TransferModel>.Empty;

    public ProcessorModel? Processor { get; init; }
}
