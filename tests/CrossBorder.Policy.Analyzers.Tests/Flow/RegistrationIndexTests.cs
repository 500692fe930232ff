using CrossBorder.Policy.Analyzers.Flow;
using CrossBorder.Policy.Core.Sinks;

namespace CrossBorder.Policy.Analyzers.Tests.Flow;

/// <summary>The text filter in front of the registration scan: which rows a tree may register, cached per tree for the built-in rows.</summary>
public sealed class RegistrationIndexTests
{
    [Fact]
    public void ATreesCandidateRowsAreTheRegistrationMethodsItsTextMentions_CachedWithTheTree()
    {
        var compilation = AnalyzerRunner.Compile(
            "class Startup { void Configure(object services) { /* services.AddHttpClient(\"partner\") */ } }",
            "class Plain { void M() { } }");
        var startup = compilation.SyntaxTrees.First();
        var plain = compilation.SyntaxTrees.Last();
        var cancellation = TestContext.Current.CancellationToken;

        var candidates = RegistrationIndex.CandidateRows(startup, SinkCatalogue.Registrations, cancellation);
        Assert.NotEmpty(candidates);
        Assert.All(candidates, row => Assert.Contains(row.MethodName, startup.ToString(), StringComparison.Ordinal));
        Assert.Contains(candidates, static row => row.MethodName == "AddHttpClient");
        Assert.Empty(RegistrationIndex.CandidateRows(plain, SinkCatalogue.Registrations, cancellation));

        // The built-in rows' answer is kept with the tree; other rows are filtered afresh.
        Assert.Same(candidates, RegistrationIndex.CandidateRows(startup, SinkCatalogue.Registrations, cancellation));
        var custom = SinkCatalogue.Registrations.Take(1).ToList();
        Assert.NotSame(RegistrationIndex.CandidateRows(startup, custom, cancellation), RegistrationIndex.CandidateRows(startup, custom, cancellation));
    }
}
