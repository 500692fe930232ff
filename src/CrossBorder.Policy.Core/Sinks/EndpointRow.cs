using System;
using System.Collections.Generic;

namespace CrossBorder.Policy.Core.Sinks;

/// <summary>How an endpoint row gives a value its destination.</summary>
public enum EndpointRowKind
{
    /// <summary>A constructor (<see cref="EndpointRow.ConstructorName"/>) or method argument: the call's result carries the endpoint.</summary>
    Argument,

    /// <summary>A property of the type, set in an object initializer or assigned later (<c>BaseAddress</c>, <c>HostName</c>).</summary>
    Property,

    /// <summary>Static members of the type whose values are known by name (<c>RegionEndpoint.EUWest1</c>): see <see cref="EndpointRow.StaticValues"/>.</summary>
    StaticMember,

    /// <summary>A method whose name argument selects a registered client (<c>IHttpClientFactory.CreateClient("name")</c>): see <see cref="RegistrationRow"/>.</summary>
    NamedRegistration,
}

/// <summary>How the text of an endpoint value is turned into an absolute URL.</summary>
public enum EndpointValueKind
{
    /// <summary>An absolute URL (string or <c>Uri</c>).</summary>
    Url,

    /// <summary>A host name, optionally with a port (<c>smtp.example.com</c>); <see cref="EndpointRow.Scheme"/> is prefixed.</summary>
    Host,

    /// <summary>A comma-separated list of <c>host:port</c> (Kafka bootstrap servers); each gets <see cref="EndpointRow.Scheme"/>.</summary>
    HostList,

    /// <summary>A cloud region name (<c>eu-west-1</c>) turned into the service's regional host (<see cref="EndpointRow.Service"/>).</summary>
    AwsRegion,

    /// <summary>An Azure Storage connection string (<c>AccountName=...;EndpointSuffix=...</c>, or <c>BlobEndpoint=...</c>).</summary>
    AzureStorageConnectionString,

    /// <summary>Another value that carries an endpoint (an options object, a channel, a builder, a connection): its endpoint passes along.</summary>
    Carrier,

    /// <summary>The text itself, unchanged (a region name returned by <c>RegionEndpoint.GetBySystemName</c>).</summary>
    Text,
}

/// <summary>
/// One row of the endpoint catalogue: where a client gets its destination from. Strings only; the analyzer maps the
/// row to symbols. <see cref="TypeMetadataName"/> matches the type itself and its subclasses.
/// </summary>
public sealed record EndpointRow
{
    /// <summary>The member name of a constructor (<c>.ctor</c>).</summary>
    public const string ConstructorName = ".ctor";

    /// <summary>The parameter name of the receiver (or of the first parameter of an extension method).</summary>
    public const string ThisParameter = "this";

    /// <summary>Member name wildcard: every method of the type and its subclasses (narrowed by <see cref="ResultTypeMetadataNames"/>).</summary>
    public const string AnyMethod = "*";

    public string Id { get; init; } = string.Empty;

    public string Library { get; init; } = string.Empty;

    public EndpointRowKind Kind { get; init; }

    /// <summary>The type declaring the member (<c>RestSharp.RestClient</c>), matched with its subclasses.</summary>
    public string TypeMetadataName { get; init; } = string.Empty;

    /// <summary>The member names: <see cref="ConstructorName"/>, method names, or the property name.</summary>
    public IReadOnlyList<string> MemberNames { get; init; } = Array.Empty<string>();

    /// <summary>For <see cref="EndpointRowKind.Argument"/> and <see cref="EndpointRowKind.NamedRegistration"/>: the parameters holding the value (<see cref="ThisParameter"/> for the receiver).</summary>
    public IReadOnlyList<string> ParameterNames { get; init; } = Array.Empty<string>();

    public EndpointValueKind ValueKind { get; init; }

    /// <summary>The URL scheme for <see cref="EndpointValueKind.Host"/> and <see cref="EndpointValueKind.HostList"/> (<c>smtp</c>, <c>kafka</c>).</summary>
    public string? Scheme { get; init; }

    /// <summary>The cloud service for <see cref="EndpointValueKind.AwsRegion"/> (<c>s3</c>) or the storage service for connection strings (<c>blob</c>).</summary>
    public string? Service { get; init; }

    /// <summary>For <see cref="EndpointRowKind.StaticMember"/>: member name to value (<c>EUWest1</c> → <c>eu-west-1</c>).</summary>
    public IReadOnlyDictionary<string, string>? StaticValues { get; init; }

