using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>Where a sink's data goes, as far as it is known: resolved hosts, bases for relative URLs, the parameters the URL depends on, and an attribute binding.</summary>
internal sealed class EndpointValue
{
    public static readonly EndpointValue None = new(
        ImmutableSortedSet.Create<string>(StringComparer.Ordinal),
        ImmutableSortedSet.Create<string>(StringComparer.Ordinal),
        ImmutableHashSet<AccessPath>.Empty,
        null);

    public EndpointValue(ImmutableSortedSet<string> hosts, ImmutableSortedSet<string> bases, ImmutableHashSet<AccessPath> parameters, EndpointBinding? binding)
    {
        Hosts = hosts;
        Bases = bases;
        Params = parameters;
        Binding = binding;
    }

    /// <summary>Hosts the data may go to, resolved from constants.</summary>
    public ImmutableSortedSet<string> Hosts { get; }

    /// <summary>Known client base addresses, to resolve relative URLs that arrive later through parameters.</summary>
    public ImmutableSortedSet<string> Bases { get; }

    /// <summary>The URL depends on these parameters of the method that holds the flow.</summary>
    public ImmutableHashSet<AccessPath> Params { get; }

    /// <summary>A <c>[ForeignEndpoint]</c>/<c>[DomesticEndpoint]</c> that binds the client, the method, its type or the assembly.</summary>
    public EndpointBinding? Binding { get; }

    public bool IsResolved => !Hosts.IsEmpty || Binding is not null;

    public override string ToString()
    {
        return "h=" + string.Join(",", Hosts) + ";b=" + string.Join(",", Bases) + ";p="
            + string.Join(",", Params.Select(p => p.ToString()).OrderBy(s => s, StringComparer.Ordinal))
            + ";bind=" + Binding?.Description;
    }
}

/// <summary>An endpoint attribute found on the client, the method, a type or the assembly.</summary>
internal sealed class EndpointBinding
{
    public EndpointBinding(bool isDomestic, string? jurisdiction, string? host, string? recipient, string description)
    {
        IsDomestic = isDomestic;
        Jurisdiction = jurisdiction;
        Host = host;
        Recipient = recipient;
        Description = description;
    }

    public bool IsDomestic { get; }

    public string? Jurisdiction { get; }

    public string? Host { get; }

    public string? Recipient { get; }

    /// <summary>How the binding was found, for messages: <c>[ForeignEndpoint("SG")] on 'PartnerApi'</c>.</summary>
    public string Description { get; }
}

/// <summary>
/// A flow into a sink that the callers of a method must finish: its data or its endpoint depends on the
/// method's parameters. Callers instantiate it with their arguments.
/// </summary>
internal sealed class SinkFlow
{
    public SinkFlow(LabelSet data, ImmutableHashSet<AccessPath> dataParams, EndpointValue endpoint, ImmutableArray<string> chain, Location sinkLocation, ImmutableArray<ISymbol> scopes)
    {
        Data = data;
        DataParams = dataParams;
        Endpoint = endpoint;
        Chain = chain;
        SinkLocation = sinkLocation;
        Scopes = scopes;
    }

    /// <summary>Labels the method itself puts into the sink (already reported there unless the endpoint depends on parameters).</summary>
    public LabelSet Data { get; }

    public ImmutableHashSet<AccessPath> DataParams { get; }

    public EndpointValue Endpoint { get; }

    /// <summary>The calls from the method holding the flow to the sink, the sink last, for example <c>["Send", "HttpClient.PostAsync"]</c>.</summary>
    public ImmutableArray<string> Chain { get; }

    public Location SinkLocation { get; }

    /// <summary>Symbols whose <c>[CrossBorderTransfer]</c> may cover the flow (methods and types along the chain, the client type).</summary>
    public ImmutableArray<ISymbol> Scopes { get; }

    public string Key => SinkLocation.SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ":" + (SinkLocation.SourceTree?.FilePath ?? string.Empty)
        + ":" + string.Join(",", DataParams.Select(p => p.ToString()).OrderBy(s => s, StringComparer.Ordinal))
        + ":" + string.Join(",", Endpoint.Params.Select(p => p.ToString()).OrderBy(s => s, StringComparer.Ordinal));
}

/// <summary>
/// A flow into a sink, seen from inside the method that holds it, whose data depends on the method's
/// parameters: kept so that the method can report it itself when it is an entry point (nothing in the compilation
/// calls it, or <c>crossborder.entry_points = public</c>), with the labels of the parameters' declared types.
/// </summary>
internal sealed class EntryFlow
{
    public EntryFlow(LabelSet data, ImmutableHashSet<AccessPath> dataParams, EndpointValue endpoint, ImmutableArray<string> chain, Location sinkLocation, Location location, ImmutableArray<ISymbol> scopes)
    {
        Data = data;
        DataParams = dataParams;
        Endpoint = endpoint;
        Chain = chain;
        SinkLocation = sinkLocation;
        Location = location;
        Scopes = scopes;
    }

