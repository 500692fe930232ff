using CrossBorder.Policy.Core.PolicyFile;

namespace CrossBorder.Policy.Cli.Tests;

/// <summary>init on a temporary project folder: endpoints from string literals, jurisdictions guessed, no overwrite.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "crossborder-init-" + Guid.NewGuid().ToString("N"));

    public InitCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "Services"));
        Directory.CreateDirectory(Path.Combine(_root, "obj"));
        File.WriteAllText(Path.Combine(_root, "InitApp.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        File.WriteAllText(Path.Combine(_root, "Program.cs"), """
            class Program
            {
                const string Crm = "https://api.partner.example.de/v1/customers";
                const string Local = "http://localhost:5000/health";
                const string NotAnUrl = "api.partner.example.jp";
                static void Main() => System.Console.WriteLine(Crm + Local + NotAnUrl);
            }
            """);
        File.WriteAllText(Path.Combine(_root, "Services", "Billing.cs"), """
            class Billing
            {
                string Url => @"https://billing.example.jp/charge";
                string Again => "https://api.partner.example.de/v2";
                string Mainland => "https://pay.example.cn/charge";
            }
            """);
        File.WriteAllText(Path.Combine(_root, "obj", "Generated.cs"), "class G { string U = \"https://generated.example.us/\"; }");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Writes_a_policy_file_that_parses_and_lists_the_hosts_with_their_jurisdictions()
    {
        var result = CliRunner.Run("init", _root);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var text = File.ReadAllText(Path.Combine(_root, "crossborder.json"));
        var parsed = PolicyFileParser.Parse(text, "crossborder.json");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
        var endpoints = parsed.Document.Endpoints.Select(e => e.Host + "=" + e.Jurisdiction).ToList();
        Assert.Equal(new[] { "api.partner.example.de=DE", "billing.example.jp=JP", "pay.example.cn=CN" }, endpoints);
        Assert.Empty(parsed.Document.Transfers);
        Assert.Contains("// localhost (Program.cs:4): internal host", text, StringComparison.Ordinal);
        Assert.DoesNotContain("generated.example.us", text, StringComparison.Ordinal);
        Assert.Contains("with 4 endpoint(s)", result.Output, StringComparison.Ordinal);
        Baseline.Check("init-crossborder.json", text);
    }

    [Fact]
    public void Refuses_to_overwrite_without_force()
    {
        var path = Path.Combine(_root, "crossborder.json");
        File.WriteAllText(path, "{ \"version\": 1 }");

        var refused = CliRunner.Run("init", _root);

        Assert.Equal(3, refused.ExitCode);
        Assert.Single(refused.ErrorLines);
        Assert.EndsWith("crossborder.json: already exists; use --force to overwrite it.", refused.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("{ \"version\": 1 }", File.ReadAllText(path));

        var forced = CliRunner.Run("init", _root, "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("\"endpoints\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_one_line_and_exit_3()
    {
        var result = CliRunner.Run("init", Path.Combine(_root, "nope"));

        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }
}
