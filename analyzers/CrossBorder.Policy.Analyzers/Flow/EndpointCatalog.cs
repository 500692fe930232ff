using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CrossBorder.Policy.Core.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// The endpoint catalogue of Core (<see cref="SinkCatalogue.Endpoints"/>) mapped onto symbols. A value that carries
/// an endpoint (a client, an options object, a channel, a builder, a connection) holds it as its depth-1 member
/// <see cref="EndpointMember"/>, an abstract value whose strings are absolute URLs (<c>kafka://broker:9092</c>,
/// <c>https://s3.eu-west-1.amazonaws.com</c>). Constructors and methods named by <see cref="EndpointRowKind.Argument"/>
/// rows create carriers from their arguments (or pass the receiver's endpoint along a builder chain);
/// <see cref="EndpointRowKind.Property"/> rows are read from a carrier's members when its endpoint is asked for.
/// Everything here is driven by the rows: supporting a new client is data in Core.
/// </summary>
internal sealed class EndpointCatalog
{
    /// <summary>The member of a carrier value that holds its endpoint (the same name as <c>HttpClient.BaseAddress</c>).</summary>
    public const string EndpointMember = "BaseAddress";

    private readonly Dictionary<string, List<EndpointRow>> _argumentsByMember = new(StringComparer.Ordinal);
    private readonly List<EndpointRow> _anyMethod = new();
    private readonly List<EndpointRow> _properties = new();
    private readonly List<EndpointRow> _statics = new();

    public EndpointCatalog(IEnumerable<EndpointRow> rows)
    {
        var names = new List<string>();
        foreach (var row in rows)
        {
            names.Add(row.TypeMetadataName);
            switch (row.Kind)
            {
                case EndpointRowKind.Argument:
                case EndpointRowKind.NamedRegistration:
                    foreach (var member in row.MemberNames)
                    {
                        if (string.Equals(member, EndpointRow.AnyMethod, StringComparison.Ordinal))
                        {
                            _anyMethod.Add(row);
                            continue;
                        }

                        if (!_argumentsByMember.TryGetValue(member, out var list))
                        {
                            list = new List<EndpointRow>();
                            _argumentsByMember.Add(member, list);
                        }

                        list.Add(row);
                    }

                    break;
                case EndpointRowKind.Property:
                    _properties.Add(row);
                    break;
                case EndpointRowKind.StaticMember:
                    _statics.Add(row);
                    break;
            }
        }

        Types = new CatalogTypes(names);
    }

    /// <summary>The rows' types, matched against symbols once per type (a construction of an unrelated type costs one cached look-up).</summary>
    public CatalogTypes Types { get; }

    public static EndpointCatalog Default { get; } = new(SinkCatalogue.Endpoints);

    /// <summary>A library constructor named by an argument row: the new object carries the endpoint of its argument.</summary>
    public AbsValue? OnCreation(IObjectCreationOperation creation, IMethodSymbol constructor, ImmutableArray<AbsValue> arguments)
    {
        if (creation.Type is not INamedTypeSymbol type)
        {
            return null;
        }

        return FromArguments(EndpointRow.ConstructorName, type, constructor, creation.Arguments, null, null, arguments, null);
    }

    /// <summary>A library call named by an argument or named-registration row: its result carries the endpoint.</summary>
    public AbsValue? OnCall(IInvocationOperation invocation, AbsValue? receiver, ImmutableArray<AbsValue> arguments, AbsValue result, Func<string, string, ImmutableSortedSet<string>?> namedBases)
    {
        var target = invocation.TargetMethod;
        if (target.ContainingType is not { } type)
        {
            return null;
        }

        var carried = FromArguments(target.Name, type, target, invocation.Arguments, invocation.Instance, receiver, arguments, namedBases);
        // The result keeps what the library call passed through (its taint); its strings are the carried ones.
        return carried is null ? null : AbsValue.Join(result.WithLits(carried.Lits), carried);
    }

    /// <summary>A static member whose value is known by name (<c>RegionEndpoint.EUWest1</c> → <c>eu-west-1</c>).</summary>
    public AbsValue? OnStaticMember(ISymbol member)
    {
        if (_statics.Count == 0 || !member.IsStatic || member.ContainingType is not { } type)
        {
            return null;
        }

        foreach (var row in _statics)
        {
            if (row.StaticValues is { } values && values.TryGetValue(member.Name, out var value) && SinkCatalog.HasMetadataName(type, row.TypeMetadataName))
            {
                return AbsValue.FromLiteral(value);
            }
        }

        return null;
    }