    /// <summary>Labels the method itself puts into the sink.</summary>
    public LabelSet Data { get; }

    /// <summary>The parameter paths whose data reaches the sink.</summary>
    public ImmutableHashSet<AccessPath> DataParams { get; }

    public EndpointValue Endpoint { get; }

    /// <summary>The calls from the method to the sink, the sink last.</summary>
    public ImmutableArray<string> Chain { get; }

    public Location SinkLocation { get; }

    /// <summary>Where the method reports: the sink, or its call whose callee reaches the sink.</summary>
    public Location Location { get; }

    public ImmutableArray<ISymbol> Scopes { get; }

    public string Key => Location.SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ":" + SinkLocation.SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ":" + (SinkLocation.SourceTree?.FilePath ?? string.Empty)
        + ":" + string.Join(",", DataParams.Select(p => p.ToString()).OrderBy(s => s, StringComparer.Ordinal));
}

/// <summary>A diagnostic the analysed method must report.</summary>
internal sealed class Finding
{
    public Finding(DiagnosticDescriptor rule, Location location, Location sinkLocation, object[] arguments, ImmutableDictionary<string, string?>? properties = null, string? part = null)
    {
        Part = part ?? string.Empty;
        Rule = rule;
        Location = location;
        SinkLocation = sinkLocation;
        Arguments = arguments;
        Properties = properties;
    }

    public DiagnosticDescriptor Rule { get; }

    public Location Location { get; }

    public Location SinkLocation { get; }

    public object[] Arguments { get; }

    /// <summary>
    /// Which part of one flow's data the finding is about, when one flow gives several diagnostics of the same rule:
    /// <c>CoreData</c> for the core data under an authority approval, the covering authorization's id for each part of the
    /// other classified data that a different authorization covers; empty otherwise.
    /// </summary>
    public string Part { get; }

    /// <summary>
    /// Identifies the finding within its method: rule, location, sink location and <see cref="Part"/> (one diagnostic per
    /// key; a later decision of the same flow, with more data, replaces an earlier one).
    /// </summary>
    public string Key => Rule.Id + ":" + Location.SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ":" + SinkLocation.SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + SinkLocation.SourceTree?.FilePath
        + (Part.Length == 0 ? string.Empty : "#" + Part);

    /// <summary>What a code fix needs (<see cref="DiagnosticPropertyKeys"/>), or <see langword="null"/>.</summary>
    public ImmutableDictionary<string, string?>? Properties { get; }

    public Diagnostic ToDiagnostic()
    {
        var additional = Location.Equals(SinkLocation) ? null : new[] { SinkLocation };
        return Diagnostic.Create(Rule, Location, additional, Properties, Arguments);
    }
}

/// <summary>
/// What a method does with data, computed once per compilation: what its return value carries (paths say which
/// arguments flow into it), which flows into sinks its callers must finish, what it stores into fields of its
/// type, and the findings it reports itself.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(
        AbsValue.Empty,
        ImmutableArray<SinkFlow>.Empty,
        ImmutableDictionary<ISymbol, AbsValue>.Empty.WithComparers(SymbolEqualityComparer.Default),
        ImmutableArray<Finding>.Empty);

    public MethodSummary(AbsValue returnValue, ImmutableArray<SinkFlow> sinkFlows, ImmutableDictionary<ISymbol, AbsValue> fieldStores, ImmutableArray<Finding> findings, ImmutableArray<EntryFlow> parameterFlows = default)
    {
        Return = returnValue;
        SinkFlows = sinkFlows;
        FieldStores = fieldStores;
        Findings = findings;
        ParameterFlows = parameterFlows.IsDefault ? ImmutableArray<EntryFlow>.Empty : parameterFlows;
    }

    public AbsValue Return { get; }

    public ImmutableArray<SinkFlow> SinkFlows { get; }

    public ImmutableDictionary<ISymbol, AbsValue> FieldStores { get; }

    public ImmutableArray<Finding> Findings { get; }

    /// <summary>The flows whose data depends on parameters, to report when the method is an entry point (<see cref="FlowEngine.GetFindings"/>).</summary>
    public ImmutableArray<EntryFlow> ParameterFlows { get; }

    /// <summary>A deterministic text of what callers see, to detect the fixpoint of a recursive component.</summary>
    public string Signature()
    {
        var builder = new StringBuilder();
        builder.Append(Return);
        foreach (var flow in SinkFlows.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            builder.Append('|').Append(flow.Key).Append(':').Append(flow.Data).Append(':').Append(flow.Endpoint);
        }

        foreach (var pair in FieldStores.OrderBy(p => p.Key.Name, StringComparer.Ordinal))
        {
            builder.Append("|f:").Append(pair.Key.Name).Append('=').Append(pair.Value);
        }

        return builder.ToString();
    }
}
