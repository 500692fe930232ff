using System.Collections.Immutable;
using CrossBorder.Policy.Analyzers.Flow;
using CrossBorder.Policy.Core.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CrossBorder.Policy.Analyzers.Tests.Sinks;

/// <summary>
/// The catalogues match rows against a type's hierarchy once per type (and against a method once per method), not once
/// per call or construction: the internal counters of <see cref="CatalogTypes"/> and <see cref="SinkCatalog"/> show it.
/// </summary>
public sealed class CatalogCacheTests
{
    private static Compilation Compile(string source, bool withSinkLibraries)
    {
        var references = withSinkLibraries ? TestReferences.All.AddRange(TestReferences.SinkLibraries) : TestReferences.All;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), cancellationToken: TestContext.Current.CancellationToken);
        var compilation = CSharpCompilation.Create("T", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private static IEnumerable<T> Operations<T>(Compilation compilation)
        where T : class, IOperation
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        foreach (var node in tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes())
        {
            if ((node is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax) && model.GetOperation(node, TestContext.Current.CancellationToken) is T operation)
            {
                yield return operation;
            }
        }
    }

    private static ImmutableArray<AbsValue> LiteralArguments(IMethodSymbol method, IEnumerable<IArgumentOperation> arguments)
    {
        var values = Enumerable.Repeat(AbsValue.Empty, method.Parameters.Length).ToArray();
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && argument.Value.ConstantValue is { HasValue: true, Value: string text })
            {
                values[parameter.Ordinal] = AbsValue.FromLiteral(text);
            }
        }

        return values.ToImmutableArray();
    }

    [Fact]
    public void Constructions_WalkEachTypeOnce()
    {
        var compilation = Compile("""
            using RestSharp;
            using System.Threading.Tasks;
            class Widget { }
            class C
            {
                void Run()
                {
                    for (var i = 0; i < 3; i++) { _ = new Widget(); _ = new Widget(); _ = new Widget(); _ = new Widget(); }
                    _ = new RestClient("https://api.partner.sg");
                    _ = new RestClient("https://api.example.cn");
                    _ = new Widget();
                }
            }
            """, withSinkLibraries: true);
        var catalog = new EndpointCatalog(SinkCatalogue.Endpoints);
        var carriers = new List<AbsValue>();
        foreach (var creation in Operations<IObjectCreationOperation>(compilation))
        {
            if (catalog.OnCreation(creation, creation.Constructor!, LiteralArguments(creation.Constructor!, creation.Arguments)) is { } carrier)
            {
                carriers.Add(carrier);
            }
        }

        // Two RestClients carry their URLs; the seven Widgets carry nothing; two types were walked, once each.
        Assert.Equal(2, carriers.Count);
        Assert.Equal(["https://api.partner.sg"], carriers[0].Members[EndpointCatalog.EndpointMember].Lits!);
        Assert.Equal(2, catalog.Types.Computations);

        foreach (var creation in Operations<IObjectCreationOperation>(compilation))
        {
            catalog.OnCreation(creation, creation.Constructor!, LiteralArguments(creation.Constructor!, creation.Arguments));
        }

        Assert.Equal(2, catalog.Types.Computations);
    }

    [Fact]
    public void SinkLookups_AreCachedPerMethod()
    {
        var compilation = Compile("""
            using System.Net.Http;
            using System.Threading.Tasks;
            class C
            {
                async Task Run(HttpClient http)
                {
                    await http.PostAsync("https://api.partner.sg", new StringContent("x"));
                    await http.PostAsync("https://api.partner.sg", new StringContent("y"));
                    await http.GetStringAsync("https://api.partner.sg");
                }
            }
            """, withSinkLibraries: true);
        var catalog = new SinkCatalog(SinkCatalogue.Sinks);
        var found = Operations<IInvocationOperation>(compilation).Select(i => catalog.Find(i.TargetMethod)?.Id).ToList();

        Assert.Equal(["http-body", "http-body", "http-url"], found);
        Assert.Equal(2, catalog.MethodComputations);
        var typesWalked = catalog.Types.Computations;
        Assert.Equal(1, typesWalked);

        for (var i = 0; i < 10; i++)
        {
            Assert.All(Operations<IInvocationOperation>(compilation), invocation => Assert.NotNull(catalog.Find(invocation.TargetMethod)));
        }

        Assert.Equal(2, catalog.MethodComputations);
        Assert.Equal(typesWalked, catalog.Types.Computations);
    }

    [Fact]
    public void WithoutSinkLibraries_RepeatedCallsAreOneLookup()
    {
        // A user method named like a sink method (SendAsync) on a class: the first call matches it against the rows, the
        // others only look the answer up.
        var compilation = Compile("""
            using System.Threading.Tasks;
            class Client
            {
                public Task SendAsync(object request) => Task.CompletedTask;
            }
            class C
            {
                async Task Run(Client client)
                {
                    await client.SendAsync(1);
                    await client.SendAsync(2);
                    await client.SendAsync(3);
                    _ = new Client();
                    _ = new Client();
                }
            }
            """, withSinkLibraries: false);
        var sinks = new SinkCatalog(SinkCatalogue.Sinks);
        var endpoints = new EndpointCatalog(SinkCatalogue.Endpoints);
        for (var round = 0; round < 5; round++)
        {
            foreach (var invocation in Operations<IInvocationOperation>(compilation))
            {
                Assert.Null(sinks.Find(invocation.TargetMethod));
                var arguments = LiteralArguments(invocation.TargetMethod, invocation.Arguments);
                Assert.Null(endpoints.OnCall(invocation, AbsValue.Empty, arguments, AbsValue.Empty, static (_, _) => null));
            }

            foreach (var creation in Operations<IObjectCreationOperation>(compilation))
            {
                Assert.Null(endpoints.OnCreation(creation, creation.Constructor!, LiteralArguments(creation.Constructor!, creation.Arguments)));
            }
        }

        Assert.Equal(1, sinks.MethodComputations);
        Assert.Equal(2, sinks.Types.Computations); // Client (by the method name) and its base type object (gRPC's any-method row)
        Assert.Equal(1, endpoints.Types.Computations); // Client, for its calls (the method wildcard rows) and its constructions
    }
}
