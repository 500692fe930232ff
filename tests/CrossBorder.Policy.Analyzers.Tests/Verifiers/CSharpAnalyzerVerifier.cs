using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CrossBorder.Policy.Analyzers.Tests.Verifiers;

/// <summary>Runs an analyzer over markup sources (<c>{|CBDT1001:...|}</c>) against the test runtime's framework and the attribute assembly.</summary>
internal static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Verifies that exactly the diagnostics marked up in <paramref name="sources"/> are reported.</summary>
    public static Task VerifyAnalyzerAsync(params string[] sources)
    {
        var test = new Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Like <see cref="VerifyAnalyzerAsync"/>, without the CrossBorder.Policy attribute assembly.</summary>
    public static Task VerifyWithoutPolicyReferenceAsync(params string[] sources)
    {
        var test = new Test(includePolicy: false);
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    internal sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(bool includePolicy = true)
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(includePolicy ? TestReferences.All : TestReferences.Framework);
        }
    }
}
