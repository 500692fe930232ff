namespace CrossBorder.Policy.Generators.Model;

/// <summary>The personal-information processor's profile (<c>[assembly: DataProcessor]</c> or the policy file).</summary>
/// <remarks>Cacheability: strings and bools only.</remarks>
internal sealed record ProcessorModel(
    string Source,
    string? Name,
    bool CriticalInformationInfrastructureOperator,
    string? FreeTradeZone);
