namespace CrossBorder.Policy.Generators.Model;

/// <summary>What the generator takes from <c>crossborder.json</c>: endpoints, transfers and the processor.</summary>
/// <remarks>
/// Cacheability: equatable members only. A file that does not parse yields an empty model (the analyzers report
/// CBDT9xxx for it), so a broken file never fails the generator.
/// </remarks>
internal sealed record PolicyFileModel
{
    public static readonly PolicyFileModel Empty = new();

    public EquatableArray<EndpointModel> Endpoints { get; init; } = EquatableArray<EndpointModel>.Empty;

    public EquatableArray<TransferModel> Transfers { get; init; } = EquatableArray<TransferModel>.Empty;

    public ProcessorModel? Processor { get; init; }
}
