using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static CrossBorder.Policy.Generators.CrossBorderGenerator;

namespace CrossBorder.Policy.Generators.Tests;

public sealed class IncrementalTests
{
    private static readonly string[] NamedSteps =
    {
        StepNames.Options, StepNames.CompilationInfo, StepNames.Classifications, StepNames.Endpoints, StepNames.Transfers,
        StepNames.Processor, StepNames.ReferencedAssemblies, StepNames.PolicyFile, StepNames.TypeShapeCandidates, StepNames.TypeShapes,
        StepNames.DirectoryModel,
    };

    public static TheoryData<string, string, string> UnrelatedEdits => new()
    {
        { "method body", "=> _bucket + backup;", "=> backup + _bucket + \"/\";" },
        { "new unannotated class", "namespace Contoso.Clinic;", "namespace Contoso.Clinic;\n\npublic sealed class Unrelated { public int X { get; set; } }" },
        { "comment", "namespace Contoso.Clinic;", "// a comment that changes nothing\nnamespace Contoso.Clinic;" },
        { "unannotated member", "public void Send(Patient patient) { }", "public void Send(Patient patient) { }\n    public int Retries { get; set; }" },
    };

    public static TheoryData<string, string, string> RelevantEdits => new()
    {
        { "new attribute", "public void Send(Patient patient) { }", "public void Send(Patient patient) { }\n    [PersonalInformation] public string? Nickname { get; set; }" },
        { "changed reference", "JS-SC-2025-0042", "JS-SC-2025-0043" },
        { "new endpoint", "public sealed class TrialClient", "[ForeignEndpoint(\"JP\", Host = \"api.example.jp\")]\npublic sealed class TrialClient" },
        { "changed date", "2028-02-29", "2028-02-28" },
        { "new holder of classified data", "namespace Contoso.Clinic;", "namespace Contoso.Clinic;\n\npublic sealed class Referral { public Patient? Patient { get; set; } }" },
    };

