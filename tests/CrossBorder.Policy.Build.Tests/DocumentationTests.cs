using System.Text.RegularExpressions;
using System.Xml.Linq;
using Scriban.Runtime;

namespace CrossBorder.Policy.Build.Tests;

public sealed class DocumentationTests
{
    private static readonly string TemplatesDoc = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "templates.md"));

    public static TheoryData<string> Ids() => new(BuildDiagnosticIds.All);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_has_its_page(string id)
    {
        Assert.Matches("^CBDT91[5-9][0-9]$", id);
        Assert.Contains(id, File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "templates.md")), StringComparison.Ordinal);
        var path = Path.Combine(RepositoryFiles.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), path);
        var text = File.ReadAllText(path);
        Assert.Matches("^# " + id + " - \\S", text.Split('\n')[0]);
        foreach (var section in new[] { "## Cause", "## Rule description", "## Legal basis", "## How to fix", "## Configuration", "## How to suppress" })
        {
            Assert.Contains("\n" + section + "\n", text, StringComparison.Ordinal);
        }

        Assert.EndsWith("/docs/rules/" + id + ".md", BuildDiagnosticIds.HelpLink(id), StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_unique_and_every_reader_error_has_one()
    {
        Assert.Equal(BuildDiagnosticIds.All.Length, BuildDiagnosticIds.All.Distinct(StringComparer.Ordinal).Count());
        foreach (EmbeddedManifestError error in Enum.GetValues(typeof(EmbeddedManifestError)))
        {
            Assert.Contains(BuildDiagnosticIds.For(error), BuildDiagnosticIds.All);
        }
    }

    [Fact]
    public void Every_default_template_and_every_variable_is_documented()
    {
        foreach (var name in ReportTemplateSet.DefaultNames)
        {
            Assert.Contains("`" + name + "`", TemplatesDoc, StringComparison.Ordinal);
        }

        var model = ReportModel.Build(Samples.Biomed, ReportLanguage.Both);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        Collect(model, top: true, missing);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_template_function_is_documented()
    {
        foreach (var function in new[] { "h", "md", "md_code", "csv", "csv_row", "text", "number" })
        {
            Assert.Contains("| `" + function + " ", TemplatesDoc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_targets_file_runs_the_task_after_copy_outside_design_time_builds()
    {
        var path = Path.Combine(RepositoryFiles.Root, "src", "CrossBorder.Policy.Build", "build", "CrossBorder.Policy.Build.targets");
        var doc = XDocument.Load(path);
        var usingTask = doc.Root!.Elements("UsingTask").Single();
        Assert.Equal(typeof(WriteCrossBorderReports).FullName, (string?)usingTask.Attribute("TaskName"));
        var target = doc.Root.Elements("Target").Single(t => (string?)t.Attribute("Name") == "CrossBorderWriteReports");
        Assert.Equal("CopyFilesToOutputDirectory", (string?)target.Attribute("AfterTargets"));
        Assert.Contains("'$(DesignTimeBuild)' != 'true'", (string?)target.Attribute("Condition"), StringComparison.Ordinal);
        Assert.NotNull(target.Attribute("Inputs"));
        Assert.NotNull(target.Attribute("Outputs"));
        var guard = target.Elements("Error").Single();
        Assert.Equal(BuildDiagnosticIds.TaskAssemblyNotFound, (string?)guard.Attribute("Code"));
        Assert.Equal(BuildDiagnosticIds.HelpLink(BuildDiagnosticIds.TaskAssemblyNotFound), (string?)guard.Attribute("HelpLink"));
        var task = target.Elements("WriteCrossBorderReports").Single();
        var parameters = task.Attributes().Select(a => a.Name.LocalName).ToHashSet(StringComparer.Ordinal);
        foreach (var property in typeof(WriteCrossBorderReports).GetProperties().Where(p => p.IsDefined(typeof(Microsoft.Build.Framework.RequiredAttribute), false)))
        {
            Assert.Contains(property.Name, parameters);
        }

        foreach (var property in new[] { "CrossBorderOutputPath", "CrossBorderReportLanguage", "CrossBorderTemplatesDirectory", "CrossBorderWriteReports" })
        {
            Assert.Contains(property, File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Contains("`" + property + "`", TemplatesDoc, StringComparison.Ordinal);
        }
    }

    private static void Collect(object? value, bool top, SortedSet<string> missing)
    {
        switch (value)
        {
            case ScriptObject o:
                foreach (var key in o.Keys)
                {
                    // The label objects are documented as "the keys of ReportLabels.Text".
                    if (!top || !Regex.IsMatch(key, "^l(_en|_zh)?$"))
                    {
                        if (!TemplatesDoc.Contains("`" + key + "`", StringComparison.Ordinal))
                        {
                            missing.Add(key);
                        }
                    }

                    if (!(top && key.StartsWith('l')))
                    {
                        Collect(o[key], top: false, missing);
                    }
                }

                break;
            case ScriptArray a:
                foreach (var item in a)
                {
                    Collect(item, top: false, missing);
                }

                break;
        }
    }
}
