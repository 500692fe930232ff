using System.IO;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Tests;

/// <summary>
/// The severity presets of <c>CrossBorderAnalysisMode</c> (<c>src/CrossBorder.Policy.Package/build/config/</c>) are
/// generated from the analyzers' <see cref="DiagnosticAnalyzer.SupportedDiagnostics"/>: this test regenerates them and
/// fails on any difference, so they cannot drift from the descriptors. Set <c>CROSSBORDER_UPDATE_BASELINES=1</c> to
/// rewrite them.
/// </summary>
public sealed class SeverityPresetTests
{
    public static TheoryData<string> Modes() => new() { "none", "default", "all-warnings", "all-errors" };

    [Theory]
    [MemberData(nameof(Modes))]
    public void PresetMatchesTheDescriptors(string mode)
    {
        var expected = Generate(mode, AllDescriptors());
        var path = Path.Combine(RepositoryRoot.Path, "src", "CrossBorder.Policy.Package", "build", "config", "CrossBorder.Policy." + mode + ".globalconfig");
        if (string.Equals(Environment.GetEnvironmentVariable("CROSSBORDER_UPDATE_BASELINES"), "1", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), "Preset " + path + " is missing; run the tests with CROSSBORDER_UPDATE_BASELINES=1 to create it.");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void PresetsAreGlobalWithALowLevelAndCoverEveryRule()
    {
        var descriptors = AllDescriptors().ToList();
        Assert.NotEmpty(descriptors);
        foreach (var mode in new[] { "none", "default", "all-warnings", "all-errors" })
        {
            var lines = Generate(mode, descriptors).Split('\n');
            Assert.Contains("is_global = true", lines);
            Assert.Contains("global_level = -100", lines);
            foreach (var descriptor in descriptors)
            {
                Assert.Single(lines, l => l.StartsWith("dotnet_diagnostic." + descriptor.Id + ".severity = ", StringComparison.Ordinal));
            }
        }

        var defaults = Generate("default", descriptors).Split('\n');
        var error = descriptors.First(d => d.DefaultSeverity == DiagnosticSeverity.Error && d.IsEnabledByDefault);
        Assert.Contains("dotnet_diagnostic." + error.Id + ".severity = error", defaults);
        var warning = descriptors.First(d => d.DefaultSeverity == DiagnosticSeverity.Warning && d.IsEnabledByDefault);
        Assert.Contains("dotnet_diagnostic." + warning.Id + ".severity = warning", defaults);
        Assert.Contains("dotnet_diagnostic." + error.Id + ".severity = warning", Generate("all-warnings", descriptors).Split('\n'));
        Assert.Contains("dotnet_diagnostic." + warning.Id + ".severity = error", Generate("all-errors", descriptors).Split('\n'));
        Assert.Contains("dotnet_diagnostic." + error.Id + ".severity = none", Generate("none", descriptors).Split('\n'));
        var hidden = descriptors.First(d => d.DefaultSeverity == DiagnosticSeverity.Hidden && d.IsEnabledByDefault);
        Assert.Contains("dotnet_diagnostic." + hidden.Id + ".severity = silent", defaults);
        Assert.Contains("dotnet_diagnostic." + hidden.Id + ".severity = silent", Generate("all-warnings", descriptors).Split('\n'));
        Assert.Contains("dotnet_diagnostic." + hidden.Id + ".severity = silent", Generate("all-errors", descriptors).Split('\n'));
    }

    /// <summary>The text of one preset: a header, <c>is_global</c>, a <c>global_level</c> below every user file's, one severity per rule in id order.</summary>
    internal static string Generate(string mode, IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var builder = new StringBuilder();
        builder.Append("# CrossBorder.Policy severity preset '").Append(mode).Append("' (<CrossBorderAnalysisMode>").Append(mode).Append("</CrossBorderAnalysisMode>).\n");
        builder.Append("# Generated from the analyzers' descriptors by tests/CrossBorder.Policy.Analyzers.Tests/SeverityPresetTests.cs; do not edit.\n");
        builder.Append("# global_level -100 is below any .globalconfig of yours (100 by default), and .editorconfig sections override\n");
        builder.Append("# global configs, so your dotnet_diagnostic.<id>.severity lines win over this file.\n");
        builder.Append("is_global = true\n");
        builder.Append("global_level = -100\n");
        foreach (var descriptor in descriptors.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            builder.Append('\n');
            builder.Append("# ").Append(descriptor.Id).Append(": ").Append(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            builder.Append("dotnet_diagnostic.").Append(descriptor.Id).Append(".severity = ").Append(Severity(mode, descriptor)).Append('\n');
        }

        return builder.ToString();
    }

    private static string Severity(string mode, DiagnosticDescriptor descriptor) => mode switch
    {
        "none" => "none",

        // Traceability rules (hidden by default, CBDT1006) record lawful flows: raising them would warn on every authorized transfer.
        _ when descriptor.DefaultSeverity == DiagnosticSeverity.Hidden && descriptor.IsEnabledByDefault => "silent",
        "all-warnings" => "warning",
        "all-errors" => "error",
        _ when !descriptor.IsEnabledByDefault => "none",
        _ => descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "suggestion",
            _ => "silent",
        },
    };

    private static List<DiagnosticDescriptor> AllDescriptors() => AnalyzerDescriptors.All();
}
