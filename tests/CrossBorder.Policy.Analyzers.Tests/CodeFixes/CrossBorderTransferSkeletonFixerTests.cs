using CrossBorder.Policy.Analyzers.Rules;
using CrossBorder.Policy.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using VerifyFix = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer, CrossBorder.Policy.CodeFixes.CrossBorderTransferSkeletonFixer>;

namespace CrossBorder.Policy.Analyzers.Tests.CodeFixes;

/// <summary>CBDT1001: the [CrossBorderTransfer] skeleton covers the flow it was made for (the fixed code has no CBDT1001 left).</summary>
public sealed class CrossBorderTransferSkeletonFixerTests
{
    private const string Model = """
        global using System.Net.Http;
        global using System.Threading.Tasks;

        namespace Shop
        {
            public class Person
            {
                [CrossBorder.Policy.PersonalInformation] public string Email { get; set; } = "";
                [CrossBorder.Policy.SensitivePersonalInformation(CrossBorder.Policy.SensitiveCategory.MedicalHealth)] public string Diagnosis { get; set; } = "";
            }

            public static class Repo
            {
                public static Person Load() => new Person();
            }
        }
        """;

    private static Task VerifyAsync(string source, string fixedSource, string title, int iterations = 1, string? batchFixed = null, params DiagnosticResult[] fixedDiagnostics)
    {
        var test = new VerifyFix.Test
        {
            CodeActionEquivalenceKey = title,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = iterations == 0 ? 0 : 1,
        };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(Model);
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(Model);
        test.FixedState.ExpectedDiagnostics.AddRange(fixedDiagnostics);
        if (batchFixed is not null)
        {
            test.BatchFixedState.Sources.Add(batchFixed);
            test.BatchFixedState.Sources.Add(Model);
        }

        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    // The skeleton covers the flow (no CBDT1001 is left); the volumes it cannot know are the user's to declare (CBDT1003).
    private static DiagnosticResult Cbdt1003(int line, int column, int endLine, int endColumn)
        => new DiagnosticResult("CBDT1003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan(line, column, endLine, endColumn);

    [Fact]
    public Task MethodGetsSkeletonWithHostJurisdictionAndCategories() => VerifyAsync(
        """
        namespace Shop;

        class Sender
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load();
                await {|CBDT1001:http.PostAsync("https://api.partner.sg/v1", new StringContent(p.Email + p.Diagnosis))|};
            }
        }
        """,
        """
        using CrossBorder.Policy;

        namespace Shop;

        class Sender
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "TODO", IssuedOn = "yyyy-MM-dd", Jurisdiction = "SG", Endpoint = "api.partner.sg", Categories = new[] { "PersonalInformation", "SensitivePersonalInformation:MedicalHealth" }, Purpose = "TODO")]
            async Task Run(HttpClient http)
            {
                var p = Repo.Load();
                await http.PostAsync("https://api.partner.sg/v1", new StringContent(p.Email + p.Diagnosis));
            }
        }
        """,
        CrossBorderTransferSkeletonFixer.MethodTitle,
        fixedDiagnostics: new DiagnosticResult[]
        {
            // The skeleton covers the flow (no CBDT1001 is left); the volumes it cannot know are the user's to declare.
            Cbdt1003(11, 15, 11, 100),
        });

    [Fact]
    public Task TypeGetsSkeletonAndExistingUsingIsKept() => VerifyAsync(
        """
        using CrossBorder.Policy;

        namespace Shop
        {
            class Sender
            {
                async Task Run(HttpClient http)
                {
                    var p = Repo.Load();
                    await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1", new StringContent(p.Email))|};
                }
            }
        }
        """,
        """
        using CrossBorder.Policy;

        namespace Shop
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "TODO", IssuedOn = "yyyy-MM-dd", Endpoint = "api.foreign.com", Categories = new[] { "PersonalInformation" }, Purpose = "TODO")]
            class Sender
            {
                async Task Run(HttpClient http)
                {
                    var p = Repo.Load();
                    await http.PostAsync("https://api.foreign.com/v1", new StringContent(p.Email));
                }
            }
        }
        """,
        CrossBorderTransferSkeletonFixer.TypeTitle,
        fixedDiagnostics: Cbdt1003(11, 19, 11, 91));

    [Fact]
    public Task FixAllAuthorizesEveryMethod() => VerifyAsync(
        """
        namespace Shop;

        class Sender
        {
            async Task A(HttpClient http)
            {
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/a", new StringContent(Repo.Load().Email))|};
            }

            async Task B(HttpClient http)
            {
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/b", new StringContent(Repo.Load().Email))|};
            }
        }
        """,
        """
        using CrossBorder.Policy;

        namespace Shop;

        class Sender
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "TODO", IssuedOn = "yyyy-MM-dd", Endpoint = "api.foreign.com", Categories = new[] { "PersonalInformation" }, Purpose = "TODO")]
            async Task A(HttpClient http)
            {
                await http.PostAsync("https://api.foreign.com/a", new StringContent(Repo.Load().Email));
            }

            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "TODO", IssuedOn = "yyyy-MM-dd", Endpoint = "api.foreign.com", Categories = new[] { "PersonalInformation" }, Purpose = "TODO")]
            async Task B(HttpClient http)
            {
                await http.PostAsync("https://api.foreign.com/b", new StringContent(Repo.Load().Email));
            }
        }
        """,
        CrossBorderTransferSkeletonFixer.MethodTitle,
        iterations: 2,
        fixedDiagnostics: new[] { Cbdt1003(10, 15, 10, 96), Cbdt1003(16, 15, 16, 96) });

    [Fact]
    public Task NoFixWhenTheShortNameMeansSomethingElse()
    {
        const string Source = """
            namespace Shop;

            class CrossBorderTransferAttribute : System.Attribute { }

            class Sender
            {
                async Task Run(HttpClient http)
                {
                    await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1", new StringContent(Repo.Load().Email))|};
                }
            }
            """;
        return VerifyAsync(Source, Source, CrossBorderTransferSkeletonFixer.MethodTitle, iterations: 0);
    }

    [Fact]
    public Task FixAllWritesOneAuthorizationForTwoSendsOfOneMethod() => VerifyAsync(
        """
        namespace Shop;

        class Sender
        {
            async Task A(HttpClient http)
            {
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/a", new StringContent(Repo.Load().Email))|};
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/b", new StringContent(Repo.Load().Email))|};
            }
        }
        """,
        """
        using CrossBorder.Policy;

        namespace Shop;

        class Sender
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "TODO", IssuedOn = "yyyy-MM-dd", Endpoint = "api.foreign.com", Categories = new[] { "PersonalInformation" }, Purpose = "TODO")]
            async Task A(HttpClient http)
            {
                await http.PostAsync("https://api.foreign.com/a", new StringContent(Repo.Load().Email));
                await http.PostAsync("https://api.foreign.com/b", new StringContent(Repo.Load().Email));
            }
        }
        """,
        CrossBorderTransferSkeletonFixer.MethodTitle,
        iterations: 1,
        fixedDiagnostics: new[] { Cbdt1003(10, 15, 10, 96), Cbdt1003(11, 15, 11, 96) });
}
