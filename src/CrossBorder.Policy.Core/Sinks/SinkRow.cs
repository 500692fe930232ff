using System;
using System.Collections.Generic;

namespace CrossBorder.Policy.Core.Sinks;

/// <summary>Where a sink call's destination comes from.</summary>
public enum SinkEndpointSource
{
    /// <summary>A URL argument (<see cref="SinkRow.UrlParameter"/>), absolute or relative to the client's endpoint.</summary>
    UrlArgument,

    /// <summary>A request message argument (<see cref="SinkRow.RequestParameter"/>): its <c>RequestUri</c>, relative to the client's endpoint.</summary>
    RequestMessage,

    /// <summary>The client the call is made on: its constructor arguments, initializer properties or builder chain (<see cref="EndpointRow"/>).</summary>
    Client,

    /// <summary>
    /// The client, else the registration of the type that declares the method (<see cref="RegistrationRow"/> of scope
    /// <see cref="RegistrationScope.DeclaringType"/>: Refit's <c>AddRefitClient&lt;T&gt;().ConfigureHttpClient(...)</c>,
    /// <c>AddGrpcClient&lt;T&gt;(o =&gt; o.Address = ...)</c>).
    /// </summary>
    ClientOrRegistration,
}

/// <summary>
/// One row of the sink catalogue: calls that send data out of the process. Strings only (metadata names and
/// parameter names); the analyzer maps the row to symbols. A row matches a method named in <see cref="MethodNames"/>
/// declared on <see cref="TypeMetadataName"/>, one of its subclasses or a type that implements it; or, when
/// <see cref="MethodAttribute"/> is set, any method of an interface carrying an attribute derived from it.
/// </summary>
public sealed record SinkRow
{
    /// <summary>Parameter name wildcard: every parameter carries data.</summary>
    public const string AllParameters = "*";

    /// <summary>Method name wildcard: every public instance method declared in a type derived from <see cref="TypeMetadataName"/> that has one of <see cref="DataParameters"/>.</summary>
    public const string AnyDerivedMethod = "*";

    /// <summary>A stable identifier (<c>http-body</c>, <c>kafka-produce</c>).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The package or framework assembly the sink lives in, for documentation (<c>Confluent.Kafka</c>).</summary>
    public string Library { get; init; } = string.Empty;

    /// <summary>The protocol, for messages and documentation (<c>HTTP</c>, <c>gRPC</c>, <c>Kafka</c>).</summary>
    public string Protocol { get; init; } = string.Empty;

    /// <summary>The declaring type's metadata name (<c>System.Net.Http.HttpClient</c>, <c>Confluent.Kafka.IProducer`2</c>); empty for attribute rows.</summary>
    public string TypeMetadataName { get; init; } = string.Empty;

    /// <summary>The short name shown in call chains (<c>HttpClient</c>).</summary>
    public string DisplayName { get; init; } = string.Empty;

    public IReadOnlyList<string> MethodNames { get; init; } = Array.Empty<string>();

    /// <summary>The metadata name of an attribute base class that marks sink methods on interfaces (<c>Refit.HttpMethodAttribute</c>).</summary>
    public string? MethodAttribute { get; init; }

    /// <summary>The parameters (by name) whose values leave the process; <see cref="AllParameters"/> for all of them.</summary>
    public IReadOnlyList<string> DataParameters { get; init; } = Array.Empty<string>();

    public SinkEndpointSource EndpointSource { get; init; } = SinkEndpointSource.Client;

    /// <summary>The parameter holding the URL, for <see cref="SinkEndpointSource.UrlArgument"/>.</summary>
    public string? UrlParameter { get; init; }

    /// <summary>The parameter holding the request message, for <see cref="SinkEndpointSource.RequestMessage"/>.</summary>
    public string? RequestParameter { get; init; }

    /// <summary>The parameter holding the client; <see langword="null"/> means the receiver (the first parameter of an extension method).</summary>
    public string? ClientParameter { get; init; }

    /// <summary>A one-line C# example of the call, for documentation.</summary>
    public string Example { get; init; } = string.Empty;
}
