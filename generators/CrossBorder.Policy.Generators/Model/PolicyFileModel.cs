using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Generators.Model;

/// <summary>What the generator takes from <c>crossborder.json</c>: endpoints, transfers and the processor.</summary>
/// <remarks>
/// Cacheability: equatable members only. A file that does not parse yields an empty model (the analyzers report
/// CBDT9xxx for it), so a broken file never fails the generator.
/// </remarks>
internal sealed record PolicyFileModel
{
    public static readonly PolicyFileModel Empty = new();

    /// <summary>The file is marked as the policy file by the package (<c>build_metadata.AdditionalFiles.CrossBorderKind = PolicyFile</c>).</summary>
    public bool Marked { get; init; }

    public EquatableArray<EndpointModel> Endpoints { get; init; } = EquatableArray<EndpointModel>.Empty;

    public EquatableArray<TransferModel> Transfers { get; init; } = EquatableArray<TransferModel>.Empty;

    public ProcessorModel? Processor { get; init; }

    /// <summary>The regulation options of the file (validity periods used for computed dates); Core's record of primitives, value-equatable.</summary>
    public CrossBorder.Policy.Core.Regulation.RegulationOptions Regulation { get; init; } = CrossBorder.Policy.Core.Regulation.RegulationOptions.Default;

    /// <summary>Whether missing <c>ValidUntil</c> dates are computed (<c>defaults.computeValidUntil</c>, default true).</summary>
    public bool ComputeValidUntil { get; init; } = true;
}