    /// <summary>
    /// For <see cref="EndpointRowKind.NamedRegistration"/>: the <see cref="RegistrationRow.Id"/> whose registrations are
    /// looked up by name. For an <see cref="EndpointRowKind.Argument"/> row whose carrier's endpoint is not known: the
    /// type-keyed registration of the called method's type that supplies it (an injected client registered with
    /// <c>AddGrpcClient&lt;T&gt;</c>).
    /// </summary>
    public string? Registration { get; init; }

    /// <summary>For <see cref="AnyMethod"/> rows: only methods returning one of these types (metadata names of their definitions); empty: any.</summary>
    public IReadOnlyList<string> ResultTypeMetadataNames { get; init; } = Array.Empty<string>();

    /// <summary>
    /// For <see cref="EndpointRowKind.Argument"/> rows: the parameter is a collection (<c>IList&lt;string&gt; hostnames</c>)
    /// and each of its elements is a value of <see cref="ValueKind"/>; every element must be known (a constant list:
    /// an array, a collection expression or a collection initializer of constants), else the endpoint is unknown.
    /// </summary>
    public bool Elements { get; init; }

    /// <summary>
    /// When a call has this row's parameter, its endpoint replaces the one the other rows of the same member give (a
    /// host list passed to <c>CreateConnection(hostnames)</c> replaces the factory's <c>HostName</c>).
    /// </summary>
    public bool Replaces { get; init; }

    /// <summary>
    /// The created value is the endpoint itself, not a client that carries it: its strings are the URLs
    /// (<c>new AmqpTcpEndpoint("rabbit.example.sg")</c>), so it can be an element of a list that an
    /// <see cref="Elements"/> row reads.
    /// </summary>
    public bool ValueIsEndpoint { get; init; }

    /// <summary>Members of the result that carry the endpoint too (<c>RequestStream</c> of a gRPC streaming call).</summary>
    public IReadOnlyList<string> ResultMembers { get; init; } = Array.Empty<string>();

    public string Example { get; init; } = string.Empty;
}

/// <summary>How a registration names the client it configures.</summary>
public enum RegistrationKey
{
    /// <summary>The last type argument of the registration call (<c>AddRefitClient&lt;IApi&gt;</c>, <c>AddHttpClient&lt;TClient, TImplementation&gt;</c>).</summary>
    TypeArgument,

    /// <summary>A string argument of the registration call (<c>AddHttpClient("github", ...)</c>).</summary>
    NameArgument,
}

/// <summary>Which sink calls a type-keyed registration (<see cref="RegistrationKey.TypeArgument"/>) gives an endpoint to.</summary>
public enum RegistrationScope
{
    /// <summary>Calls of sink methods declared on the registered type (a Refit interface, a generated gRPC client).</summary>
    DeclaringType,

    /// <summary>
    /// Calls made inside the registered type's methods on a client it was given (a typed <c>HttpClient</c> consumer:
    /// <c>AddHttpClient&lt;PartnerClient&gt;(...)</c> injects the configured <c>HttpClient</c> into <c>PartnerClient</c>).
    /// </summary>
    ConsumingType,
}

/// <summary>
/// A dependency-injection registration that sets a client's base address:
/// <c>services.AddHttpClient("name", c =&gt; c.BaseAddress = ...)</c>,
/// <c>services.AddHttpClient&lt;TClient&gt;().ConfigureHttpClient(c =&gt; c.BaseAddress = ...)</c> or
/// <c>services.AddGrpcClient&lt;TClient&gt;(o =&gt; o.Address = ...)</c>.
/// </summary>
public sealed record RegistrationRow
{
    public string Id { get; init; } = string.Empty;

    public string Library { get; init; } = string.Empty;

    /// <summary>The registration method (<c>AddHttpClient</c>, <c>AddRefitClient</c>).</summary>
    public string MethodName { get; init; } = string.Empty;

    public RegistrationKey Key { get; init; }

    /// <summary>For <see cref="RegistrationKey.TypeArgument"/>: which sink calls the registered type's endpoint applies to.</summary>
    public RegistrationScope Scope { get; init; }

    /// <summary>For <see cref="RegistrationKey.NameArgument"/>: the parameter holding the name.</summary>
    public string? NameParameter { get; init; }

    /// <summary>Whether a lambda argument of the registration call itself configures the client (<c>AddHttpClient("name", c =&gt; ...)</c>).</summary>
    public bool ConfiguresInRegistration { get; init; } = true;

    /// <summary>
    /// A call chained on the registration (directly or after other calls returning the same builder) whose lambda
    /// configures the client (<c>ConfigureHttpClient</c>); <see langword="null"/>: none.
    /// </summary>
    public string? ConfigureMethodName { get; init; }

    /// <summary>The property the lambda assigns (<c>BaseAddress</c>, <c>Address</c>).</summary>
    public string PropertyName { get; init; } = string.Empty;

    public string Example { get; init; } = string.Empty;
}
