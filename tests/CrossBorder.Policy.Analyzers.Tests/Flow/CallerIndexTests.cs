using CrossBorder.Policy.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrossBorder.Policy.Analyzers.Tests.Flow;

/// <summary>The call-site index behind the entry-point check: what it records, and that an edit re-reads only the edited tree.</summary>
public sealed class CallerIndexTests
{
    private const string Calls = """
        class A
        {
            int _count = Count();                       // a field initializer: not analysed, not a site
            static int Count() => 1;
            void Run(System.Func<int> later)
            {
                Send(1);
                this.Send(2);
                var b = new B(3);
                B c = new(4);
                System.Func<int> stored = () => Count();  // a stored lambda is never run by the engine
                Run(() => Count());                       // a lambda passed to a call is
                Run(Count);                               // and so is a method group
            }
            void Send(int x) { }
        }

        class B
        {
            public B(int x) { }
            public B() : this(0) { }
        }
        """;

    [Fact]
    public void RecordsTheSitesTheEngineAnalysesByName()
    {
        var index = CallerIndex.Build(AnalyzerRunner.Compile(Calls), TestContext.Current.CancellationToken);

        Assert.All(index.Get(CallerIndex.MethodKey("Send"), TestContext.Current.CancellationToken), static n => Assert.IsType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>(n));
        Assert.Equal(2, index.Get(CallerIndex.MethodKey("Send"), TestContext.Current.CancellationToken).Length);
        var counts = index.Get(CallerIndex.MethodKey("Count"), TestContext.Current.CancellationToken);
        Assert.Equal(new[] { "Count()", "Count" }, counts.Select(static n => n.ToString()).ToArray());
        Assert.Single(index.Get(CallerIndex.CreationKey("B"), TestContext.Current.CancellationToken));
        Assert.Single(index.Get(CallerIndex.ImplicitCreationKey, TestContext.Current.CancellationToken));
        Assert.Single(index.Get(CallerIndex.ConstructorInitializerKey, TestContext.Current.CancellationToken));
        Assert.Empty(index.Get(CallerIndex.MethodKey("Missing"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void AnEditReadsOnlyTheEditedTreeAgain()
    {
        var compilation = AnalyzerRunner.Compile(Calls, "class C { void M() { new A().ToString(); } }");
        var before = CallerIndex.Build(compilation, TestContext.Current.CancellationToken);
        var edited = compilation.SyntaxTrees.Last();
        var after = CallerIndex.Build(
            compilation.ReplaceSyntaxTree(edited, CSharpSyntaxTree.ParseText("class C { void M() { new A().ToString(); new A().ToString(); } }", (CSharpParseOptions)edited.Options, cancellationToken: TestContext.Current.CancellationToken)),
            TestContext.Current.CancellationToken);

        // The unchanged tree was read once: the next compilation's index reuses its sites.
        var unchanged = compilation.SyntaxTrees.First();
        var cancellation = TestContext.Current.CancellationToken;
        Assert.Same(CallerIndex.GetTreeSites(unchanged, cancellation), CallerIndex.GetTreeSites(unchanged, cancellation));
        Assert.Equal(before.Get(CallerIndex.MethodKey("Send"), TestContext.Current.CancellationToken), after.Get(CallerIndex.MethodKey("Send"), TestContext.Current.CancellationToken));
        Assert.Single(before.Get(CallerIndex.MethodKey("ToString"), TestContext.Current.CancellationToken));
        Assert.Equal(2, after.Get(CallerIndex.MethodKey("ToString"), TestContext.Current.CancellationToken).Length);
    }
}
