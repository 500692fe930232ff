using System.Globalization;
using CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

namespace CrossBorder.Policy.EndToEnd.Tests;

/// <summary>
/// The package's build/ props and targets in a consumer: the policy file as an AdditionalFile, the properties the
/// compiler sees (read back from the generated global .editorconfig that csc receives), and the CBDT91xx warnings.
/// These run MSBuild up to the editorconfig or the validation target, without compiling.
/// </summary>
public sealed class BuildPropertiesTests : IClassFixture<BuildPropertiesTests.SharedConsumer>
{
    private static readonly string[] CompilerVisible =
    [
        "CrossBorderAsOfDate", "CrossBorderDirectoryNamespace", "CrossBorderDirectoryAccessibility",
        "CrossBorderGenerateDirectory", "CrossBorderAnalysisMode",
    ];

    private readonly PackageFixture _package;
    private readonly SharedConsumer _shared;

    public BuildPropertiesTests(PackageFixture package, SharedConsumer shared)
    {
        _package = package;
        _shared = shared;
    }

    [Fact]
    public async Task ConfiguredValuesAndThePolicyFileReachTheCompiler()
    {
        using var consumer = ConsumerProject.Create(_package, "Configured", properties: new Dictionary<string, string>
        {
            ["CrossBorderAsOfDate"] = "2031-04-05",
            ["CrossBorderDirectoryNamespace"] = "Contoso.Compliance",
            ["CrossBorderDirectoryAccessibility"] = "Public",
            ["CrossBorderGenerateDirectory"] = "false",
            ["CrossBorderAnalysisMode"] = "all-errors",
            ["CrossBorderReportLanguage"] = "zh-cn;EN",
            ["CrossBorderOutputPath"] = "compliance",
        });
        var policy = consumer.WriteFile("crossborder.json", "{ \"version\": 1 }\n");

        var query = await consumer.QueryAsync("GenerateMSBuildEditorConfigFile",
            ["GeneratedMSBuildEditorConfigFile", "CrossBorderReportLanguage", "CrossBorderOutputPath", "CrossBorderPolicyFile"],
            ["AdditionalFiles"]);
        Assert.True(query.Result.Succeeded, query.Result.ToString());
        Assert.DoesNotContain("CBDT91", query.Result.Output, StringComparison.Ordinal);

        var additional = Assert.Single(query.Items("AdditionalFiles"));
        Assert.Equal(policy, additional["FullPath"]);
        Assert.Equal("PolicyFile", additional["CrossBorderKind"]);
        Assert.Equal(policy, query.Property("CrossBorderPolicyFile"));

        var config = ReadEditorConfig(consumer, query);
        Assert.Equal("2031-04-05", config.Global["build_property.CrossBorderAsOfDate"]);
        Assert.Equal("Contoso.Compliance", config.Global["build_property.CrossBorderDirectoryNamespace"]);
        Assert.Equal("public", config.Global["build_property.CrossBorderDirectoryAccessibility"]);
        Assert.Equal("false", config.Global["build_property.CrossBorderGenerateDirectory"]);
        Assert.Equal("all-errors", config.Global["build_property.CrossBorderAnalysisMode"]);
        Assert.Equal("PolicyFile", config.Sections[policy]["build_metadata.AdditionalFiles.CrossBorderKind"]);

        Assert.Equal("both", query.Property("CrossBorderReportLanguage"));
        Assert.Equal("compliance/", query.Property("CrossBorderOutputPath"));
    }

