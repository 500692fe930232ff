using System.Collections.Immutable;
using System.Threading;
using CrossBorder.Policy.Core.Sinks;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// Typed clients (<c>services.AddHttpClient&lt;TClient&gt;(c =&gt; c.BaseAddress = ...)</c>,
/// <c>AddHttpClient&lt;TClient, TImplementation&gt;(...)</c>, <c>.ConfigureHttpClient(...)</c> chains): a view of the
/// compilation's <see cref="RegistrationIndex"/> over Core's registration rows of scope
/// <see cref="RegistrationScope.ConsumingType"/> (row <c>http-typed</c>). No scan of its own: the index of the built-in
/// rows is computed once per compilation and shared with <see cref="FlowEngine.GetRegistrations"/>.
/// </summary>
internal sealed class TypedClientIndex
{
    private readonly RegistrationIndex _registrations;

    private TypedClientIndex(RegistrationIndex registrations)
    {
        _registrations = registrations;
    }

    /// <summary>The base addresses registered for the type whose methods use the injected client.</summary>
    public ImmutableSortedSet<string>? GetBases(INamedTypeSymbol type)
    {
        return _registrations.GetByType(type, RegistrationScope.ConsumingType);
    }

    public static TypedClientIndex Build(Compilation compilation, CancellationToken cancellationToken)
    {
        return new TypedClientIndex(RegistrationIndex.Build(compilation, SinkCatalogue.Registrations, cancellationToken));
    }
}
