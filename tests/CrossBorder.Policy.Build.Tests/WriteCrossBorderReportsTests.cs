using CrossBorder.Policy.Core.Manifest;
using Microsoft.Build.Framework;

namespace CrossBorder.Policy.Build.Tests;

public sealed class WriteCrossBorderReportsTests : IDisposable
{
    private readonly TestAssemblies _assemblies = new();

    public void Dispose() => _assemblies.Dispose();

    private string Output => Path.Combine(_assemblies.Directory, "bin", "crossborder");

    private (WriteCrossBorderReports Task, FakeBuildEngine Engine) Task(string assembly, string? language = "both", string? templates = null)
    {
        var engine = new FakeBuildEngine();
        var task = new WriteCrossBorderReports
        {
            BuildEngine = engine,
            AssemblyPath = assembly,
            OutputDirectory = Output,
            Language = language,
            TemplatesDirectory = templates,
        };
        return (task, engine);
    }

    private string Biomed(string name = "Jsbio.Trials") => _assemblies.Compile(name, TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest()));

    [Fact]
    public void Writes_every_output_and_reports_them()
    {
        var (task, engine) = Task(Biomed());

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        var names = Directory.GetFiles(Output).Select(p => Path.GetFileName(p)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "data-directory.csv", "data-directory.html", "data-directory.json", "data-directory.md", "transfers.csv", "transfers.html", "transfers.json", "transfers.md" }, names);
        Assert.Equal(8, task.ReportFiles.Length);
        Assert.Equal(8, task.WrittenFiles.Length);
        Assert.Equal(ManifestWriter.Write(BiomedSample.Manifest()), File.ReadAllText(Path.Combine(Output, "transfers.json")));
        var expected = File.ReadAllBytes(Path.Combine(RepositoryFiles.TestProject, "Baselines", "both", "transfers.html"));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(Output, "transfers.html")));
    }

    [Fact]
    public void A_second_run_rewrites_nothing_and_keeps_timestamps()
    {
        var assembly = Biomed();
        Assert.True(Task(assembly).Task.Execute());
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in Directory.GetFiles(Output))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        var (task, engine) = Task(assembly);
        Assert.True(task.Execute());

        Assert.Empty(task.WrittenFiles);
        Assert.Equal(8, task.ReportFiles.Length);
        Assert.All(Directory.GetFiles(Output), f => Assert.Equal(old, File.GetLastWriteTimeUtc(f)));
        Assert.Contains(engine.Messages, m => m.Message!.Contains("0 written, 8 unchanged", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_manifest_rewrites_only_the_changed_files()
    {
        Assert.True(Task(Biomed()).Task.Execute());
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in Directory.GetFiles(Output))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        // Only the transfer manifest changes: a new recipient contact.
        var manifest = BiomedSample.Manifest();
        manifest = manifest with
        {
            Authorizations = EquatableArray.From(manifest.Authorizations.Select(a => a.Id == "de-archive-scc" ? a with { RecipientContact = "dpo@archiv.example.de" } : a)),
        };
        var changed = _assemblies.Compile(BiomedSample.Assembly, TestAssemblies.MetadataFor(BiomedSample.Directory(), manifest));
        var (task, _) = Task(changed);
        Assert.True(task.Execute());

        var written = task.WrittenFiles.Select(i => Path.GetFileName(i.ItemSpec)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "transfers.html", "transfers.json", "transfers.md" }, written);
        Assert.Equal(old, File.GetLastWriteTimeUtc(Path.Combine(Output, "data-directory.json")));
        Assert.Equal(old, File.GetLastWriteTimeUtc(Path.Combine(Output, "transfers.csv")));
        Assert.Contains("dpo@archiv.example.de", File.ReadAllText(Path.Combine(Output, "transfers.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_without_manifest_is_skipped_quietly()
    {
        var plain = _assemblies.Compile("Plain", new Dictionary<string, string>());
        var (task, engine) = Task(plain);

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.False(Directory.Exists(Output));
        Assert.Empty(task.ReportFiles);
        var message = Assert.Single(engine.Messages);
        Assert.Equal(MessageImportance.Low, message.Importance);
        Assert.Contains("no embedded manifest", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_fails_with_CBDT9151()
    {
        var path = Path.Combine(_assemblies.Directory, "native.dll");
        File.WriteAllBytes(path, new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 0, 0 });
        var (task, engine) = Task(path);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CBDT9151", error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal("https://github.com/crossborder-policy/crossborder-policy/blob/main/docs/rules/CBDT9151.md", error.HelpLink);
    }

    [Fact]
    public void A_tampered_manifest_fails_with_CBDT9154_and_writes_nothing()
    {
        var metadata = TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest());
        metadata["CrossBorder.Policy.TransfersJson"] = metadata["CrossBorder.Policy.TransfersJson"].Replace("\"Unauthorized\"", "\"Authorized\"", StringComparison.Ordinal);
        var (task, engine) = Task(_assemblies.Compile("Tampered", metadata));

        Assert.False(task.Execute());

        Assert.Equal("CBDT9154", Assert.Single(engine.Errors).Code);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void A_missing_assembly_fails_with_CBDT9150()
    {
        var (task, engine) = Task(Path.Combine(_assemblies.Directory, "missing.dll"));
        Assert.False(task.Execute());
        Assert.Equal("CBDT9150", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void An_invalid_language_warns_with_CBDT9156_and_writes_both_languages()
    {
        var (task, engine) = Task(Biomed(), language: "francais");

        Assert.True(task.Execute());

        Assert.Equal("CBDT9156", Assert.Single(engine.Warnings).Code);
        Assert.Contains("数据出境清单 / Outbound data transfer inventory", File.ReadAllText(Path.Combine(Output, "transfers.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "# Outbound data transfer inventory\n")]
    [InlineData("zh", "# 数据出境清单\n")]
    public void The_language_option_is_used(string language, string firstLine)
    {
        var (task, _) = Task(Biomed(), language: language);
        Assert.True(task.Execute());
        Assert.StartsWith(firstLine, File.ReadAllText(Path.Combine(Output, "transfers.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_templates_directory_warns_with_CBDT9157_and_uses_the_defaults()
    {
        var (task, engine) = Task(Biomed(), templates: Path.Combine(_assemblies.Directory, "no-such-templates"));

        Assert.True(task.Execute());

        Assert.Equal("CBDT9157", Assert.Single(engine.Warnings).Code);
        Assert.Equal(8, Directory.GetFiles(Output).Length);
    }

    [Fact]
    public void A_user_template_is_used_and_a_broken_one_fails_with_CBDT9158_at_its_line()
    {
        var templates = Path.Combine(_assemblies.Directory, "templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "data-directory.md.scriban"), "{{ directory.counts.entries }} entries\n");
        var (task, _) = Task(Biomed(), templates: templates);
        Assert.True(task.Execute());
        Assert.Equal("6 entries\n", File.ReadAllText(Path.Combine(Output, "data-directory.md")));

        var broken = Path.Combine(templates, "transfers.md.scriban");
        File.WriteAllText(broken, "fine\nfine\n{{ if }}\n");
        var (failing, engine) = Task(Biomed("Again"), templates: templates);
        Assert.False(failing.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CBDT9158", error.Code);
        Assert.Equal(broken, error.File);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void An_output_directory_that_cannot_be_created_fails_with_CBDT9159()
    {
        var blocker = Path.Combine(_assemblies.Directory, "bin");
        File.WriteAllText(blocker, "a file where the output folder should be");
        var (task, engine) = Task(Biomed());

        Assert.False(task.Execute());

        Assert.Equal("CBDT9159", Assert.Single(engine.Errors).Code);
    }
}