    [Fact]
    public async Task DefaultsReachTheCompiler()
    {
        using var consumer = ConsumerProject.Create(_package, "Defaults");
        var before = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var query = await consumer.QueryAsync("GenerateMSBuildEditorConfigFile",
            ["GeneratedMSBuildEditorConfigFile", "CrossBorderReportLanguage", "CrossBorderOutputPath", "CrossBorderPolicyFile", "OutDir"],
            ["AdditionalFiles"]);
        var after = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(query.Result.Succeeded, query.Result.ToString());
        Assert.DoesNotContain("CBDT91", query.Result.Output, StringComparison.Ordinal);

        // No crossborder.json in the project: no additional file, and no warning about it.
        Assert.DoesNotContain(query.Items("AdditionalFiles"), i => i["FullPath"].EndsWith("crossborder.json", StringComparison.Ordinal));
        Assert.Equal(Path.Combine(consumer.Directory, "crossborder.json"), query.Property("CrossBorderPolicyFile"));

        var config = ReadEditorConfig(consumer, query);
        Assert.Contains(config.Global["build_property.CrossBorderAsOfDate"], new[] { before, after });
        Assert.Equal("Defaults", config.Global["build_property.CrossBorderDirectoryNamespace"]);
        Assert.Equal("internal", config.Global["build_property.CrossBorderDirectoryAccessibility"]);
        Assert.Equal("true", config.Global["build_property.CrossBorderGenerateDirectory"]);
        Assert.Equal("default", config.Global["build_property.CrossBorderAnalysisMode"]);

        Assert.Equal("both", query.Property("CrossBorderReportLanguage"));
        Assert.Equal((query.Property("OutDir") + "crossborder/").Replace('\\', '/'), query.Property("CrossBorderOutputPath").Replace('\\', '/'));
        Assert.EndsWith("net10.0/crossborder/", query.Property("CrossBorderOutputPath").Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverriddenPolicyFileReplacesTheDefaultOne()
    {
        using var consumer = ConsumerProject.Create(_package, "Override", properties: new Dictionary<string, string>
        {
            ["CrossBorderPolicyFile"] = "policy/transfers.json",
        });
        consumer.WriteFile("crossborder.json", "{}\n");
        var policy = consumer.WriteFile(Path.Combine("policy", "transfers.json"), "{}\n");

        var query = await consumer.QueryAsync("CrossBorderValidateProperties", ["CrossBorderPolicyFile"], ["AdditionalFiles"]);
        Assert.True(query.Result.Succeeded, query.Result.ToString());

        var additional = Assert.Single(query.Items("AdditionalFiles"));
        Assert.Equal(policy, additional["FullPath"]);
        Assert.Equal("PolicyFile", additional["CrossBorderKind"]);
        Assert.DoesNotContain("CBDT9107", query.Result.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each invalid value, set as users set it (in the project), raises its own warning and no other, and is
    /// replaced by its default before the compiler options are written.
    /// </summary>
    [Theory]
    [InlineData("CrossBorderAsOfDate", "26/11/2026", "CBDT9101", null)]
    [InlineData("CrossBorderAsOfDate", "2026-02-30", "CBDT9101", null)]
    [InlineData("CrossBorderAsOfDate", "0000-01-01", "CBDT9101", null)]
    [InlineData("CrossBorderReportLanguage", "en;fr", "CBDT9102", "en")]
    [InlineData("CrossBorderDirectoryNamespace", "My-Company.Data", "CBDT9103", "CrossBorder.Generated")]
    [InlineData("CrossBorderDirectoryAccessibility", "private", "CBDT9104", "internal")]
    [InlineData("CrossBorderGenerateDirectory", "maybe", "CBDT9105", "true")]
    [InlineData("CrossBorderAnalysisMode", "strict", "CBDT9106", "default")]
    [InlineData("CrossBorderPolicyFile", "missing/policy.json", "CBDT9107", null)]
    public async Task InvalidValueRaisesItsWarningAndFallsBack(string property, string value, string code, string? fallback)
    {
        var consumer = _shared.Project;
        var settings = consumer.WriteSettings(new Dictionary<string, string> { [property] = value });
        var before = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var query = await consumer.QueryAsync("CrossBorderValidateProperties", [property], globalProperties: Settings(settings));
        var after = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(query.Result.Succeeded, query.Result.ToString());

        var raised = Diagnostics(query.Result.Output);
        Assert.True(raised.SequenceEqual([code]), $"Expected exactly {code}, got [{string.Join(", ", raised)}].\n{query.Result}");
        Assert.Contains($"warning {code}: {property} '", query.Result.Output, StringComparison.Ordinal);

        var actual = query.Property(property);
        if (property == "CrossBorderAsOfDate")
        {
            Assert.Contains(actual, new[] { before, after });
        }
        else if (fallback is not null)
        {
            Assert.Equal(fallback, actual);
        }
    }

    /// <summary>On the command line (-p) a value is global: the warning is the same, though MSBuild cannot replace it.</summary>
    [Theory]
    [InlineData("CrossBorderAsOfDate", "2026-13-01", "CBDT9101")]
    [InlineData("CrossBorderAnalysisMode", "everything", "CBDT9106")]
    public async Task InvalidGlobalValueRaisesItsWarning(string property, string value, string code)
    {
        var query = await _shared.Project.QueryAsync("CrossBorderValidateProperties", [property], globalProperties: new Dictionary<string, string> { [property] = value });
        Assert.True(query.Result.Succeeded, query.Result.ToString());
        Assert.Equal([code], Diagnostics(query.Result.Output));
    }

    /// <summary>Accepted spellings, each case one evaluation with several properties: "Name=value=>canonical".</summary>
    public static TheoryData<string[]> ValidSpellings => new()
    {
        new[]
        {
            "CrossBorderGenerateDirectory=OFF=>false",
            "CrossBorderDirectoryAccessibility=PUBLIC=>public",
            "CrossBorderAnalysisMode=All-Warnings=>all-warnings",
            "CrossBorderReportLanguage= ZH-CN =>zh",
            "CrossBorderDirectoryNamespace=Données.Übersicht_2=>Données.Übersicht_2",
            "CrossBorderAsOfDate=2024-02-29=>2024-02-29",
        },
        new[]
        {
            "CrossBorderGenerateDirectory=yes=>true",
            "CrossBorderAnalysisMode=none=>none",
            "CrossBorderReportLanguage=zh-CN, en=>both",
            "CrossBorderAsOfDate= 2030-12-31 =>2030-12-31",
        },
        new[]
        {
            "CrossBorderReportLanguage=Both=>both",
        },
    };

    [Theory]
    [MemberData(nameof(ValidSpellings))]
    public async Task ValidSpellingsAreAcceptedInCanonicalForm(string[] cases)
    {
        var parsed = cases.Select(c => (Name: c[..c.IndexOf('=', StringComparison.Ordinal)], Value: c[(c.IndexOf('=', StringComparison.Ordinal) + 1)..c.IndexOf("=>", StringComparison.Ordinal)], Canonical: c[(c.IndexOf("=>", StringComparison.Ordinal) + 2)..])).ToList();
        var consumer = _shared.Project;
        var settings = consumer.WriteSettings(parsed.ToDictionary(p => p.Name, p => p.Value));

        var query = await consumer.QueryAsync("CrossBorderValidateProperties", parsed.Select(p => p.Name).ToList(), globalProperties: Settings(settings));
        Assert.True(query.Result.Succeeded, query.Result.ToString());
        Assert.Empty(Diagnostics(query.Result.Output));
        Assert.All(parsed, p => Assert.True(query.Property(p.Name) == p.Canonical, $"{p.Name} '{p.Value}' should read '{p.Canonical}', not '{query.Property(p.Name)}'."));
    }

    [Fact]
    public async Task WarningsCanBeSuppressedWithNoWarnAndPromotedWithMSBuildTreatWarningsAsErrors()
    {
        var consumer = _shared.Project;
        var suppressed = consumer.WriteSettings(new Dictionary<string, string>
        {
            ["CrossBorderAsOfDate"] = "tomorrow",
            ["NoWarn"] = "$(NoWarn);CBDT9101",
        });
        var quiet = await consumer.QueryAsync("CrossBorderValidateProperties", ["CrossBorderAsOfDate"], globalProperties: Settings(suppressed));
        Assert.True(quiet.Result.Succeeded, quiet.Result.ToString());
        Assert.Empty(Diagnostics(quiet.Result.Output));

        var promoted = consumer.WriteSettings(new Dictionary<string, string>
        {
            ["CrossBorderAsOfDate"] = "tomorrow",
            ["MSBuildTreatWarningsAsErrors"] = "true",
        });
        var failed = await consumer.QueryAsync("CrossBorderValidateProperties", ["CrossBorderAsOfDate"], globalProperties: Settings(promoted));
        Assert.False(failed.Result.Succeeded, failed.Result.ToString());
        Assert.Contains("error CBDT9101", failed.Result.Output, StringComparison.Ordinal);
    }

    /// <summary>A project that gets the package through a project reference gets the same configuration (buildTransitive/).</summary>
    [Fact]
    public async Task TransitiveConsumerGetsTheConfigurationThroughBuildTransitive()
    {
        using var library = ConsumerProject.Create(_package, "Library");
        using var app = ConsumerProject.Create(_package, "App", referencePackage: false, projectReferences: [library.ProjectPath]);
        app.WriteFile("crossborder.json", "{}\n");

        var query = await app.QueryAsync("ResolveLockFileAnalyzers;CrossBorderValidateProperties",
            ["CrossBorderPolicyTargetsImported", "CrossBorderPolicyPropsImported", "CrossBorderAsOfDate"],
            ["CompilerVisibleProperty", "AdditionalFiles", "Analyzer"]);
        Assert.True(query.Result.Succeeded, query.Result.ToString());
        Assert.Equal("true", query.Property("CrossBorderPolicyTargetsImported"));
        Assert.Equal("true", query.Property("CrossBorderPolicyPropsImported"));
        Assert.Equal(10, query.Property("CrossBorderAsOfDate").Length);

        var visible = query.Items("CompilerVisibleProperty").Select(i => i["Identity"]).ToList();
        Assert.All(CompilerVisible, name => Assert.Contains(name, visible));
        Assert.Contains(query.Items("AdditionalFiles"), i => i["FullPath"] == Path.Combine(app.Directory, "crossborder.json"));
        Assert.Contains(query.Items("Analyzer"), i => i["FullPath"].EndsWith("CrossBorder.Policy.Core.dll", StringComparison.Ordinal));
        Assert.Contains(query.Items("CompilerVisibleProperty"),
            i => i["DefiningProjectFullPath"].Replace('\\', '/').Contains("/buildTransitive/", StringComparison.Ordinal) ||
                 i["DefiningProjectFullPath"].Replace('\\', '/').Contains("/build/", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Settings(string path) => new() { ["CrossBorderE2ESettings"] = path };

    /// <summary>One restored consumer that the theories evaluate with one settings file per case.</summary>
    public sealed class SharedConsumer : IDisposable
    {
        public SharedConsumer(PackageFixture package)
        {
            Project = ConsumerProject.Create(package, "Shared", importSettings: true);
        }

        public ConsumerProject Project { get; }

        public void Dispose() => Project.Dispose();
    }

    /// <summary>The CBDT codes raised in an MSBuild output, once each, in order.</summary>
    internal static List<string> Diagnostics(string output) =>
        System.Text.RegularExpressions.Regex.Matches(output, @"(?:warning|error) (CBDT9[0-9]{3})")
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

    private static EditorConfig ReadEditorConfig(ConsumerProject consumer, MSBuildQuery query)
    {
        var path = query.Property("GeneratedMSBuildEditorConfigFile");
        if (!Path.IsPathRooted(path))
        {
            path = Path.Combine(consumer.Directory, path);
        }

        Assert.True(File.Exists(path), $"No generated editorconfig at {path}.\n{query.Result}");
        return EditorConfig.Parse(File.ReadAllText(path));
    }

    /// <summary>The global section and the per-file sections of a generated .editorconfig.</summary>
    private sealed record EditorConfig(Dictionary<string, string> Global, Dictionary<string, Dictionary<string, string>> Sections)
    {
        public static EditorConfig Parse(string text)
        {
            var global = new Dictionary<string, string>(StringComparer.Ordinal);
            var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            var current = global;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith('[') && line.EndsWith(']'))
                {
                    current = sections[line[1..^1]] = new Dictionary<string, string>(StringComparer.Ordinal);
                }
                else if (line.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
                {
                    current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
                }
            }

            return new EditorConfig(global, sections);
        }
    }
}
