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
        var authorized = PolicyRunner.Authorized(await PolicyRunner.RunAsync(source, policy: null), "M:C.Run(System.Net.Http.HttpClient)/StandardContract/SC-1");
        Assert.Equal("M:C.Run(System.Net.Http.HttpClient)", authorized.Properties[DiagnosticPropertyKeys.AuthorizationDeclaredOn]);
        Assert.Equal("StandardContract", authorized.Properties[DiagnosticPropertyKeys.Mechanism]);
        Assert.Equal("SC-1", authorized.Properties[DiagnosticPropertyKeys.AuthorizationReference]);
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
        var authorized = PolicyRunner.Authorized(await PolicyRunner.RunAsync(source, policy: null), "M:C.Run(System.Net.Http.HttpClient)/SecurityAssessment/SA-1");
        Assert.Equal("ImportantData:BIO-001", authorized.Properties[DiagnosticPropertyKeys.Categories]);
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
        PolicyRunner.Authorized(await PolicyRunner.RunAsync(source, policy: null, asOf: "2023-06-01"), "M:C.Run(System.Net.Http.HttpClient)/SecurityAssessment/SA-1");
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

    /// <summary>The sample's flow 8: a typed client carries an expired certification; a service calls it.</summary>
    private const string SafetyClient = """
        public sealed class Subject
        {
            public string Number { get; set; } = "";
            [PersonalInformation] public string Initials { get; set; } = "";
            [PersonalInformation] public int BirthYear { get; set; }
            [SensitivePersonalInformation(SensitiveCategory.MedicalHealth)] public List<string> Events { get; set; } = new();
        }

        public sealed class Report
        {
            public string CaseId { get; set; } = "";
            public string Initials { get; set; } = "";
            public int Age { get; set; }
            public string[] Reactions { get; set; } = Array.Empty<string>();
        }

        [CrossBorderTransfer(
            Id = "cert-jp",
            Mechanism = TransferMechanism.Certification,
            Reference = "CCRC-PI-2023-0142",
            IssuedOn = "2023-06-01",
            ValidUntil = "2026-05-31",
            Recipient = "Safety K.K.",
            Jurisdiction = "JP",
            Endpoint = "e2b.safety-db.example.jp",
            Categories = new[] { "PersonalInformation", "SensitivePersonalInformation:MedicalHealth" },
            EstimatedSubjectsPerYear = 400,
            EstimatedSensitiveSubjectsPerYear = 400,
            SeparateConsent = true)]
        public sealed class SafetyClient
        {
            private readonly HttpClient _http = new() { BaseAddress = new Uri("https://e2b.safety-db.example.jp/") };

            public async Task SubmitAsync(Report report)
            {
                using var response = await _http.PostAsJsonAsync("icsr", report);
            }
        }

        public sealed class PharmacovigilanceService
        {
            private readonly SafetyClient _safety;

            public PharmacovigilanceService(SafetyClient safety) => _safety = safety;

            public Task ReportAsync(Subject subject, int year)
            {
                var report = new Report
                {
                    CaseId = "CN-" + subject.Number,
                    Initials = subject.Initials,
                    Age = year - subject.BirthYear,
                    Reactions = subject.Events.Where(e => e.Length > 0).ToArray(),
                };
                return _safety.SubmitAsync(report);
            }
        }
        """;

    [Fact]
    public async Task ExpiredCertificationOnTypedClientCoversALocalSubject()
    {
        // The authorization on the client type is found and the certification's end date is checked: with the
        // subject read in the service (not a parameter) the flow gets CBDT1004 at the service's call.
        var source = SafetyClient.Replace("public Task ReportAsync(Subject subject, int year)\n    {", "public Task ReportAsync(int year)\n    {\n        var subject = new Subject();", StringComparison.Ordinal);
        Assert.NotEqual(SafetyClient, source);
        var diagnostic = Assert.Single(await PolicyRunner.RunAsync(source, policy: null, asOf: "2026-11-26"));
        Assert.Equal("CBDT1004", diagnostic.Id);
        Assert.Contains("[CrossBorderTransfer(Id = \"cert-jp\")] on 'SafetyClient'", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("2026-05-31", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
        Assert.Equal("_safety.SubmitAsync(report)", diagnostic.Location.SourceTree!.GetText(TestContext.Current.CancellationToken).ToString(diagnostic.Location.SourceSpan));
        PolicyRunner.Authorized(await PolicyRunner.RunAsync(source, policy: null, asOf: "2026-03-01"), "cert-jp");
    }

    [Fact]
    public async Task ExpiredCertificationOnTypedClientIsCBDT1004AtTheServiceCall()
    {
        var diagnostic = Assert.Single(await PolicyRunner.RunAsync(SafetyClient, policy: null, asOf: "2026-11-26"));
        Assert.Equal("CBDT1004", diagnostic.Id);
        Assert.Contains("[CrossBorderTransfer(Id = \"cert-jp\")] on 'SafetyClient'", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("2026-05-31", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
        Assert.Equal("_safety.SubmitAsync(report)", diagnostic.Location.SourceTree!.GetText(TestContext.Current.CancellationToken).ToString(diagnostic.Location.SourceSpan));

        // Inside its validity the same certification covers the flow.
        PolicyRunner.Authorized(await PolicyRunner.RunAsync(SafetyClient, policy: null, asOf: "2026-03-01"), "cert-jp");
    }
}
