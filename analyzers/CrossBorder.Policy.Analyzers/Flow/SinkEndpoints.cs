using System;
using System.Linq;
using System.Collections.Immutable;
using System.Threading;
using CrossBorder.Policy.Core.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>What a sink row says about one sink call: which arguments leave, which value is the client, and where the client's endpoint comes from.</summary>
internal static class SinkEndpoints
{
    /// <summary>The data that leaves: the arguments of the row's data parameters (<see cref="SinkRow.AllParameters"/>: all), flattened.</summary>
    public static AbsValue Data(SinkRow sink, IMethodSymbol target, ImmutableArray<AbsValue> arguments)
    {
        var data = AbsValue.Empty;
        foreach (var name in sink.DataParameters)
        {
            foreach (var parameter in target.Parameters)
            {
                if ((string.Equals(name, SinkRow.AllParameters, StringComparison.Ordinal) || string.Equals(parameter.Name, name, StringComparison.Ordinal))
                    && parameter.Ordinal < arguments.Length)
                {
                    data = AbsValue.Join(data, arguments[parameter.Ordinal].Taint());
                }
            }
        }

        return data;
    }

    /// <summary>The client: the row's client parameter, else the receiver (the first argument of an extension method).</summary>
    public static (AbsValue? Value, IOperation? Operation) Client(SinkRow sink, IInvocationOperation invocation, AbsValue? receiver, ImmutableArray<AbsValue> arguments)
    {
        var target = invocation.TargetMethod;
        var name = sink.ClientParameter;
        if (name is null)
        {
            if (invocation.Instance is not null || !target.IsExtensionMethod || target.Parameters.IsEmpty)
            {
                return (receiver, invocation.Instance);
            }

            name = target.Parameters[0].Name;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && string.Equals(parameter.Name, name, StringComparison.Ordinal))
            {
                return (parameter.Ordinal < arguments.Length ? arguments[parameter.Ordinal] : null, argument.Value);
            }
        }

        // A C# 14 extension member: the receiver parameter belongs to the extension block, the receiver is the instance.
        return (receiver, invocation.Instance);
    }

    /// <summary>
    /// The client's endpoint (its strings are absolute URL templates), from its construction, initializers and builder
    /// chain; for <see cref="SinkEndpointSource.ClientOrRegistration"/> rows, else from the registration of the
    /// type declaring the method (<see cref="RegistrationScope.DeclaringType"/>). <see langword="null"/> when nothing binds the client.
    /// </summary>
    public static AbsValue? Endpoint(FlowEngine engine, SinkRow sink, IMethodSymbol target, AbsValue? client, IOperation? clientOperation, CancellationToken cancellationToken)
    {
        var type = clientOperation is null ? null : Unconverted(clientOperation).Type;
        var endpoint = engine.Endpoints.EndpointOf(client, type);
        if (sink.EndpointSource == SinkEndpointSource.ClientOrRegistration && (endpoint is null || endpoint.Lits is null)
            && target.ContainingType is { } declaring && engine.GetRegistrations(cancellationToken).GetByType(declaring, RegistrationScope.DeclaringType) is { } registered)
        {
            endpoint = (endpoint ?? AbsValue.Empty).WithLits(registered);
        }

        return endpoint;
    }

    /// <summary>
    /// The client's type when it is declared in this compilation (a Refit interface, a generated gRPC client): its
    /// <c>[ForeignEndpoint]</c>/<c>[DomesticEndpoint]</c> binds the calls, its <c>[CrossBorderTransfer]</c> covers them.
    /// </summary>
    public static INamedTypeSymbol? SourceClientType(Compilation compilation, IMethodSymbol target, IOperation? clientOperation)
    {
        var type = (clientOperation is null ? null : Unconverted(clientOperation).Type) as INamedTypeSymbol ?? target.ContainingType;
        return type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly) ? type.OriginalDefinition : null;
    }

    /// <summary>The sink's name in call chains: the row's display name, or the declaring type for rows that match by attribute or derivation.</summary>
    public static string ChainName(SinkRow sink, IMethodSymbol target)
    {
        var owner = sink.MethodAttribute is not null || sink.MethodNames.Contains(SinkRow.AnyDerivedMethod) ? target.ContainingType.Name : sink.DisplayName;
        return owner + "." + target.Name;
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
