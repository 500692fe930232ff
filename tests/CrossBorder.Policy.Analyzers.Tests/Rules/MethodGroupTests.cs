using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>
/// A method group passed to a call (<c>people.ForEach(Upload)</c>, <c>ids.Select(Describe)</c>) is run where it is
/// passed, like a lambda: what it sends is reported at that call, what it returns flows on, and the method counts as
/// called (it is not also an entry point, so the flow is reported once).
/// </summary>
public sealed class MethodGroupTests
{
    [Fact]
    public Task AMethodGroupThatSendsIsReportedAtTheCallThatPassesIt() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            private readonly HttpClient _http = new();

            public void Run(List<Person> people) => {|CBDT1001:people.ForEach(Upload)|};

            private void Upload(Person p) => _http.PostAsync("https://api.foreign.com/v1/in", new StringContent(p.Email)).Wait();
        }
        """, CrossBorderFlowAnalyzerTests.Model);

    [Fact]
    public Task WhatAMethodGroupReturnsFlowsOn() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            public async Task Run(HttpClient http, int[] ids)
            {
                var names = string.Join(",", ids.Select(Describe));
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new StringContent(names))|};
            }

            private static string Describe(int id) => Repo.Load(id).Name;
        }
        """, CrossBorderFlowAnalyzerTests.Model);

    [Fact]
    public Task AMethodGroupOfCleanDataReportsNothing() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            public async Task Run(HttpClient http, int[] ids)
            {
                var names = string.Join(",", ids.Select(Square));
                await http.PostAsync("https://api.foreign.com/v1/in", new StringContent(names));
            }

            private static string Square(int id) => (id * id).ToString();
        }
        """, CrossBorderFlowAnalyzerTests.Model);
}