    /// <summary>
    /// The endpoint of a carrier value of type <paramref name="type"/> (<see langword="null"/>: any type): its
    /// <see cref="EndpointMember"/>, the properties that property rows name, or its own absolute URL strings.
    /// The result's strings are absolute URL templates, <see langword="null"/> when unknown; <see langword="null"/> when the value carries no endpoint at all.
    /// </summary>
    public AbsValue? EndpointOf(AbsValue? value, ITypeSymbol? type)
    {
        if (value is null)
        {
            return null;
        }

        AbsValue? endpoint = null;
        if (value.Members.TryGetValue(EndpointMember, out var own))
        {
            endpoint = ToUrls(own, EndpointValueKind.Url, null, null);
        }

        foreach (var row in _properties)
        {
            if (row.MemberNames.Count == 0 || string.Equals(row.MemberNames[0], EndpointMember, StringComparison.Ordinal)
                || !value.Members.TryGetValue(row.MemberNames[0], out var property))
            {
                continue;
            }

            // A value typed by an interface (IConnectionFactory) holds the members its concrete object was given.
            if (type is INamedTypeSymbol { TypeKind: not TypeKind.Interface } named && !Types.IsOrDerivesFrom(named, row.TypeMetadataName, includeInterfaces: true))
            {
                continue;
            }

            endpoint = AbsValue.Join(endpoint, ToUrls(property, row.ValueKind, row.Scheme, row.Service));
        }

        if (endpoint is null && value.Lits is { } literals && HasAbsolute(literals))
        {
            endpoint = ToUrls(value, EndpointValueKind.Url, null, null);
        }

        return endpoint;
    }

    private AbsValue? FromArguments(string member, INamedTypeSymbol type, IMethodSymbol method, ImmutableArray<IArgumentOperation> operations, IOperation? instance, AbsValue? receiver, ImmutableArray<AbsValue> arguments, Func<string, string, ImmutableSortedSet<string>?>? namedBases)
    {
        _argumentsByMember.TryGetValue(member, out var named);
        var any = _anyMethod.Count > 0 && !string.Equals(member, EndpointRow.ConstructorName, StringComparison.Ordinal) ? _anyMethod : null;
        if ((named is null && any is null) || Types.IsUnrelated(type))
        {
            return null;
        }

        AbsValue? endpoint = null;
        AbsValue? replacing = null;
        var matched = false;
        var valueIsEndpoint = false;
        List<string>? resultMembers = null;
        foreach (var row in Rows(named, any))
        {
            if (!Types.IsOrDerivesFrom(type, row.TypeMetadataName, includeInterfaces: true)
                || (row.ResultTypeMetadataNames.Count > 0 && !ReturnsOneOf(method, row.ResultTypeMetadataNames)))
            {
                continue;
            }

            foreach (var resultMember in row.ResultMembers)
            {
                (resultMembers ??= new List<string>()).Add(resultMember);
            }

            foreach (var name in row.ParameterNames)
            {
                AbsValue? value;
                ITypeSymbol? valueType;
                if (string.Equals(name, EndpointRow.ThisParameter, StringComparison.Ordinal))
                {
                    if (method.IsExtensionMethod && !operations.IsEmpty && arguments.Length > 0)
                    {
                        value = arguments[0];
                        valueType = Unconverted(operations[0].Value).Type;
                    }
                    else
                    {
                        value = receiver;
                        valueType = instance is null ? null : Unconverted(instance).Type;
                    }
                }
                else
                {
                    var index = IndexOf(method, name);
                    if (index < 0)
                    {
                        continue;
                    }

                    value = index < arguments.Length ? arguments[index] : null;
                    valueType = null;
                    foreach (var operation in operations)
                    {
                        if (operation.Parameter?.Ordinal == index)
                        {
                            valueType = Unconverted(operation.Value).Type;
                        }
                    }
                }

                matched = true;
                valueIsEndpoint |= row.ValueIsEndpoint;
                if (value is null)
                {
                    continue;
                }

                AbsValue? converted;
                if (row.Elements)
                {
                    // A host list: every element must be known; a list whose elements are not followed is unknown.
                    converted = value.Members.TryGetValue(AbsValue.ElementsMember, out var elements) && elements.Lits is { Count: > 0 }
                        ? ToUrls(elements, row.ValueKind, row.Scheme, row.Service)
                        : Unknown(value);
                }
                else if (row.Kind == EndpointRowKind.NamedRegistration)
                {
                    converted = FromRegistration(value, row.Registration ?? string.Empty, namedBases);
                }
                else if (row.ValueKind == EndpointValueKind.Carrier)
                {
                    converted = EndpointOf(value, valueType) ?? Unknown(value);
                    if (converted.Lits is null && row.Registration is not null && namedBases is not null
                        && namedBases(row.Registration, SinkCatalog.GetMetadataName(type.OriginalDefinition)) is { } registered)
                    {
                        // An injected client whose type is registered (AddGrpcClient<T>): the registration's address.
                        converted = converted.WithLits(registered);
                    }
                }
                else if (row.ValueKind == EndpointValueKind.Text)
                {
                    // The value itself (a region name): not a carrier.
                    return AbsValue.Empty.WithParams(value.Flatten().Params).WithLits(value.Lits);
                }
                else
                {
                    converted = ToUrls(value, row.ValueKind, row.Scheme, row.Service);
                }

                if (row.Replaces)
                {
                    replacing = AbsValue.Join(replacing, converted);
                }
                else
                {
                    endpoint = AbsValue.Join(endpoint, converted);
                }
            }
        }

        if (!matched)
        {
            return null;
        }

        endpoint = replacing ?? endpoint;

        var taint = receiver?.Taint() ?? AbsValue.Empty;
        foreach (var argument in arguments)
        {
            taint = AbsValue.Join(taint, argument.Taint());
        }

        if (valueIsEndpoint)
        {
            // The value is the endpoint (an AmqpTcpEndpoint): its strings are the URLs, read by EndpointOf and by host lists.
            var known = endpoint ?? AbsValue.Empty;
            return taint.WithParams(taint.Params.Union(known.Params)).WithLits(known.Lits);
        }

        // The row's parameter was passed but names no endpoint that can be known: the endpoint is unknown (CBDT1005).
        var carrier = taint.WithMember(EndpointMember, endpoint ?? AbsValue.Empty);
        if (resultMembers is not null)
        {
            foreach (var resultMember in resultMembers)
            {
                // Members are one level deep: the member holds the endpoint's absolute URLs themselves, which
                // EndpointOf reads as the endpoint of the member's value (call.RequestStream).
                carrier = carrier.WithMember(resultMember, endpoint ?? AbsValue.Empty);
            }
        }

        return carrier;
    }

