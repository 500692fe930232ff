using System.Text.RegularExpressions;
using CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

namespace CrossBorder.Policy.EndToEnd.Tests;

/// <summary>
/// Builds samples/JiangsuBiomed/JiangsuBiomed.sln once, through project references to this repository (not the
/// package), and checks the exact set of CBDT diagnostics it reports: rule, file and line, no more and no fewer.
/// docs/sample.md explains every flow and its finding.
/// </summary>
public sealed class SampleSolutionTests : IClassFixture<SampleSolutionTests.SampleBuild>
{
    /// <summary>
    /// One expected diagnostic: the rule, the file under samples/JiangsuBiomed, and a text that occurs on exactly one
    /// line of that file (the line the diagnostic is reported on), so that editing the sample does not shift numbers here.
    /// </summary>
    public sealed record ExpectedFinding(string Id, string File, string LineText, string Why);

    /// <summary>The findings the build reports today (see docs/sample.md, "Expected findings").</summary>
    public static readonly IReadOnlyList<ExpectedFinding> Expected =
    [
        new("CBDT1001", "JiangsuBiomed.Api/Services/CrmSyncService.cs", "await _crm.FindByEmailAsync(contact.Email",
            "the e-mail address leaves in the query string to the US CRM, which has no authorization"),
        new("CBDT1001", "JiangsuBiomed.Api/Services/CrmSyncService.cs", "await _crm.UpsertContactAsync(contact",
            "the contact's name, e-mail and phone leave for the US CRM, which has no authorization"),
        new("CBDT1002", "JiangsuBiomed.GroupReporting/GroupReportingJob.cs", "await _feed.PublishReserveAsync(plan",
            "core data to the Hong Kong parent: no mechanism can cover it"),
        new("CBDT1004", "JiangsuBiomed.Api/Services/PharmacovigilanceService.cs", "return _safety.SubmitCaseAsync(report",
            "the case safety report goes to Japan under a certification that expired on 2026-05-31; the service is an entry point (nothing calls it), so its subject parameter carries TrialSubject's classes"),
        new("CBDT1005", "JiangsuBiomed.Api/Services/DeliveryService.cs", "await _notifications.NotifyDispatchAsync(shipment",
            "the participant's phone number goes to an SMS gateway whose URL comes from an environment variable; ShipKitAsync is an entry point"),
    ];

