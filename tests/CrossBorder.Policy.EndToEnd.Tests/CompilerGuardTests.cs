using CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

namespace CrossBorder.Policy.EndToEnd.Tests;

/// <summary>
/// The Roslyn-floor guard (CBDT9108). Only one compiler is installed here, so the tests set
/// <c>CompilerApiVersion</c>, the property through which the .NET SDK and the guard learn the compiler's version,
/// and check which analyzers MSBuild would pass to the compiler.
/// </summary>
public sealed class CompilerGuardTests : IClassFixture<CompilerGuardTests.GuardConsumer>
{
    private const string Targets = "ResolveLockFileAnalyzers;CrossBorderCheckCompilerVersion";

    private readonly GuardConsumer _consumer;

    public CompilerGuardTests(GuardConsumer consumer)
    {
        _consumer = consumer;
    }

    [Theory]
    [InlineData("roslyn3.11", true)]
    [InlineData("roslyn4.7", true)]
    [InlineData("roslyn4.8", false)]
    [InlineData("roslyn4.10", false)]
    [InlineData("roslyn5.0", false)]
    public async Task OlderCompilerGetsAWarningAndNoAnalyzersFromThePackage(string compilerApiVersion, bool tooOld)
    {
        var query = await _consumer.Project.QueryAsync(Targets, ["_CrossBorderCompilerVersion"], ["Analyzer"],
            new Dictionary<string, string> { ["CompilerApiVersion"] = compilerApiVersion });
        Assert.True(query.Result.Succeeded, query.Result.ToString());
        Assert.Equal(compilerApiVersion["roslyn".Length..], query.Property("_CrossBorderCompilerVersion"));

        var ours = query.Items("Analyzer").Where(FromThePackage).ToList();
        if (tooOld)
        {
            Assert.Equal(["CBDT9108"], BuildPropertiesTests.Diagnostics(query.Result.Output));
            Assert.Contains($"this build uses Roslyn {compilerApiVersion["roslyn".Length..]}", query.Result.Output, StringComparison.Ordinal);
            Assert.True(ours.Count == 0, $"The package's analyzers are still passed to the compiler.\n{query.Result}");

            // The SDK's own analyzers are not the guard's business.
            Assert.Contains(query.Items("Analyzer"), i => i["FullPath"].EndsWith("Microsoft.CodeAnalysis.NetAnalyzers.dll", StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(BuildPropertiesTests.Diagnostics(query.Result.Output));
            Assert.Contains(ours, i => i["FullPath"].EndsWith("CrossBorder.Policy.Core.dll", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Without a usable CompilerApiVersion, the guard reads the version of the compiler's MSBuild task assembly.
    /// (An empty -p value does not stay empty, so an unreadable one stands in for a missing one.)
    /// </summary>
    [Fact]
    public async Task WithoutCompilerApiVersionTheGuardReadsTheCompilerAssembly()
    {
        var query = await _consumer.Project.QueryAsync(Targets, ["_CrossBorderCompilerVersion", "_CrossBorderCompilerVersionSource"], ["Analyzer"],
            new Dictionary<string, string> { ["CompilerApiVersion"] = "unknown" });
        Assert.True(query.Result.Succeeded, query.Result.ToString());
        Assert.EndsWith("Microsoft.Build.Tasks.CodeAnalysis.dll", query.Property("_CrossBorderCompilerVersionSource"), StringComparison.Ordinal);
        Assert.True(Version.TryParse(query.Property("_CrossBorderCompilerVersion"), out var version) && version >= new Version(4, 8),
            $"The installed compiler's version should be read as 4.8 or later.\n{query.Result}");
        Assert.Empty(BuildPropertiesTests.Diagnostics(query.Result.Output));
        Assert.Contains(query.Items("Analyzer"), FromThePackage);
    }

    private bool FromThePackage(IReadOnlyDictionary<string, string> analyzer) =>
        analyzer["FullPath"].StartsWith(_consumer.Project.Package.ExtractedPackageDirectory, StringComparison.Ordinal);

    public sealed class GuardConsumer : IDisposable
    {
        public GuardConsumer(PackageFixture package)
        {
            Project = ConsumerProject.Create(package, "Guard");
        }

        public ConsumerProject Project { get; }

        public void Dispose() => Project.Dispose();
    }
}
