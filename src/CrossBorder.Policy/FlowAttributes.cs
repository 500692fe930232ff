using System;

namespace CrossBorder.Policy;

/// <summary>
/// The method's return value is anonymized (PIPL Art. 73(4)) and carries no personal information. It
/// declassifies personal information only: important data and core data keep their class, and
/// de-identification (Art. 73(3)) is not anonymization.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class AnonymizerAttribute : Attribute
{
    /// <summary>How the method anonymizes, for auditors.</summary>
    public string? Method { get; set; }
}

/// <summary>
/// The method sends its arguments out of the process, for wrappers around SDKs the analyzer does not know.
/// Combine with <see cref="ForeignEndpointAttribute"/> or <see cref="DomesticEndpointAttribute"/> on the method
/// or its type to say where the data goes.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class DataSinkAttribute : Attribute
{
    /// <summary>What the sink is, for the generated manifest.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// Binds code (a client type, a field, a property, a parameter, a method or the whole assembly) to an
/// endpoint outside mainland China. Hong Kong, Macao and Taiwan are outside the mainland for outbound-transfer
/// purposes.
/// </summary>
[AttributeUsage(EndpointTargets.All, AllowMultiple = true, Inherited = true)]
public sealed class ForeignEndpointAttribute : Attribute
{
    /// <summary>Creates the binding.</summary>
    /// <param name="jurisdiction">The ISO 3166-1 alpha-2 code of the recipient's jurisdiction, for example <c>"SG"</c>.</param>
    public ForeignEndpointAttribute(string jurisdiction)
    {
        Jurisdiction = jurisdiction;
    }

    /// <summary>The ISO 3166-1 alpha-2 code of the recipient's jurisdiction.</summary>
    public string Jurisdiction { get; }

    /// <summary>The host or a host pattern (<c>"api.partner.sg"</c>, <c>"*.partner.sg"</c>).</summary>
    public string? Host { get; set; }

    /// <summary>The overseas recipient (境外接收方), as named in the authorization.</summary>
    public string? Recipient { get; set; }
}

/// <summary>Binds code to an endpoint inside mainland China.</summary>
[AttributeUsage(EndpointTargets.All, AllowMultiple = true, Inherited = true)]
public sealed class DomesticEndpointAttribute : Attribute
{
    /// <summary>The host or a host pattern (<c>"*.example.cn"</c>).</summary>
    public string? Host { get; set; }
}

internal static class EndpointTargets
{
    public const AttributeTargets All =
        AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface |
        AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter |
        AttributeTargets.Method | AttributeTargets.Assembly;
}
