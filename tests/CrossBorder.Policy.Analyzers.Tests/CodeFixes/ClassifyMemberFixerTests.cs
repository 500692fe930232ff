using CrossBorder.Policy.CodeFixes;
using VerifyFix = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CrossBorder.Policy.Analyzers.Rules.ClassificationAnalyzer, CrossBorder.Policy.CodeFixes.ClassifyMemberFixer>;

namespace CrossBorder.Policy.Analyzers.Tests.CodeFixes;

/// <summary>CBDT2002: classifying a member whose name looks like personal information.</summary>
public sealed class ClassifyMemberFixerTests
{
    private static Task VerifyAsync(string source, string fixedSource, string title, int iterations = 1)
    {
        var test = new VerifyFix.Test
        {
            CodeActionEquivalenceKey = title,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = iterations == 0 ? 0 : 1,
        };
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(fixedSource);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task PersonalInformationWithUsingAdded() => VerifyAsync(
        """
        namespace Shop;

        public class Customer
        {
            public string {|CBDT2002:PhoneNumber|} { get; set; } = "";
        }
        """,
        """
        using CrossBorder.Policy;

        namespace Shop;

        public class Customer
        {
            [PersonalInformation]
            public string PhoneNumber { get; set; } = "";
        }
        """,
        ClassifyMemberFixer.PersonalTitle);

    [Fact]
    public Task SensitiveCategoryFromTheNameTable() => VerifyAsync(
        """
        using CrossBorder.Policy;

        public class Patient
        {
            public string {|CBDT2002:Diagnosis|} = "";
        }
        """,
        """
        using CrossBorder.Policy;

        public class Patient
        {
            [SensitivePersonalInformation(SensitiveCategory.MedicalHealth)]
            public string Diagnosis = "";
        }
        """,
        ClassifyMemberFixer.SensitiveTitleFor("MedicalHealth"));

    [Fact]
    public Task FixAllClassifiesEveryMember() => VerifyAsync(
        """
        using CrossBorder.Policy;

        public class Customer
        {
            public string {|CBDT2002:Email|} { get; set; } = "";
            public string {|CBDT2002:HomeAddress|} { get; set; } = "";
        }
        """,
        """
        using CrossBorder.Policy;

        public class Customer
        {
            [PersonalInformation]
            public string Email { get; set; } = "";
            [PersonalInformation]
            public string HomeAddress { get; set; } = "";
        }
        """,
        ClassifyMemberFixer.PersonalTitle,
        iterations: 2);

    [Fact]
    public Task NoSensitiveFixForANonSensitiveName()
    {
        const string Source = """
            public class Customer
            {
                public string {|CBDT2002:Email|} { get; set; } = "";
            }
            """;
        return VerifyAsync(Source, Source, ClassifyMemberFixer.SensitiveTitle + " (SpecificIdentity)", iterations: 0);
    }

    [Fact]
    public Task NoFixForAFieldDeclarationWithSeveralVariables()
    {
        const string Source = """
            public class Customer
            {
                public string {|CBDT2002:Email|} = "", {|CBDT2002:PhoneNumber|} = "";
            }
            """;
        return VerifyAsync(Source, Source, ClassifyMemberFixer.PersonalTitle, iterations: 0);
    }
}
