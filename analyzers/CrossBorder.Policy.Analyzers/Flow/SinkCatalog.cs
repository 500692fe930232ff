using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>The kind of an outbound sink; rules pick sinks by kind.</summary>
internal enum SinkKind
{
    /// <summary>An HTTP request leaves the process.</summary>
    Http,

    /// <summary>A user method marked <c>[DataSink]</c>.</summary>
    UserDataSink,
}

/// <summary>
/// One row of the sink catalogue: a method, identified by its containing type's metadata name and its name, and
/// the parameters (by name) that carry data, the URL, the request message or the client. The catalogue is data:
/// adding a sink means adding a row and tests, not engine code. It moves to Core with the other knowledge later.
/// </summary>
internal sealed class SinkDefinition
{
    public SinkDefinition(SinkKind kind, string typeMetadataName, string displayName, ImmutableArray<string> methodNames, ImmutableArray<string> dataParameters, string? urlParameter, string? requestParameter, string? clientParameter)
    {
        Kind = kind;
        TypeMetadataName = typeMetadataName;
        DisplayName = displayName;
        MethodNames = methodNames;
        DataParameters = dataParameters;
        UrlParameter = urlParameter;
        RequestParameter = requestParameter;
        ClientParameter = clientParameter;
    }

    public SinkKind Kind { get; }

    /// <summary>The containing type's fully qualified metadata name, for example <c>System.Net.Http.HttpClient</c>.</summary>
    public string TypeMetadataName { get; }

    /// <summary>The short type name in messages (<c>HttpClient</c>).</summary>
    public string DisplayName { get; }

    public ImmutableArray<string> MethodNames { get; }

    /// <summary>Parameters whose values leave the process.</summary>
    public ImmutableArray<string> DataParameters { get; }

    /// <summary>The parameter holding the request URL (absolute, or relative to the client's <c>BaseAddress</c>).</summary>
    public string? UrlParameter { get; }

    /// <summary>The parameter holding an <c>HttpRequestMessage</c> (its <c>RequestUri</c> and <c>Content</c> members).</summary>
    public string? RequestParameter { get; }

    /// <summary>The parameter holding the client for extension methods; <see langword="null"/> means the receiver.</summary>
    public string? ClientParameter { get; }
}

/// <summary>The built-in sink rows, indexed by method name.</summary>
internal sealed class SinkCatalog
{
    private const string HttpClient = "System.Net.Http.HttpClient";
    private const string HttpClientJson = "System.Net.Http.Json.HttpClientJsonExtensions";

    /// <summary>The built-in rows.</summary>
    public static readonly ImmutableArray<SinkDefinition> BuiltIn = ImmutableArray.Create(
        // Body verbs: the content and the URL (query strings carry data too) leave.
        new SinkDefinition(SinkKind.Http, HttpClient, "HttpClient", ImmutableArray.Create("PostAsync", "PutAsync", "PatchAsync"), ImmutableArray.Create("content", "requestUri"), "requestUri", null, null),
        // Verbs without a body: only what is in the URL leaves.
        new SinkDefinition(SinkKind.Http, HttpClient, "HttpClient", ImmutableArray.Create("GetAsync", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync", "DeleteAsync"), ImmutableArray.Create("requestUri"), "requestUri", null, null),
        // A request message: its RequestUri and Content.
        new SinkDefinition(SinkKind.Http, HttpClient, "HttpClient", ImmutableArray.Create("SendAsync", "Send"), ImmutableArray.Create("request"), null, "request", null),
        // System.Net.Http.Json: the serialized value and the URL leave.
        new SinkDefinition(SinkKind.Http, HttpClientJson, "HttpClient", ImmutableArray.Create("PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync"), ImmutableArray.Create("value", "requestUri"), "requestUri", null, "client"),
        new SinkDefinition(SinkKind.Http, HttpClientJson, "HttpClient", ImmutableArray.Create("GetFromJsonAsync", "DeleteFromJsonAsync"), ImmutableArray.Create("requestUri"), "requestUri", null, "client"));

    private readonly Dictionary<string, List<SinkDefinition>> _byMethodName = new(StringComparer.Ordinal);

    public SinkCatalog(IEnumerable<SinkDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            foreach (var name in definition.MethodNames)
            {
                if (!_byMethodName.TryGetValue(name, out var list))
                {
                    list = new List<SinkDefinition>();
                    _byMethodName.Add(name, list);
                }

                list.Add(definition);
            }
        }
    }

    public static SinkCatalog Default { get; } = new(BuiltIn);

    /// <summary>The row for <paramref name="method"/>, matched by name and containing type metadata name (also for subclasses of the type).</summary>
    public SinkDefinition? Find(IMethodSymbol method)
    {
        if (!_byMethodName.TryGetValue(method.Name, out var candidates))
        {
            return null;
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            var name = GetMetadataName(type);
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate.TypeMetadataName, name, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The fully qualified metadata name of a type (<c>Namespace.Outer+Inner`1</c>).</summary>
    public static string GetMetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        var ns = type.ContainingNamespace;
        while (ns is not null && !ns.IsGlobalNamespace)
        {
            name = ns.Name + "." + name;
            ns = ns.ContainingNamespace;
        }

        return name;
    }
}
