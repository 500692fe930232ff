using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly ManifestAssemblies _assemblies = new();

    public void Dispose() => _assemblies.Dispose();

    [Fact]
    public void Directory_of_a_folder_merges_the_assemblies_and_lists_a_shared_type_once()
    {
        var folder = AcmeApp.BuildFolder(_assemblies);

        var result = CliRunner.Run("directory", folder, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "crossborder: read the manifest of 2 assemblies (Acme.Model, Acme.Web); skipped 1 without a manifest.",
            Assert.Single(result.ErrorLines));
        var directory = ManifestReader.ReadDataDirectory(result.Output);
        Assert.Equal("Acme.Shop", directory.Assembly);
        Assert.Equal(
            new[] { "P:Acme.Model.Customer.Phone", "T:Acme.Model.Customer", "T:Acme.Web.Order" },
            directory.Entries.Select(e => e.Id).ToArray());
        var customer = Assert.Single(directory.Entries, e => e.Id == "T:Acme.Model.Customer");
        Assert.Equal("Acme.Model", customer.ReferencedAssembly);
        Assert.Equal("Acme.Web", directory.Entries.Single(e => e.Id == "T:Acme.Web.Order").ReferencedAssembly);
        Assert.Equal("api.crm.example.sg", Assert.Single(directory.Endpoints).Host);
    }

    [Fact]
    public void Manifest_concatenates_authorizations_and_flows_and_renders_markdown_by_default()
    {
        var folder = AcmeApp.BuildFolder(_assemblies);
        var other = _assemblies.Folder("other");
        ManifestAssemblies.Compile(other, "Acme.Jobs", new DataDirectory("Acme.Jobs"), new TransferManifest("Acme.Jobs")
        {
            Flows = EquatableArray.Create(AcmeApp.WebTransfers().Flows[0] with { Id = "flow:nightly-export", AuthorizationId = null, Status = FlowStatus.Unauthorized }),
        });

        var json = CliRunner.Run("manifest", folder, Path.Combine(other, "Acme.Jobs.dll"), "--format", "json");
        var md = CliRunner.Run("manifest", folder, Path.Combine(other, "Acme.Jobs.dll"), "--language", "en");

        Assert.Equal(0, json.ExitCode);
        var manifest = ManifestReader.ReadTransferManifest(json.Output);
        Assert.Equal("Acme.Jobs+Acme.Model+Acme.Web", manifest.Assembly);
        Assert.Equal(new[] { "flow:crm-sync", "flow:nightly-export" }, manifest.Flows.Select(f => f.Id).ToArray());
        Assert.Equal("sg-crm-scc", Assert.Single(manifest.Authorizations).Id);
        Assert.Equal(0, md.ExitCode);
        Assert.Contains("flow:nightly-export", md.Output, StringComparison.Ordinal);
        Assert.Contains("sg-crm-scc", md.Output, StringComparison.Ordinal);
        Assert.StartsWith("#", md.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", md.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_type_classified_differently_by_two_assemblies_is_a_conflict_with_exit_1()
    {
        var folder = AcmeApp.BuildFolder(_assemblies);
        var changed = AcmeApp.Customer("Acme.Model") with
        {
            Classification = new DataClassification { PersonalInformation = true, SensitiveCategories = EquatableArray.Create(SensitiveCategory.FinancialAccount) },
        };
        ManifestAssemblies.Compile(folder, "Acme.Billing", new DataDirectory("Acme.Billing") { Processor = AcmeApp.Processor, Entries = EquatableArray.Create(changed) }, new TransferManifest("Acme.Billing") { Processor = AcmeApp.Processor });

        var result = CliRunner.Run("directory", folder, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "crossborder: conflict: entry 'T:Acme.Model.Customer' differs between Acme.Model and Acme.Billing (classification); the copy of Acme.Model is used.",
            result.ErrorLines);
        var customer = ManifestReader.ReadDataDirectory(result.Output).Entries.Single(e => e.Id == "T:Acme.Model.Customer");
        Assert.Empty(customer.Classification.SensitiveCategories);
    }

    [Fact]
    public void The_same_flow_id_with_different_content_is_a_conflict()
    {
        var folder = AcmeApp.BuildFolder(_assemblies);
        ManifestAssemblies.Compile(folder, "Acme.Zeta", new DataDirectory("Acme.Zeta"), new TransferManifest("Acme.Zeta")
        {
            Flows = EquatableArray.Create(AcmeApp.WebTransfers().Flows[0] with { Jurisdiction = "US" }),
        });

        var result = CliRunner.Run("manifest", folder, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("crossborder: conflict: flow 'flow:crm-sync' is declared differently in Acme.Web and Acme.Zeta; the one of Acme.Web is used.", result.ErrorLines);
        Assert.Equal("SG", Assert.Single(ManifestReader.ReadTransferManifest(result.Output).Flows).Jurisdiction);
    }

    [Fact]
    public void One_assembly_is_rendered_byte_for_byte_as_embedded()
    {
        var folder = AcmeApp.BuildFolder(_assemblies);

        var result = CliRunner.Run("manifest", Path.Combine(folder, "Acme.Web.dll"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ManifestWriter.Write(AcmeApp.WebTransfers()), result.Output);
    }

    [Fact]
    public void Output_folder_receives_every_format_or_only_the_one_asked_for()
    {
        var folder = AcmeApp.BuildFolder(_assemblies);
        var all = Path.Combine(_assemblies.Root, "out-all");
        var csvOnly = Path.Combine(_assemblies.Root, "out-csv");

        var first = CliRunner.Run("directory", folder, "--output", all);
        var second = CliRunner.Run("directory", folder, "--output", all);
        var csv = CliRunner.Run("directory", folder, "-o", csvOnly, "--format", "csv");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("", first.Output);
        Assert.Equal(
            new[] { "data-directory.csv", "data-directory.html", "data-directory.json", "data-directory.md" },
            Directory.GetFiles(all).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(first.ErrorLines, l => l.StartsWith("crossborder: wrote ", StringComparison.Ordinal) && l.EndsWith("data-directory.md", StringComparison.Ordinal));
        Assert.Contains(second.ErrorLines, l => l.StartsWith("crossborder: unchanged ", StringComparison.Ordinal) && l.EndsWith("data-directory.md", StringComparison.Ordinal));
        Assert.Equal(new[] { "data-directory.csv" }, Directory.GetFiles(csvOnly).Select(Path.GetFileName).ToArray());
        Assert.Equal(0xEF, File.ReadAllBytes(Path.Combine(csvOnly, "data-directory.csv"))[0]);
        Assert.Equal(0, csv.ExitCode);
    }

    [Fact]
    public void Csv_on_standard_output_has_no_byte_order_mark_and_language_changes_the_headings()
    {
        var folder = AcmeApp.BuildFolder(_assemblies);

        var en = CliRunner.Run("directory", folder, "--format", "csv", "--language", "en");
        var zh = CliRunner.Run("directory", folder, "--format", "csv", "--language", "zh");

        Assert.Equal(0, en.ExitCode);
        Assert.False(en.Output.StartsWith('\uFEFF'));
        Assert.Contains("Acme.Model.Customer", en.Output, StringComparison.Ordinal);
        Assert.NotEqual(en.Output.Split('\n')[0], zh.Output.Split('\n')[0]);
    }

    [Fact]
    public void User_templates_replace_the_default_report()
    {
        var folder = AcmeApp.BuildFolder(_assemblies);
        var templates = _assemblies.Folder("templates");
        File.WriteAllText(Path.Combine(templates, "transfers.md.scriban"), "Flows: {{ transfers.flows | array.size }}\n");

        var result = CliRunner.Run("manifest", folder, "--templates", templates);
        var missing = CliRunner.Run("manifest", folder, "--templates", Path.Combine(templates, "nope"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Flows: 1\n", result.Output);
        Assert.Equal(3, missing.ExitCode);
        Assert.Equal("crossborder: " + Path.Combine(templates, "nope") + ": the templates folder does not exist.", Assert.Single(missing.ErrorLines));
    }

    [Fact]
    public void A_file_that_is_not_a_dotnet_assembly_is_one_line_and_exit_3()
    {
        var folder = _assemblies.Folder("bad");
        var bad = Path.Combine(folder, "Broken.dll");
        File.WriteAllText(bad, "this is not a PE file");

        var direct = CliRunner.Run("directory", bad);
        var inFolder = CliRunner.Run("manifest", folder);

        Assert.Equal(3, direct.ExitCode);
        var line = Assert.Single(direct.ErrorLines);
        Assert.StartsWith("crossborder: " + bad + ": not a readable .NET assembly", line, StringComparison.Ordinal);
        Assert.Equal("", direct.Output);
        Assert.Equal(3, inFolder.ExitCode);
        Assert.Single(inFolder.ErrorLines);
    }

    [Fact]
    public void A_hand_edited_embedded_manifest_is_exit_3()
    {
        var folder = _assemblies.Folder("edited");
        var dll = ManifestAssemblies.Compile(folder, "Acme.Web", AcmeApp.WebDirectory(), AcmeApp.WebTransfers(), json => json.Replace("\"SG\"", "\"JP\"", StringComparison.Ordinal));

        var result = CliRunner.Run("manifest", dll);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("does not match its digest", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void No_manifest_anywhere_missing_paths_and_empty_folders_are_input_errors()
    {
        var folder = _assemblies.Folder("plain");
        ManifestAssemblies.Compile(folder, "Plain", null, null);
        var empty = _assemblies.Folder("empty");

        var none = CliRunner.Run("directory", folder);
        var missing = CliRunner.Run("directory", Path.Combine(folder, "Missing.dll"));
        var nothing = CliRunner.Run("directory", empty);
        var badFormat = CliRunner.Run("directory", folder, "--format", "xml");

        Assert.Equal(3, none.ExitCode);
        Assert.Equal("crossborder: no assembly carries a CrossBorder.Policy manifest: reference the CrossBorder.Policy package (its generator embeds the manifest) and build.", none.ErrorLines[^1]);
        Assert.Equal(3, missing.ExitCode);
        Assert.Equal("crossborder: " + Path.Combine(folder, "Missing.dll") + ": file or folder not found.", Assert.Single(missing.ErrorLines));
        Assert.Equal(3, nothing.ExitCode);
        Assert.Equal(2, badFormat.ExitCode);
    }
}