    private static readonly Regex DiagnosticLine = new(
        @"^[ \t]*(?<file>[^\s(][^(\r\n]*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>CBDT\d{4}):",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private readonly SampleBuild _build;

    public SampleSolutionTests(SampleBuild build)
    {
        _build = build;
    }

    [Fact]
    public void Build_ReportsExactlyTheExpectedFindings()
    {
        var expected = Expected
            .Select(e => $"{e.Id} {e.File}:{LineOf(e.File, e.LineText)}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        var actual = DiagnosticLine.Matches(_build.Result.Output)
            .Select(m => $"{m.Groups["id"].Value} {Relative(m.Groups["file"].Value)}:{m.Groups["line"].Value}")
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        Assert.True(expected.SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", actual)}\n{_build.Result}");
    }

    [Fact]
    public void Build_FailsOnlyBecauseOfTheCoreDataError()
    {
        // CBDT1002 is an error: the group-reporting project does not build, and the rest of the solution does.
        Assert.False(_build.Result.Succeeded, _build.Result.ToString());
        var errors = Regex.Matches(_build.Result.Output, @": error (?<id>[A-Z]+\d+):", RegexOptions.CultureInvariant)
            .Select(m => m.Groups["id"].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["CBDT1002"], errors);

        Assert.True(File.Exists(_build.OutputOf("JiangsuBiomed.Models")), _build.Result.ToString());
        Assert.True(File.Exists(_build.OutputOf("JiangsuBiomed.Api")), _build.Result.ToString());
        Assert.False(File.Exists(_build.OutputOf("JiangsuBiomed.GroupReporting")), _build.Result.ToString());
    }

    [Fact]
    public void Build_SeesThePolicyFileAndThePinnedDate()
    {
        // The package's targets mark the policy file for the analyzers and pass the as-of date to the compiler.
        var editorConfig = Path.Combine(_build.ArtifactsDirectory, "obj", "JiangsuBiomed.Api", "debug", "JiangsuBiomed.Api.GeneratedMSBuildEditorConfig.editorconfig");
        Assert.True(File.Exists(editorConfig), _build.Result.ToString());
        var text = File.ReadAllText(editorConfig);
        Assert.Contains("build_property.CrossBorderAsOfDate = 2026-11-26", text, StringComparison.Ordinal);
        Assert.Contains("crossborder.json]", text, StringComparison.Ordinal);
        Assert.Contains("build_metadata.AdditionalFiles.CrossBorderKind = PolicyFile", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedDirectory_HasTheTransfersOfThePolicyFileAndTheAttributes()
    {
        // The program prints the generated CrossBorderDirectory (Program.PrintDirectory).
        var run = await DotNet.RunAsync(_build.SampleDirectory, [_build.OutputOf("JiangsuBiomed.Api"), "--directory"]);
        Assert.True(run.Succeeded, run.ToString());
        var lines = run.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("processor: Jiangsu Meridian Biomedicine Co., Ltd.", lines);
        var transfers = lines.Where(l => l.StartsWith("transfer: ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["cert-safety-jp-2023", "exempt-logistics-hk", "sa-genomics-cro-sg-2025", "sa-trial-cro-sg-2025"], transfers);
    }

    [Fact]
    public void BuildTask_WritesTheManifestFilesOfTheApi()
    {
        var output = Path.Combine(Path.GetDirectoryName(_build.OutputOf("JiangsuBiomed.Api"))!, "crossborder");
        Assert.True(File.Exists(Path.Combine(output, "data-directory.json")), _build.Result.ToString());
        Assert.True(File.Exists(Path.Combine(output, "transfers.json")), _build.Result.ToString());
        Assert.Contains("sa-trial-cro-sg-2025", File.ReadAllText(Path.Combine(output, "transfers.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectedLineTexts_AreUniqueInTheirFiles()
    {
        // Guards the table above: each line text must name exactly one line.
        foreach (var finding in Expected)
        {
            var count = File.ReadAllLines(Path.Combine(_build.SampleDirectory, finding.File)).Count(l => l.Contains(finding.LineText, StringComparison.Ordinal));
            Assert.True(count == 1, $"'{finding.LineText}' occurs {count} times in {finding.File}.");
        }
    }

    private int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(_build.SampleDirectory, file));
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in {file}.");
        return index + 1;
    }

    private string Relative(string path) =>
        Path.GetRelativePath(_build.SampleDirectory, path.Trim()).Replace('\\', '/');

    /// <summary>The one build of the sample solution that every test of the class reads.</summary>
    public sealed class SampleBuild : IAsyncLifetime
    {
        public string SampleDirectory { get; private set; } = "";

        public ProcessResult Result { get; private set; } = null!;

        /// <summary>
        /// Where this build writes: its own artifacts folder, not the sample's bin/obj, which the CLI tests' scans of
        /// the sample (built without analyzers, so GroupReporting compiles there) use at the same time.
        /// </summary>
        public string ArtifactsDirectory { get; private set; } = "";

        public string OutputOf(string project) =>
            Path.Combine(ArtifactsDirectory, "bin", project, "debug", project + ".dll");

        public async ValueTask InitializeAsync()
        {
            var root = RepositoryRoot.Path;
            SampleDirectory = Path.Combine(root, "samples", "JiangsuBiomed");

            // A clean start in a folder of its own: the assertions are about this build's diagnostics and outputs, and
            // an up-to-date project would not compile (so would not report) again.
            ArtifactsDirectory = Path.Combine(root, "artifacts", "e2e", "sample-build");
            TempDirectory.DeleteQuietly(ArtifactsDirectory);

            Result = await DotNet.RunAsync(SampleDirectory,
                ["build", Path.Combine(SampleDirectory, "JiangsuBiomed.sln"), "-c", "Debug", "--disable-build-servers", "-nologo", "-v:q", "--artifacts-path", ArtifactsDirectory],
                TimeSpan.FromMinutes(10));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
