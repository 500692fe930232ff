using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Generators.Tests;

public sealed class GeneratorOutputTests
{
    [Fact]
    public void FullSample_MatchesBaselines_AndCompiles()
    {
        var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models, Samples.Clients);
        var (_, result, output) = GeneratorHarness.Run(
            compilation,
            new Dictionary<string, string> { ["RootNamespace"] = "Contoso.Clinic" },
            new[] { new InMemoryAdditionalText("/src/app/crossborder.json", Samples.PolicyFile) });

        GeneratorHarness.AssertCompilesCleanly(output);
        BaselineComparer.AssertMatches(nameof(FullSample_MatchesBaselines_AndCompiles), GeneratorHarness.Sources(result));
    }

    [Fact]
    public void EmptyDirectory_MatchesBaselines_AndCompiles()
    {
        var compilation = GeneratorHarness.Compile("Empty", null, "namespace Empty; public class Nothing { }");
        var (_, result, output) = GeneratorHarness.Run(compilation);

        GeneratorHarness.AssertCompilesCleanly(output);
        BaselineComparer.AssertMatches(nameof(EmptyDirectory_MatchesBaselines_AndCompiles), GeneratorHarness.Sources(result));
    }

    [Fact]
    public void PublicAccessibilityAndCustomNamespace_MatchBaselines()
    {
        var compilation = GeneratorHarness.Compile("Lib", null, """
            using CrossBorder.Policy;
            namespace Lib;
            public sealed class Customer
            {
                [PersonalInformation] public string? Phone { get; set; }
            }
            """);
        var (_, result, output) = GeneratorHarness.Run(compilation, new Dictionary<string, string>
        {
            ["CrossBorderDirectoryNamespace"] = "Lib.Compliance",
            ["CrossBorderDirectoryAccessibility"] = "public",
        });

        GeneratorHarness.AssertCompilesCleanly(output);
        Assert.Empty(result.Diagnostics);
        BaselineComparer.AssertMatches(nameof(PublicAccessibilityAndCustomNamespace_MatchBaselines), GeneratorHarness.Sources(result));
    }

    [Fact]
    public void Entries_AreLinkedByDocumentationIds()
    {
        var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models, Samples.Clients);
        var (_, result, _) = GeneratorHarness.Run(compilation);
        var directory = GeneratorHarness.Sources(result)["Contoso.Clinic.CrossBorderDirectory.g.cs"];

        // Every classified type and member, including the positional record property, the field and the type
        // classified only by its members.
        foreach (var id in new[]
        {
            "T:Contoso.Clinic.Patient", "P:Contoso.Clinic.Patient.Email", "P:Contoso.Clinic.Patient.Diagnoses",
            "F:Contoso.Clinic.Patient.GenomeSequence", "P:Contoso.Clinic.Visit.PatientName", "P:Contoso.Clinic.Visit.Region",
            "T:Contoso.Clinic.Visit", "P:Contoso.Clinic.Ward.Layout", "T:Contoso.Clinic.Ward", "T:Contoso.Clinic.VisitStatistics",
        })
        {
            Assert.Contains("id: \"" + id + "\"", directory, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("VisitCount", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("P:Contoso.Clinic.Visit.Count", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("#line", directory, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersAndReturnValues_HaveManifestIds_AndDoNotClassifyTheirType()
    {
        var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models, Samples.Clients);
        var (_, result, _) = GeneratorHarness.Run(compilation);
        var directory = GeneratorHarness.Sources(result)["Contoso.Clinic.CrossBorderDirectory.g.cs"];

        Assert.Contains("id: \"M:Contoso.Clinic.TrialClient.Diagnose(System.String,System.Int32)#p:idNumber\",\n                kind: CrossBorderEntryKind.Parameter", directory, StringComparison.Ordinal);
        Assert.Contains("id: \"M:Contoso.Clinic.TrialClient.Diagnose(System.String,System.Int32)#return\",\n                kind: CrossBorderEntryKind.ReturnValue", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("#p:unclassified", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("id: \"T:Contoso.Clinic.TrialClient\"", directory, StringComparison.Ordinal);
        Assert.Contains("target: \"M:Contoso.Clinic.TrialClient.Archive(System.String)#p:backup\"", directory, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialGenericAndNestedTypes_GetOneEntryEach()
    {
        var compilation = GeneratorHarness.Compile(
            "Shapes",
            null,
            """
            using CrossBorder.Policy;
            namespace Shapes;
            [PersonalInformation] public partial class Person { [PersonalInformation] public string? Name { get; set; } }
            public sealed class Box<T> { [CoreData] public T? Value { get; set; } public sealed class Inner { [ImportantData("X-1")] public int Code; } }
            """,
            """
            using CrossBorder.Policy;
            namespace Shapes;
            [DataOrigin("CN-SH")] public partial class Person { [SensitivePersonalInformation(SensitiveCategory.Whereabouts)] public string? Location { get; set; } }
            """);
        var (_, result, output) = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertCompilesCleanly(output);

        var directory = Core.Manifest.ManifestReader.ReadDataDirectory(RobustnessTests.Json(result, "DataDirectoryJson"));
        var ids = directory.Entries.Select(static e => e.Id).ToArray();
        Assert.Equal(
            new[] { "F:Shapes.Box`1.Inner.Code", "P:Shapes.Box`1.Value", "P:Shapes.Person.Location", "P:Shapes.Person.Name", "T:Shapes.Box`1", "T:Shapes.Box`1.Inner", "T:Shapes.Person" },
            ids);
        var person = directory.Entries.Single(static e => e.Id == "T:Shapes.Person");
        Assert.Equal("CN-SH", person.Origin?.Region);
        Assert.True(person.Classification.PersonalInformation);
        Assert.Equal("Shapes.Box<T>", directory.Entries.Single(static e => e.Id == "T:Shapes.Box`1").DisplayName);
    }

    [Fact]
    public void AssemblyLevelDeclarations_AreIncluded()
    {
        var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Clients, Samples.Models);
        var (_, result, _) = GeneratorHarness.Run(compilation);
        var directory = GeneratorHarness.Sources(result)["Contoso.Clinic.CrossBorderDirectory.g.cs"];

        Assert.Contains("target: \"assembly\"", directory, StringComparison.Ordinal);
        Assert.Contains("id: \"assembly/Exemption\"", directory, StringComparison.Ordinal);
        Assert.Contains("name: \"Contoso Clinic Ltd.\"", directory, StringComparison.Ordinal);
    }

    [Fact]
    public void CSharp73Consumer_GetsCodeWithoutNullableAnnotations_ThatCompiles()
    {
        var parse = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Legacy",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                "using CrossBorder.Policy; namespace Legacy { public class Customer { [PersonalInformation] public string Phone { get; set; } } }",
                parse,
                cancellationToken: TestContext.Current.CancellationToken) },
            GeneratorHarness.References,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new CrossBorderGenerator().AsSourceGenerator() },
            parseOptions: parse);

        var (_, result, output) = GeneratorHarness.Run(driver, compilation);

        GeneratorHarness.AssertCompilesCleanly(output);
        Assert.All(result.GeneratedSources, static s => Assert.DoesNotContain("#nullable", s.SourceText.ToString(), StringComparison.Ordinal));
        Assert.Contains("id: \"P:Legacy.Customer.Phone\"", GeneratorHarness.Sources(result)["Legacy.CrossBorderDirectory.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void PublicDirectory_IsFullyDocumented_ForConsumersThatRequireDocComments()
    {
        var parse = GeneratorHarness.ParseOptions.WithDocumentationMode(Microsoft.CodeAnalysis.DocumentationMode.Diagnose);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Documented",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Samples.Models, parse, cancellationToken: TestContext.Current.CancellationToken) },
            GeneratorHarness.References,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new CrossBorderGenerator().AsSourceGenerator() },
            parseOptions: parse,
            optionsProvider: null);
        driver = (Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver)driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.OptionsProvider(new Dictionary<string, string> { ["CrossBorderDirectoryAccessibility"] = "public" }));

        var (_, result, output) = GeneratorHarness.Run(driver, compilation);

        Assert.Contains("public static partial class CrossBorderDirectory", GeneratorHarness.Sources(result)["Documented.CrossBorderDirectory.g.cs"], StringComparison.Ordinal);
        var generatedWarnings = output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
            .Select(static d => d.ToString())
            .ToList();
        Assert.True(generatedWarnings.Count == 0, string.Join("\n", generatedWarnings));

        // The check is live: the undocumented sample types do get CS1591.
        Assert.Contains(output.GetDiagnostics(TestContext.Current.CancellationToken), static d => d.Id == "CS1591");
    }

    [Fact]
    public void Switch_Off_GeneratesNothing()
    {
        var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models);
        var (_, result, _) = GeneratorHarness.Run(compilation, new Dictionary<string, string> { ["CrossBorderGenerateDirectory"] = "false" });

        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void WithoutAttributeAssembly_GeneratesNothing()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Plain",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public class C { }", GeneratorHarness.ParseOptions, cancellationToken: TestContext.Current.CancellationToken) },
            GeneratorHarness.ReferencesWithoutAttributes,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var (_, result, _) = GeneratorHarness.Run(compilation);

        Assert.Empty(result.GeneratedSources);
    }

    [Theory]
    [InlineData(null, null, "My.App", "My.App")]
    [InlineData(null, "Root.Ns", "My.App", "Root.Ns")]
    [InlineData("Chosen.Ns", "Root.Ns", "My.App", "Chosen.Ns")]
    [InlineData(null, null, "my-app", "CrossBorder.Generated")]
    [InlineData(null, "class", "my-app", "CrossBorder.Generated")]
    public void Namespace_FollowsTheDocumentedFallbacks(string? option, string? rootNamespace, string assemblyName, string expected)
    {
        var properties = new Dictionary<string, string>();
        if (option is not null)
        {
            properties["CrossBorderDirectoryNamespace"] = option;
        }

        if (rootNamespace is not null)
        {
            properties["RootNamespace"] = rootNamespace;
        }

        var compilation = GeneratorHarness.Compile(assemblyName, null, "public class C { }");
        var (_, result, output) = GeneratorHarness.Run(compilation, properties);

        Assert.Contains(expected + ".CrossBorderDirectory.g.cs", result.GeneratedSources.Select(static s => s.HintName));
        GeneratorHarness.AssertCompilesCleanly(output);
    }

    [Theory]
    [InlineData("CrossBorderDirectoryAccessibility", "protected", "CBDT9104", "App")]
    [InlineData("CrossBorderGenerateDirectory", "yes", "CBDT9105", "App")]
    [InlineData("CrossBorderDirectoryNamespace", "1Bad.Name", "CBDT9103", "CrossBorder.Generated")]
    [InlineData("CrossBorderDirectoryNamespace", "My.class", "CBDT9103", "CrossBorder.Generated")]
    public void InvalidOption_ReportsThePackagesConfigurationId_AndFallsBack(string property, string value, string id, string expectedNamespace)
    {
        var compilation = GeneratorHarness.Compile("App", null, "public class C { }");
        var (_, result, output) = GeneratorHarness.Run(compilation, new Dictionary<string, string> { [property] = value });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith(property + " '" + value + "'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(expectedNamespace + ".CrossBorderDirectory.g.cs", result.GeneratedSources.Select(static s => s.HintName));
        Assert.Contains("internal static partial class CrossBorderDirectory", GeneratorHarness.Sources(result)[expectedNamespace + ".CrossBorderDirectory.g.cs"], StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(output);
    }
}
