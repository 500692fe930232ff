namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>CBDT1003 (mechanism adequacy, Core's decision engine) and CBDT1004 (validity as of CrossBorderAsOfDate).</summary>
public sealed class AuthorizationCheckTests
{
    private static string Send(string authorization, string data = "Repo.Load(1)", string assembly = "") => assembly + $$"""

        class C
        {
            {{authorization}}
            async Task Run(HttpClient http)
            {
                await http.PostAsJsonAsync("https://api.foreign.com/v1", {{data}});
            }
        }
        """;

    [Fact]
    public async Task StandardContractWithDeclaredSmallVolumeIsAdequate()
    {
        var source = Send("""[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", IssuedOn = "2025-06-01", EstimatedSubjectsPerYear = 50_000)]""");
        Assert.Empty(await PolicyRunner.RunAsync(source, policy: null));
    }

    [Fact]
    public async Task StandardContractWithoutVolumesAssumesTheWorstCase()
    {
        var source = Send("""[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", IssuedOn = "2025-06-01")]""");
        var diagnostic = Assert.Single(await PolicyRunner.RunAsync(source, policy: null));
        Assert.Equal("CBDT1003", diagnostic.Id);
        var message = PolicyRunner.Message(diagnostic);
        Assert.Contains("[CrossBorderTransfer] on 'Run'", message, StringComparison.Ordinal);
        Assert.Contains("security assessment", message, StringComparison.Ordinal);
        Assert.Contains("Art. 7", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandardContractIsNotAdequateForImportantData()
    {
        var source = Send("""[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", IssuedOn = "2025-06-01", EstimatedSubjectsPerYear = 10)]""", data: "new GenomeSample()");
        Assert.Equal("CBDT1003", Assert.Single(await PolicyRunner.RunAsync(source, policy: null)).Id);
    }

    [Fact]
    public async Task CiioProcessorNeedsASecurityAssessment()
    {
        var authorization = """[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", IssuedOn = "2025-06-01", EstimatedSubjectsPerYear = 50_000)]""";
        var ciio = Send(authorization, assembly: "[assembly: DataProcessor(CriticalInformationInfrastructureOperator = true)]");
        Assert.Equal("CBDT1003", Assert.Single(await PolicyRunner.RunAsync(ciio, policy: null)).Id);

        // The same processor declared in the policy file.
        const string policy = """{ "version": 1, "processor": { "criticalInformationInfrastructureOperator": true } }""";
        Assert.Equal("CBDT1003", Assert.Single(await PolicyRunner.RunAsync(Send(authorization), policy)).Id);
    }

    [Fact]
    public async Task SecurityAssessmentIsAdequateForImportantData()
    {
        var source = Send("""[CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2025-06-01")]""", data: "new GenomeSample()");
        Assert.Empty(await PolicyRunner.RunAsync(source, policy: null));
    }

    [Fact]
    public async Task ExpiredSecurityAssessmentIsCBDT1004()
    {
        var source = Send("""[CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2022-01-10", ValidUntil = "2024-01-09")]""");
        var diagnostic = Assert.Single(await PolicyRunner.RunAsync(source, policy: null));
        Assert.Equal("CBDT1004", diagnostic.Id);
        Assert.Contains("as of 2026-03-01", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("SA Measures 2022 Art. 14", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);

        // The same declaration as of a date inside its validity (two years under the 2022 Measures).
        Assert.Empty(await PolicyRunner.RunAsync(source, policy: null, asOf: "2023-06-01"));
    }

    [Fact]
    public async Task ComputedTermExpires()
    {
        // No ValidUntil: the legal three-year term from IssuedOn applies.
        var source = Send("""[CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2022-01-10")]""");
        Assert.Equal("CBDT1004", Assert.Single(await PolicyRunner.RunAsync(source, policy: null)).Id);
    }

    [Fact]
    public async Task NotYetValidIsCBDT1004()
    {
        var source = Send("""[CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2026-09-01")]""");
        var diagnostic = Assert.Single(await PolicyRunner.RunAsync(source, policy: null));
        Assert.Equal("CBDT1004", diagnostic.Id);
    }

    [Fact]
    public async Task ExpiredPolicyFileTransferIsCBDT1004()
    {
        const string policy = """
            { "version": 1, "transfers": [ { "id": "sa", "mechanism": "SecurityAssessment", "reference": "SA-1",
              "issuedOn": "2021-01-01", "validUntil": "2023-12-31", "endpoint": "api.foreign.com" } ] }
            """;
        var diagnostic = Assert.Single(await PolicyRunner.RunAsync(Send(string.Empty), policy));
        Assert.Equal("CBDT1004", diagnostic.Id);
        Assert.Contains("crossborder.json transfer 'sa'", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
    }
}
