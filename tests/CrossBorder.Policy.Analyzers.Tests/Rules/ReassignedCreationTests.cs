using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>
/// A local or parameter that already exists, assigned an object built with an initializer (<c>payload = new { A = p.Email }</c>,
/// <c>dto = new PersonDto { Name = p.Name }</c>): the control flow graph captures the target before the initializer, and
/// the assignment still reaches the local. (It used to be lost: the data sent afterwards was not reported.)
/// </summary>
public sealed class ReassignedCreationTests
{
    private static Task VerifyAsync(string body) => VerifyCS.VerifyAnalyzerAsync(
        "class C\n{\n    async Task Run(HttpClient http, object given)\n    {\n        var p = Repo.Load(1);\n" + body + "\n    }\n}\n",
        CrossBorderFlowAnalyzerTests.Model);

    [Fact]
    public Task AnonymousObjectAssignedToAnExistingLocal() => VerifyAsync("""
                object payload = new { A = 1 };
                payload = new { A = p.Email };
                await {|CBDT1001:http.PostAsJsonAsync("https://api.foreign.com/v1/upload", payload)|};
        """);

    [Fact]
    public Task ObjectInitializerAssignedInABranch() => VerifyAsync("""
                object payload = "nothing";
                if (p.Active)
                {
                    payload = new PersonDto { Name = p.Email };
                }

                await {|CBDT1001:http.PostAsJsonAsync("https://api.foreign.com/v1/upload", payload)|};
        """);

    [Fact]
    public Task AnonymousObjectAssignedToAParameter() => VerifyAsync("""
                given = new { p.Name };
                await {|CBDT1001:http.PostAsJsonAsync("https://api.foreign.com/v1/upload", given)|};
        """);

    [Fact]
    public Task OverwrittenByACleanObject() => VerifyAsync("""
                object payload = new { p.Email };
                payload = new PersonDto { Id = 1 };
                await http.PostAsJsonAsync("https://api.foreign.com/v1/upload", payload);
        """);
}