    [Theory]
    [MemberData(nameof(UnrelatedEdits))]
    public void UnrelatedEdit_LeavesEveryStepCachedOrUnchanged_AndReEmitsNothing(string description, string find, string replace)
    {
        var (driver, first, compilation) = RunInitial();
        var edited = Edit(compilation, find, replace);

        var (_, second, _) = GeneratorHarness.Run(driver, edited);

        // Only the edited tree's declarations are read again (a new class changes them; the other edits leave them equal).
        var declarations = second.TrackedSteps[StepNames.TypeDeclarations].SelectMany(static s => s.Outputs).ToList();
        Assert.Equal(2, declarations.Count);
        Assert.Single(declarations, static o => o.Reason == IncrementalStepRunReason.Cached);
        Assert.Single(declarations, o => o.Reason == (description == "new unannotated class" ? IncrementalStepRunReason.Modified : IncrementalStepRunReason.Unchanged));

        foreach (var name in NamedSteps)
        {
            Assert.True(second.TrackedSteps.ContainsKey(name), $"step {name} was not tracked ({description})");
            foreach (var step in second.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"{description}: step {name} was {reason}");
                }
            }
        }

        Assert.NotEmpty(second.TrackedOutputSteps);
        foreach (var (_, steps) in second.TrackedOutputSteps)
        {
            Assert.All(steps.SelectMany(static s => s.Outputs), static o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        Assert.Equal(GeneratorHarness.Sources(first), GeneratorHarness.Sources(second));
    }

    [Theory]
    [MemberData(nameof(RelevantEdits))]
    public void RelevantEdit_ModifiesTheDirectoryModel(string description, string find, string replace)
    {
        var (driver, first, compilation) = RunInitial();
        var edited = Edit(compilation, find, replace);

        var (_, second, _) = GeneratorHarness.Run(driver, edited);

        var model = Assert.Single(second.TrackedSteps[StepNames.DirectoryModel]);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(model.Outputs).Reason);
        Assert.NotEqual(
            GeneratorHarness.Sources(first)["Contoso.Clinic.CrossBorderDirectory.g.cs"],
            GeneratorHarness.Sources(second)["Contoso.Clinic.CrossBorderDirectory.g.cs"]);
        _ = description;
    }

    [Fact]
    public void PolicyFileEdit_ModifiesPolicyFileAndDirectoryModel()
    {
        var original = new InMemoryAdditionalText("/app/crossborder.json", Samples.PolicyFile);
        var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models, Samples.Clients);
        var (driver, _, _) = GeneratorHarness.Run(compilation, null, new[] { original });

        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText("/app/crossborder.json", Samples.PolicyFile.Replace("CERT-2026-7", "CERT-2026-8", StringComparison.Ordinal)));
        var (_, second, _) = GeneratorHarness.Run(driver, compilation);

        Assert.Contains(second.TrackedSteps[StepNames.PolicyFile].SelectMany(static s => s.Outputs), static o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(IncrementalStepRunReason.Modified, second.TrackedSteps[StepNames.DirectoryModel].Single().Outputs.Single().Reason);
        Assert.Contains("CERT-2026-8", GeneratorHarness.Sources(second)["Contoso.Clinic.CrossBorderDirectory.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void ReferencedLibraryChange_ModifiesReferencedAssemblies()
    {
        var libV1 = MultiProjectTests.CompileLibrary("[PersonalInformation] public string? Phone { get; set; }");
        var libV2 = MultiProjectTests.CompileLibrary("[PersonalInformation] public string? Phone { get; set; } [CoreData] public string? Secret { get; set; }");
        var app = GeneratorHarness.Compile("App", new[] { libV1 }, "namespace App; public class C { public Lib.Customer? Customer { get; set; } }");
        var (driver, _, _) = GeneratorHarness.Run(app);

        var (_, second, _) = GeneratorHarness.Run(driver, app.ReplaceReference(libV1, libV2));

        Assert.Equal(IncrementalStepRunReason.Modified, second.TrackedSteps[StepNames.ReferencedAssemblies].Single().Outputs.Single().Reason);
        Assert.Contains("P:Lib.Customer.Secret", GeneratorHarness.Sources(second)["App.CrossBorderDirectory.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void SameInput_GivesEqualButDistinctModels()
    {
        var (_, first, _) = RunInitial();
        var (_, second, _) = RunInitial();

        var a = first.TrackedSteps[StepNames.DirectoryModel].Single().Outputs.Single().Value;
        var b = second.TrackedSteps[StepNames.DirectoryModel].Single().Outputs.Single().Value;
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    private static (GeneratorDriver Driver, GeneratorRunResult Result, Compilation Compilation) RunInitial()
    {
        var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models, Samples.Clients);
        var (driver, result, _) = GeneratorHarness.Run(
            compilation,
            new Dictionary<string, string> { ["RootNamespace"] = "Contoso.Clinic" },
            new[] { new InMemoryAdditionalText("/app/crossborder.json", Samples.PolicyFile) });
        return (driver, result, compilation);
    }

    [Fact]
    public void AppUsingLibrary_BodyEditIsCached_NewSignatureUseModifiesDirectory()
    {
        var lib = MultiProjectTests.CompileLibrary("[PersonalInformation] public string? Phone { get; set; }");
        var app = GeneratorHarness.Compile("App", new[] { lib }, """
            namespace App;
            public sealed class Shop
            {
                public Lib.Customer? Customer { get; set; }
                public int Count() => 1;
            }
            """);
        var (driver, first, _) = GeneratorHarness.Run(app);
        Assert.DoesNotContain("Lib.Card", GeneratorHarness.Sources(first)["App.CrossBorderDirectory.g.cs"], StringComparison.Ordinal);

        var (driver2, bodyEdit, _) = GeneratorHarness.Run(driver, Edit(app, "=> 1;", "=> 2;"));
        Assert.Contains(StepNames.TypeShapes, bodyEdit.TrackedSteps.Keys);
        Assert.Contains(StepNames.DirectoryModel, bodyEdit.TrackedSteps.Keys);
        foreach (var name in NamedSteps.Where(bodyEdit.TrackedSteps.ContainsKey))
        {
            Assert.All(
                bodyEdit.TrackedSteps[name].SelectMany(static s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} was {o.Reason}"));
        }

        var (_, newUse, _) = GeneratorHarness.Run(driver2, Edit(app, "public int Count() => 1;", "public int Count() => 1;\n    public void Pay(Lib.Card card) { }"));
        Assert.Equal(IncrementalStepRunReason.Modified, newUse.TrackedSteps[StepNames.DirectoryModel].Single().Outputs.Single().Reason);
        Assert.Contains("id: \"T:Lib.Card\"", GeneratorHarness.Sources(newUse)["App.CrossBorderDirectory.g.cs"], StringComparison.Ordinal);
    }

    private static Compilation Edit(Compilation compilation, string find, string replace)
    {
        var tree = compilation.SyntaxTrees.Last(t => t.ToString().Contains(find, StringComparison.Ordinal));
        var text = tree.ToString();
        var index = text.IndexOf(find, StringComparison.Ordinal);
        var newText = text[..index] + replace + text[(index + find.Length)..];
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(newText, GeneratorHarness.ParseOptions, tree.FilePath, cancellationToken: TestContext.Current.CancellationToken));
    }
}