    private static IEnumerable<EndpointRow> Rows(List<EndpointRow>? named, List<EndpointRow>? any)
    {
        if (named is not null)
        {
            foreach (var row in named)
            {
                yield return row;
            }
        }

        if (any is not null)
        {
            foreach (var row in any)
            {
                yield return row;
            }
        }
    }

    private static bool ReturnsOneOf(IMethodSymbol method, IReadOnlyList<string> metadataNames)
    {
        if (method.ReturnType is not INamedTypeSymbol returned)
        {
            return false;
        }

        foreach (var name in metadataNames)
        {
            if (SinkCatalog.HasMetadataName(returned.OriginalDefinition, name))
            {
                return true;
            }
        }

        return false;
    }

    private static AbsValue FromRegistration(AbsValue name, string registration, Func<string, string, ImmutableSortedSet<string>?>? namedBases)
    {
        if (namedBases is null || name.Lits is null)
        {
            return Unknown(name);
        }

        var builder = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var text in name.Lits)
        {
            if (text.IndexOf(AbsValue.Unknown) >= 0 || namedBases(registration, text) is not { } bases)
            {
                return Unknown(name);
            }

            builder.UnionWith(bases);
        }

        return AbsValue.Empty.WithLits(builder.ToImmutable());
    }

    /// <summary>An endpoint that is not known, keeping the parameters it depends on (resolved by callers).</summary>
    private static AbsValue Unknown(AbsValue value) => AbsValue.Empty.WithParams(value.Flatten().Params);

    private static AbsValue ToUrls(AbsValue value, EndpointValueKind kind, string? scheme, string? service)
    {
        var flat = value.Flatten();
        var result = AbsValue.Empty.WithParams(flat.Params);
        if (flat.Lits is null)
        {
            return result;
        }

        var builder = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var text in flat.Lits)
        {
            var urls = EndpointText.ToUrls(kind, text, scheme, service);
            if (urls.Count == 0)
            {
                // One possible value does not name an endpoint (relative, unknown region): the endpoint is unknown.
                return result;
            }

            builder.UnionWith(urls);
        }

        return result.WithLits(builder.ToImmutable());
    }

    private static bool HasAbsolute(ImmutableSortedSet<string> literals)
    {
        foreach (var literal in literals)
        {
            if (UrlTemplate.IsAbsolute(literal))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(IMethodSymbol method, string name)
    {
        foreach (var parameter in method.Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
            {
                return parameter.Ordinal;
            }
        }

        return -1;
    }

    private static IOperation Unconverted(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
