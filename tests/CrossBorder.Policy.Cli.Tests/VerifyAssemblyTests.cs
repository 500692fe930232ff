using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Cli.Tests;

public sealed class VerifyAssemblyTests : IDisposable
{
    private readonly ManifestAssemblies _assemblies = new();

    public VerifyAssemblyTests()
    {
        Folder = AcmeApp.BuildFolder(_assemblies);
        Dll = Path.Combine(Folder, "Acme.Web.dll");
        Transfers = Path.Combine(_assemblies.Root, "transfers.json");
        DataDirectory = Path.Combine(_assemblies.Root, "data-directory.json");
        File.WriteAllText(Transfers, ManifestWriter.Write(AcmeApp.WebTransfers()));
        File.WriteAllText(DataDirectory, ManifestWriter.Write(AcmeApp.WebDirectory()));
    }

    private string Folder { get; }

    private string Dll { get; }

    private string Transfers { get; }

    private string DataDirectory { get; }

    public void Dispose() => _assemblies.Dispose();

    [Fact]
    public void Files_written_by_the_build_match_the_assembly()
    {
        var result = CliRunner.Run("verify", "--assembly", Dll, Transfers, DataDirectory);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Transfers + ": matches the transfers.json embedded in " + Dll + " (" + ManifestDigest.Compute(AcmeApp.WebTransfers()) + ").", lines[0]);
        Assert.StartsWith(DataDirectory + ": matches the data-directory.json embedded in", lines[1], StringComparison.Ordinal);
        Assert.Equal("OK: 2 files match the assembly.", lines[2]);
    }

    [Fact]
    public void A_hand_edited_transfers_json_is_named_with_its_first_different_line_and_exit_1()
    {
        var text = File.ReadAllText(Transfers);
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains("\"SCC-SH-2025-00042\"", StringComparison.Ordinal));
        File.WriteAllText(Transfers, text.Replace("SCC-SH-2025-00042", "SCC-SH-2025-99999", StringComparison.Ordinal));

        var result = CliRunner.Run("verify", "--assembly", Dll, DataDirectory, Transfers);

        Assert.Equal(1, result.ExitCode);
        var output = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(DataDirectory + ": matches", output[0], StringComparison.Ordinal);
        Assert.StartsWith(Transfers + ": differs from the transfers.json embedded in " + Dll + " from line " + (index + 1) + " (file sha256:", output[1], StringComparison.Ordinal);
        Assert.Equal("FAILED: 1 of 2 files differ from the assembly.", output[2]);
    }

    [Fact]
    public void A_checkout_with_crlf_line_ends_and_a_bom_still_matches()
    {
        File.WriteAllText(Transfers, "\uFEFF" + ManifestWriter.Write(AcmeApp.WebTransfers()).Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(0, CliRunner.Run("verify", "--assembly", Dll, Transfers).ExitCode);
    }

    [Fact]
    public void An_edit_that_breaks_the_json_is_still_a_difference_when_the_file_has_its_usual_name()
    {
        File.WriteAllText(Transfers, File.ReadAllText(Transfers).Replace("\"flows\"", "flows", StringComparison.Ordinal));

        var result = CliRunner.Run("--json", "verify", "--assembly", Dll, Transfers);

        Assert.Equal(1, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var file = json.RootElement.GetProperty("files")[0];
        Assert.False(file.GetProperty("matches").GetBoolean());
        Assert.Equal("transfers.json", file.GetProperty("document").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void A_manifest_of_another_assembly_differs()
    {
        File.WriteAllText(Transfers, ManifestWriter.Write(AcmeApp.ModelTransfers()));

        var result = CliRunner.Run("verify", "--assembly", Dll, Transfers);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("differs from the transfers.json embedded in", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void User_errors_are_one_line_with_a_documented_code()
    {
        var noManifest = CliRunner.Run("verify", "--assembly", Path.Combine(Folder, "Acme.Plain.dll"), Transfers);
        var missing = CliRunner.Run("verify", "--assembly", Path.Combine(Folder, "Nope.dll"), Transfers);
        var policy = CliRunner.Run("verify", "--assembly", Dll, Repo.Sample("jiangsu-ftz-biomedicine.json"));
        var withDate = CliRunner.Run("verify", "--assembly", Dll, Transfers, "--as-of", "2026-01-01");

        Assert.Equal(3, noManifest.ExitCode);
        Assert.Equal("crossborder: " + Path.Combine(Folder, "Acme.Plain.dll") + ": the assembly carries no CrossBorder.Policy manifest (it was not built with the CrossBorder.Policy generator).", Assert.Single(noManifest.ErrorLines));
        Assert.Equal(3, missing.ExitCode);
        Assert.Single(missing.ErrorLines);
        Assert.Equal(3, policy.ExitCode);
        Assert.EndsWith(": is a policy file; verify --assembly compares transfers.json or data-directory.json with the manifest embedded in the assembly.", Assert.Single(policy.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(2, withDate.ExitCode);
        Assert.Equal("", withDate.Output);
    }
}
