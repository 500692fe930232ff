using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Generators.Tests;

public sealed class MultiProjectTests
{
    /// <summary>A library with a public classified type (members given), an internal one and a general one, compiled with the generator.</summary>
    internal static MetadataReference CompileLibrary(string customerMembers)
    {
        var library = GeneratorHarness.Compile("Lib", null, $$"""
            using CrossBorder.Policy;
            namespace Lib;
            public sealed class Customer
            {
                {{customerMembers}}
            }

            [SensitivePersonalInformation(SensitiveCategory.FinancialAccount)]
            public sealed class Card
            {
                public string? Number { get; set; }
            }

            [PersonalInformation]
            internal sealed class Hidden { }

            public sealed class Plain { public string? Name { get; set; } }

            public sealed class Wallet { public System.Collections.Generic.List<Card>? Cards { get; set; } }
            """);
        var (_, _, output) = GeneratorHarness.Run(library);
        return MetadataReference.CreateFromImage(GeneratorHarness.Emit(output));
    }

    [Fact]
    public void AppDirectory_ListsUsedClassifiedTypesOfReferencedLibrary_MarkedExternal()
    {
        var lib = CompileLibrary("[PersonalInformation(Category = \"contact\")] public string? Phone { get; set; }");
        var app = GeneratorHarness.Compile("App", new[] { lib }, """
            using CrossBorder.Policy;
            namespace App;
            public sealed class Order
            {
                public Lib.Customer? Customer { get; set; }
                [PersonalInformation] public string? ShippingAddress { get; set; }
            }
            """);

        var (_, result, output) = GeneratorHarness.Run(app);
        GeneratorHarness.AssertCompilesCleanly(output);
        var directory = GeneratorHarness.Sources(result)["App.CrossBorderDirectory.g.cs"];

        Assert.Contains("id: \"P:Lib.Customer.Phone\"", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("Lib.Card", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("Lib.Wallet", directory, StringComparison.Ordinal);
        Assert.Contains("id: \"P:App.Order.ShippingAddress\"", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("Lib.Hidden", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("Lib.Plain", directory, StringComparison.Ordinal);

        // In the typed API: marked by assembly.
        var phone = Between(directory, "id: \"P:Lib.Customer.Phone\"", "\n            ),");
        Assert.Contains("assembly: \"Lib\"", phone, StringComparison.Ordinal);
        var order = Between(directory, "id: \"P:App.Order.ShippingAddress\"", "\n            ),");
        Assert.Contains("assembly: null", order, StringComparison.Ordinal);

        // A type classified only by its members gets a derived entry, also for the library.
        var customer = Between(directory, "id: \"T:Lib.Customer\"", "\n            ),");
        Assert.Contains("isDerived: true", customer, StringComparison.Ordinal);
        Assert.Contains("assembly: \"Lib\"", customer, StringComparison.Ordinal);
    }

    [Fact]
    public void CompilationReference_IsReadLikeAMetadataReference()
    {
        var library = GeneratorHarness.Compile("Lib", null, """
            using CrossBorder.Policy;
            namespace Lib;
            public sealed class Customer { [PersonalInformation] public string? Phone { get; set; } }
            """);
        var app = GeneratorHarness.Compile("App", new[] { library.ToMetadataReference() }, "namespace App; public class C { public void Call(Lib.Customer customer) { } }");

        var (_, result, _) = GeneratorHarness.Run(app);

        Assert.Contains("id: \"P:Lib.Customer.Phone\"", GeneratorHarness.Sources(result)["App.CrossBorderDirectory.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void LibraryWithTwoClassifiedTypes_AppUsesOne_OnlyThatOneIsListed()
    {
        var lib = CompileLibrary("[PersonalInformation] public string? Phone { get; set; }");
        var app = GeneratorHarness.Compile("App", new[] { lib }, """
            namespace App;
            public sealed class Billing
            {
                public void Charge(Lib.Card card) { }
            }
            """);

        var (_, result, output) = GeneratorHarness.Run(app);
        GeneratorHarness.AssertCompilesCleanly(output);
        var directory = GeneratorHarness.Sources(result)["App.CrossBorderDirectory.g.cs"];

        var card = Between(directory, "id: \"T:Lib.Card\"", "\n            ),");
        Assert.Contains("assembly: \"Lib\"", card, StringComparison.Ordinal);
        Assert.Contains("isDerived: false", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Lib.Customer", directory, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public sealed class Holder { public System.Threading.Tasks.Task<Lib.Wallet[]>? Load() => null; }")]
    [InlineData("public sealed class Holder { public (int, Lib.Wallet?) Pair { get; set; } }")]
    [InlineData("public sealed class Holder : System.Collections.Generic.List<Lib.Wallet> { }")]
    [InlineData("public interface IHolder { void Save(System.Collections.Generic.IDictionary<string, Lib.Wallet> wallets); }")]
    public void UsedUnannotatedLibraryType_HoldingClassifiedLibraryType_IsListedAsDerived(string declaration)
    {
        var lib = CompileLibrary("public string? Phone { get; set; }");
        var app = GeneratorHarness.Compile("App", new[] { lib }, "namespace App; " + declaration);

        var (_, result, output) = GeneratorHarness.Run(app);
        GeneratorHarness.AssertCompilesCleanly(output);
        var directory = GeneratorHarness.Sources(result)["App.CrossBorderDirectory.g.cs"];

        var wallet = Between(directory, "id: \"T:Lib.Wallet\"", "\n            ),");
        Assert.Contains("isDerived: true", wallet, StringComparison.Ordinal);
        Assert.Contains("assembly: \"Lib\"", wallet, StringComparison.Ordinal);
        Assert.Contains("id: \"T:Lib.Card\"", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("Lib.Customer", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("Lib.Plain", directory, StringComparison.Ordinal);
    }

    private static string Between(string text, string start, string end)
    {
        var i = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(i >= 0, "not found: " + start);
        var j = text.IndexOf(end, i, StringComparison.Ordinal);
        return text[i..j];
    }
}
