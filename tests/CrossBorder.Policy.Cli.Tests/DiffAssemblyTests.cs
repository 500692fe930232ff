using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Cli.Tests;

public sealed class DiffAssemblyTests : IDisposable
{
    private readonly ManifestAssemblies _assemblies = new();

    public void Dispose() => _assemblies.Dispose();

    [Fact]
    public void Two_build_folders_are_compared_as_merged_transfer_manifests()
    {
        var old = AcmeApp.BuildFolder(_assemblies, "old");
        var @new = AcmeApp.BuildFolder(_assemblies, "new", FlowStatus.Unauthorized);

        var result = CliRunner.Run("diff", old, @new, "--format", "json");
        var reportOnly = CliRunner.Run("diff", old, @new, "--report-only");

        Assert.Equal(1, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Contains("flow:crm-sync", json.RootElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, result.ErrorLines.Length);
        Assert.All(result.ErrorLines, l => Assert.StartsWith("crossborder: read the manifest of 2 assemblies", l, StringComparison.Ordinal));
        Assert.Equal(0, reportOnly.ExitCode);
        Assert.Contains("flow:crm-sync", reportOnly.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_builds_have_no_difference_and_two_dlls_work_like_two_folders()
    {
        var old = AcmeApp.BuildFolder(_assemblies, "old");
        var @new = AcmeApp.BuildFolder(_assemblies, "new");

        var folders = CliRunner.Run("diff", old, @new, "--format", "json");
        var dlls = CliRunner.Run("diff", Path.Combine(old, "Acme.Web.dll"), Path.Combine(@new, "Acme.Web.dll"), "--format", "json");
        var sameFile = CliRunner.Run("diff", Path.Combine(old, "Acme.Web.dll"), Path.Combine(@new, "Acme.Web.dll"));

        Assert.Equal(0, folders.ExitCode);
        Assert.Equal(0, dlls.ExitCode);
        var fromFiles = Path.Combine(_assemblies.Root, "a.json");
        File.WriteAllText(fromFiles, ManifestWriter.Write(AcmeApp.WebTransfers()));
        var viaFiles = CliRunner.Run("diff", fromFiles, fromFiles);
        Assert.Equal(viaFiles.Output.Replace(fromFiles, "X", StringComparison.Ordinal), sameFile.Output.Replace(Path.Combine(old, "Acme.Web.dll"), "X", StringComparison.Ordinal).Replace(Path.Combine(@new, "Acme.Web.dll"), "X", StringComparison.Ordinal));
    }

    [Fact]
    public void The_data_directory_of_two_builds_and_a_file_against_a_build()
    {
        var old = AcmeApp.BuildFolder(_assemblies, "old");
        var @new = _assemblies.Folder("new");
        ManifestAssemblies.Compile(@new, "Acme.Web", AcmeApp.WebDirectory() with { Entries = EquatableArray.Create(AcmeApp.Customer("Acme.Model")) }, AcmeApp.WebTransfers());
        var oldDirectoryFile = Path.Combine(_assemblies.Root, "data-directory.json");
        File.WriteAllText(oldDirectoryFile, ManifestWriter.Write(AcmeApp.WebDirectory()));

        var builds = CliRunner.Run("diff", Path.Combine(old, "Acme.Web.dll"), @new, "--document", "data-directory", "--format", "json");
        var fileVsBuild = CliRunner.Run("diff", oldDirectoryFile, @new, "--format", "json");
        var mismatch = CliRunner.Run("diff", oldDirectoryFile, @new, "--document", "transfers");
        var twoFiles = CliRunner.Run("diff", oldDirectoryFile, oldDirectoryFile, "--document", "transfers");

        Assert.Equal(0, builds.ExitCode);
        Assert.Contains("T:Acme.Web.Order", builds.Output, StringComparison.Ordinal);
        Assert.Equal(0, fileVsBuild.ExitCode);
        Assert.Contains("T:Acme.Web.Order", fileVsBuild.Output, StringComparison.Ordinal);
        Assert.Equal(2, mismatch.ExitCode);
        Assert.Equal(2, twoFiles.ExitCode);
        Assert.Equal("crossborder: --document chooses the document of an assembly; two manifest files are compared as they are.", twoFiles.ErrorLines[0]);
    }

    [Fact]
    public void A_corrupt_dll_is_exit_3()
    {
        var old = AcmeApp.BuildFolder(_assemblies, "old");
        var bad = Path.Combine(_assemblies.Root, "bad.dll");
        File.WriteAllBytes(bad, new byte[] { 0x4D, 0x5A, 0, 1, 2, 3 });

        var result = CliRunner.Run("diff", old, bad);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("crossborder: " + bad + ": not a readable .NET assembly", StringComparison.Ordinal));
    }
}
