using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrossBorder.Policy.Cli.Inputs;
using CrossBorder.Policy.Core.Jurisdictions;
using JurisdictionResolution = CrossBorder.Policy.Core.Jurisdictions.JurisdictionResolution;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.PolicyFile;
using CrossBorder.Policy.Core.Regulation;
using RegulationProcessor = CrossBorder.Policy.Core.Regulation.ProcessorProfile;

namespace CrossBorder.Policy.Cli.Verify;

/// <summary>The checks of <c>crossborder verify</c>, without any output: policy files and manifests in, reports out.</summary>
public static class Verifier
{
    /// <summary>Verifies one file already classified by <see cref="InputDocument.Load"/>.</summary>
    public static FileReport Verify(InputDocument input, IsoDate asOf, int? warnDays)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Kind switch
        {
            InputKind.PolicyFile => VerifyPolicyFile(input, asOf, warnDays),
            InputKind.TransferManifest => VerifyTransferManifest(input, asOf, warnDays),
            _ => VerifyDataDirectory(input),
        };
    }

    public static FileReport VerifyPolicyFile(InputDocument input, IsoDate asOf, int? warnDays)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parsed = PolicyFileParser.Parse(input.Text, input.Path);
        var syntax = parsed.Diagnostics.FirstOrDefault(d => string.Equals(d.Id, PolicyDiagnosticIds.SyntaxError, StringComparison.Ordinal));
        if (syntax is not null)
        {
            throw CliException.Input(syntax.ToString());
        }

        var document = parsed.Document;
        var findings = new List<Finding>();
        foreach (var diagnostic in parsed.Diagnostics)
        {
            // The per-transfer checks below report reference formats and inverted dates themselves, at the transfer.
            if (diagnostic.Message.StartsWith("transfers[", StringComparison.Ordinal)
                && (string.Equals(diagnostic.Id, PolicyDiagnosticIds.ReferenceFormatMismatch, StringComparison.Ordinal)
                    || string.Equals(diagnostic.Id, PolicyDiagnosticIds.InvertedDates, StringComparison.Ordinal)))
            {
                continue;
            }

            findings.Add(new Finding(
                diagnostic.Severity == PolicyDiagnosticSeverity.Error ? FindingSeverity.Error : FindingSeverity.Warning,
                diagnostic.Id,
                diagnostic.Message,
                Array.Empty<string>())
            {
                Location = Location(diagnostic.Position.Line, diagnostic.Position.Column),
            });
        }

        var settings = new CheckSettings
        {
            AsOf = asOf,
            WarnDays = warnDays ?? document.Defaults.ExpiryWarningDays,
            Options = document.Regulation,
            Formats = document.ReferenceFormats,
            Processor = new RegulationProcessor
            {
                IsCriticalInformationInfrastructureOperator = document.Processor?.CriticalInformationInfrastructureOperator ?? false,
                FreeTradeZone = document.Processor?.FreeTradeZone,
            },
            ProcessedSubjects = document.Processor?.ProcessedSubjects,
        };

        var resolver = CreateResolver(document);
        var checks = new List<AuthorizationCheck>();
        foreach (var transfer in document.Transfers)
        {
            var endpoint = FindEndpoint(document.Endpoints, transfer.Endpoint);
            var resolution = Resolve(resolver, transfer.Endpoint);
            string? jurisdiction = transfer.Jurisdiction;
            string? source = jurisdiction is null ? null : "transfer";
            if (jurisdiction is null && endpoint is not null)
            {
                jurisdiction = endpoint.Domestic ? "CN" : endpoint.Jurisdiction;
                source = jurisdiction is null ? null : "endpoint";
            }

            if (jurisdiction is null && resolution is { Jurisdiction: not null })
            {
                jurisdiction = resolution.Jurisdiction;
                source = ResolutionSource(resolution);
            }

            checks.Add(Check(
                new AuthorizationInput
                {
                    Id = transfer.Id,
                    Mechanism = transfer.Mechanism,
                    Exemption = transfer.Exemption,
                    Reference = transfer.Reference,
                    IssuedOn = transfer.IssuedOn,
                    ValidUntil = transfer.ValidUntil,
                    Recipient = transfer.Recipient ?? endpoint?.Recipient,
                    Jurisdiction = jurisdiction,
                    JurisdictionSource = source,
                    Endpoint = transfer.Endpoint,
                    EndpointDomestic = endpoint?.Domestic ?? false,
                    Resolution = resolution,
                    Categories = transfer.Categories,
                    Subjects = transfer.EstimatedSubjectsPerYear > 0 ? transfer.EstimatedSubjectsPerYear : null,
                    SensitiveSubjects = transfer.EstimatedSensitiveSubjectsPerYear > 0 ? transfer.EstimatedSensitiveSubjectsPerYear : null,
                    Location = transfer.Position.Line > 0 ? Location(transfer.Position.Line, transfer.Position.Column) : null,
                },
                settings));
        }

        return new FileReport
        {
            Path = input.Path,
            Kind = InputKind.PolicyFile,
            Findings = findings,
            Authorizations = checks,
            Subject = document.Processor?.Name,
            EndpointCount = document.Endpoints.Count,
        };
    }

    public static FileReport VerifyTransferManifest(InputDocument input, IsoDate asOf, int? warnDays)
    {
        ArgumentNullException.ThrowIfNull(input);
        TransferManifest manifest;
        try
        {
            manifest = ManifestReader.ReadTransferManifest(input.Text);
        }
        catch (ManifestReadException e)
        {
            return Unreadable(input, e);
        }

        var settings = new CheckSettings
        {
            AsOf = asOf,
            WarnDays = warnDays ?? PolicyDefaults.DefaultExpiryWarningDays,
            Options = RegulationOptions.Default,
            Formats = ReferenceFormats.Default,
            Processor = new RegulationProcessor
            {
                IsCriticalInformationInfrastructureOperator = manifest.Processor?.CriticalInformationInfrastructureOperator ?? false,
                FreeTradeZone = manifest.Processor?.FreeTradeZone,
            },
        };

        var checks = new List<AuthorizationCheck>();
        foreach (var authorization in manifest.Authorizations)
        {
            var categories = new List<DataCategory>();
            foreach (var text in authorization.Categories)
            {
                if (DataCategory.TryParse(text, out var category, out _) && category is not null)
                {
                    categories.Add(category);
                }
            }

            checks.Add(Check(
                new AuthorizationInput
                {
                    Id = authorization.Id,
                    Mechanism = authorization.Mechanism,
                    Exemption = authorization.Exemption,
                    Reference = authorization.Reference,
                    IssuedOn = authorization.IssuedOn,
                    ValidUntil = authorization.DeclaredValidUntil,
                    Recipient = authorization.Recipient,
                    Jurisdiction = authorization.Jurisdiction,
                    JurisdictionSource = authorization.Jurisdiction is null ? null : "manifest",
                    Endpoint = authorization.Endpoint,
                    Categories = categories,
                    Subjects = authorization.EstimatedSubjectsPerYear,
                    SensitiveSubjects = authorization.EstimatedSensitiveSubjectsPerYear,
                },
                settings));
        }

        var findings = new List<Finding>();
        foreach (var flow in manifest.Flows)
        {
            if (flow.Status == FlowStatus.Authorized)
            {
                continue;
            }

            findings.Add(new Finding(FindingSeverity.Error, "flow-status", FlowMessage(flow), Array.Empty<string>()) { Subject = flow.Id });
        }

        return new FileReport
        {
            Path = input.Path,
            Kind = InputKind.TransferManifest,
            Findings = findings,
            Authorizations = checks,
            Subject = manifest.Assembly,
            FlowCount = manifest.Flows.Count,
            Digest = ManifestDigest.Compute(manifest),
        };
    }

    public static FileReport VerifyDataDirectory(InputDocument input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DataDirectory directory;
        try
        {
            directory = ManifestReader.ReadDataDirectory(input.Text);
        }
        catch (ManifestReadException e)
        {
            return Unreadable(input, e);
        }

        return new FileReport
        {
            Path = input.Path,
            Kind = InputKind.DataDirectory,
            Subject = directory.Assembly,
            EntryCount = directory.Entries.Count,
            EndpointCount = directory.Endpoints.Count,
            Digest = ManifestDigest.Compute(directory),
        };
    }

    /// <summary>Checks one authorization: reference, validity as of the date, adequacy of the mechanism, jurisdiction.</summary>
    internal static AuthorizationCheck Check(AuthorizationInput a, CheckSettings s)
    {
        var findings = new List<Finding>();
        var mechanismName = Names.Mechanism(a.Mechanism);

        // 1. Reference: every mechanism but an exemption is evidenced by a number (regulation.md §12).
        if (a.Mechanism != TransferMechanism.Exemption)
        {
            if (string.IsNullOrWhiteSpace(a.Reference))
            {
                findings.Add(Error("reference-missing", "No reference is declared; a " + mechanismName + " is evidenced by its approval, filing or certificate number.", a));
            }
            else if (s.Formats.For(a.Mechanism) is { } pattern && !s.Formats.IsMatch(a.Mechanism, a.Reference))
            {
                findings.Add(Error(
                    "reference-format",
                    string.Equals(pattern, ReferenceFormats.DefaultPattern, StringComparison.Ordinal)
                        ? "'" + a.Reference + "' is not a valid reference (1 to 64 characters without leading or trailing white space)."
                        : "'" + a.Reference + "' does not match the configured " + a.Mechanism.ToString() + " format " + pattern + " (referenceFormats." + a.Mechanism.ToString() + ").",
                    a));
            }
        }

        // 2. Validity as of the date.
        var validity = ValidityRules.Check(new ValidityInput { Mechanism = a.Mechanism, IssuedOn = a.IssuedOn, ValidUntil = a.ValidUntil }, s.AsOf, s.Options);
        foreach (var problem in validity.Problems)
        {
            findings.Add(Error("validity-dates", problem.Message, a, problem.Citations));
        }

        switch (validity.Status)
        {
            case ValidityStatus.Expired:
                findings.Add(Error("expired", validity.Explanation, a, validity.Citations));
                break;
            case ValidityStatus.NotYetValid:
                findings.Add(Error("not-yet-valid", validity.Explanation, a, validity.Citations));
                break;
            case ValidityStatus.InRenewalWindow:
                findings.Add(Warning("renewal-window", validity.Explanation, a, validity.Citations));
                break;
            case ValidityStatus.Undetermined when validity.Problems.All(p => p.Kind != ValidityProblemKind.MissingDates):
                findings.Add(Error("validity-undetermined", validity.Explanation, a, validity.Citations));
                break;
            case ValidityStatus.Valid when validity.DaysUntilExpiry is { } days && days <= s.WarnDays:
                findings.Add(Warning(
                    "expiring-soon",
                    validity.Explanation + " It expires in " + days.ToString(CultureInfo.InvariantCulture) + " days (warning from " + s.WarnDays.ToString(CultureInfo.InvariantCulture) + " days).",
                    a,
                    validity.Citations));
                break;
            default:
                findings.Add(new Finding(FindingSeverity.Info, "validity", validity.Explanation, Cite(validity.Citations)) { Subject = a.Id, Location = a.Location });
                break;
        }

        // 3. Adequacy of the mechanism for the declared data, volumes and processor profile.
        var classes = new SortedSet<DataClass>();
        var sensitive = new SortedSet<SensitiveCategory>();
        foreach (var category in a.Categories)
        {
            classes.Add(category.Class);
            if (category.Sensitive is { } sc)
            {
                sensitive.Add(sc);
            }
        }

        var facts = new TransferFacts
        {
            AsOf = s.AsOf,
            DataClasses = classes,
            SensitiveCategories = sensitive,
            Processor = s.Processor,
            ClaimedExemption = a.Exemption,
            CollectedAbroadWithoutDomesticData = a.Exemption == ExemptionBasis.CollectedAbroad,
            NonSensitiveSubjects = a.Subjects,
            SensitiveSubjects = a.SensitiveSubjects,
            ProcessedSubjects = s.ProcessedSubjects,
        };
        var decision = MechanismDecisionEngine.Decide(facts, s.Options);
        var adequacy = MechanismDecisionEngine.CheckAdequacy(decision, a.Mechanism, a.Exemption);
        if (a.Categories.Count == 0)
        {
            findings.Add(Warning("categories-missing", "No data categories are declared, so adequacy was judged for general data only; declare the categories the transfer carries.", a));
        }

        if (!adequacy.IsAdequate)
        {
            findings.Add(Error("inadequate", adequacy.Message, a, adequacy.Citations));
        }
        else
        {
            findings.Add(new Finding(FindingSeverity.Info, "adequacy", adequacy.Message, Cite(adequacy.Citations)) { Subject = a.Id, Location = a.Location });
        }

        // 4. Jurisdiction: what the file declares, against where the endpoint's host resolves.
        if (a.Resolution is { } r && a.Jurisdiction is not null && r.Jurisdiction is not null
            && !string.Equals(r.Jurisdiction, a.Jurisdiction, StringComparison.Ordinal)
            && !string.Equals(a.JurisdictionSource, ResolutionSource(r), StringComparison.Ordinal))
        {
            findings.Add(Warning("jurisdiction-mismatch", "The transfer is declared for " + Names.Country(a.Jurisdiction) + " but its endpoint resolves elsewhere: " + r.Explanation, a));
        }

        if (a.Resolution is { IsInternal: true })
        {
            findings.Add(Warning("internal-endpoint", "The endpoint is internal, so no data leaves through it: " + a.Resolution.Explanation, a));
        }
        else if (a.Jurisdiction is null)
        {
            findings.Add(Warning("jurisdiction-unknown", "No jurisdiction is declared on the transfer or its endpoint; declare where the recipient is.", a));
        }
        else if (a.EndpointDomestic || !IsoCountries.IsOutsideMainland(a.Jurisdiction))
        {
            findings.Add(Warning("domestic-endpoint", "The destination is in mainland China; a provision abroad is not involved, so this authorization covers nothing.", a));
        }

        return new AuthorizationCheck
        {
            Id = a.Id,
            Mechanism = a.Mechanism,
            Exemption = a.Exemption,
            Reference = a.Reference,
            Recipient = a.Recipient,
            IssuedOn = a.IssuedOn,
            ValidUntil = validity.ValidUntil,
            ValidUntilComputed = validity.ValidUntilComputed,
            Validity = validity.Status,
            DaysUntilExpiry = validity.DaysUntilExpiry,
            Jurisdiction = a.Jurisdiction,
            JurisdictionSource = a.JurisdictionSource,
            Endpoint = a.Endpoint,
            ResolvedJurisdiction = a.Resolution?.Jurisdiction,
            Resolution = a.Resolution?.Explanation,
            Categories = a.Categories.Select(c => c.ToString()).ToArray(),
            Adequate = adequacy.IsAdequate,
            DecisionRow = decision.Row,
            DecisionExplanation = decision.Explanation,
            AcceptableMechanisms = decision.AcceptableMechanisms,
            Findings = findings,
            Location = a.Location,
        };
    }

    internal static string FlowMessage(TransferFlow flow)
    {
        var destination = (flow.EndpointHost ?? "an unresolved endpoint") + (flow.Jurisdiction is null ? string.Empty : " (" + flow.Jurisdiction + ")");
        var what = flow.Status switch
        {
            FlowStatus.Unauthorized => "no authorization covers it",
            FlowStatus.Inadequate => "the covering authorization '" + flow.AuthorizationId + "' is not an adequate mechanism",
            FlowStatus.Expired => "the covering authorization '" + flow.AuthorizationId + "' has expired",
            FlowStatus.NotYetValid => "the covering authorization '" + flow.AuthorizationId + "' is not yet valid",
            FlowStatus.Blocked => "it carries core data",
            FlowStatus.UnknownEndpoint => "its destination cannot be determined",
            _ => "status " + flow.Status.ToString(),
        };
        return "Flow " + flow.Id + " sends " + (flow.Categories.Count == 0 ? "data" : string.Join(", ", flow.Categories)) + " to " + destination + ": " + what + ".";
    }

    private static FileReport Unreadable(InputDocument input, ManifestReadException e) => new()
    {
        Path = input.Path,
        Kind = input.Kind,
        Findings = new[]
        {
            new Finding(FindingSeverity.Error, "manifest-invalid", (e.Path.Length == 0 ? string.Empty : e.Path + ": ") + e.Reason, Array.Empty<string>())
            {
                Location = Location(e.Position.Line, e.Position.Column),
            },
        },
    };

    /// <summary>The policy file's endpoints as resolver rules, and its unknown-host default.</summary>
    private static JurisdictionResolver CreateResolver(PolicyDocument document)
    {
        var rules = new List<JurisdictionRule>();
        foreach (var endpoint in document.Endpoints)
        {
            var code = endpoint.Domestic ? "CN" : endpoint.Jurisdiction;
            if (JurisdictionRule.TryCreate(endpoint.Host, code, "policy file endpoint " + (endpoint.Id ?? endpoint.Host), out var rule, out _))
            {
                rules.Add(rule);
            }
        }

        var options = document.Defaults.UnknownHostMode switch
        {
            UnknownHostMode.Domestic => new JurisdictionOptions { UnknownHosts = UnknownHostTreatment.Domestic },
            UnknownHostMode.Jurisdiction when document.Defaults.UnknownHostJurisdictionCode is { } code => new JurisdictionOptions { UnknownHosts = UnknownHostTreatment.Jurisdiction, UnknownHostJurisdiction = code },
            _ => JurisdictionOptions.Default,
        };
        try
        {
            return new JurisdictionResolver(rules, null, options);
        }
        catch (ArgumentException)
        {
            // Invalid options are already a policy-file diagnostic; resolve with the defaults.
            return new JurisdictionResolver(rules);
        }
    }

    /// <summary>Resolves a concrete host; a host pattern (<c>*.partner.sg</c>) is not a host and gives null.</summary>
    private static JurisdictionResolution? Resolve(JurisdictionResolver resolver, string? endpoint)
    {
        if (endpoint is null || endpoint.Contains('*', StringComparison.Ordinal) || endpoint.Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        return resolver.TryResolve(endpoint, out var resolution, out _) ? resolution : null;
    }

    private static string ResolutionSource(JurisdictionResolution resolution) => resolution.Source switch
    {
        JurisdictionSource.PolicyFile => "endpoint",
        JurisdictionSource.Attribute => "attribute",
        JurisdictionSource.KnowledgeBase => "knowledge-base",
        _ => "unknown-host-default",
    };

    private static EndpointDeclaration? FindEndpoint(IReadOnlyList<EndpointDeclaration> endpoints, string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        foreach (var endpoint in endpoints)
        {
            if (string.Equals(endpoint.Host, reference, StringComparison.OrdinalIgnoreCase) || string.Equals(endpoint.Id, reference, StringComparison.Ordinal))
            {
                return endpoint;
            }
        }

        return null;
    }

    private static string Location(int line, int column) => line.ToString(CultureInfo.InvariantCulture) + ":" + column.ToString(CultureInfo.InvariantCulture);

    private static Finding Error(string code, string message, AuthorizationInput a, IReadOnlyList<Citation>? citations = null) =>
        new(FindingSeverity.Error, code, message, Cite(citations)) { Subject = a.Id, Location = a.Location };

    private static Finding Warning(string code, string message, AuthorizationInput a, IReadOnlyList<Citation>? citations = null) =>
        new(FindingSeverity.Warning, code, message, Cite(citations)) { Subject = a.Id, Location = a.Location };

    private static string[] Cite(IReadOnlyList<Citation>? citations) =>
        citations is null ? Array.Empty<string>() : citations.Select(c => c.ToString()).Distinct(StringComparer.Ordinal).ToArray();
}

/// <summary>The facts of one authorization that <see cref="Verifier.Check"/> needs, from a policy file or a manifest.</summary>
internal sealed record AuthorizationInput
{
    public string Id { get; init; } = string.Empty;

    public TransferMechanism Mechanism { get; init; }

    public ExemptionBasis Exemption { get; init; }

    public string? Reference { get; init; }

    public IsoDate? IssuedOn { get; init; }

    public IsoDate? ValidUntil { get; init; }

    public string? Recipient { get; init; }

    public string? Jurisdiction { get; init; }

    public string? JurisdictionSource { get; init; }

    public string? Endpoint { get; init; }

    public bool EndpointDomestic { get; init; }

    /// <summary>Where the endpoint's host resolves (policy-file endpoints, knowledge base, default); null without a concrete host.</summary>
    public JurisdictionResolution? Resolution { get; init; }

    public IReadOnlyList<DataCategory> Categories { get; init; } = Array.Empty<DataCategory>();

    public long? Subjects { get; init; }

    public long? SensitiveSubjects { get; init; }

    public string? Location { get; init; }
}

/// <summary>What every authorization of one file is checked against.</summary>
internal sealed record CheckSettings
{
    public IsoDate AsOf { get; init; }

    public int WarnDays { get; init; } = PolicyDefaults.DefaultExpiryWarningDays;

    public RegulationOptions Options { get; init; } = RegulationOptions.Default;

    public ReferenceFormats Formats { get; init; } = ReferenceFormats.Default;

    public RegulationProcessor Processor { get; init; } = RegulationProcessor.Ordinary;

    public long? ProcessedSubjects { get; init; }
}

/// <summary>Display names shared by the renderers.</summary>
internal static class Names
{
    public static string Mechanism(TransferMechanism mechanism) => mechanism switch
    {
        TransferMechanism.SecurityAssessment => "security assessment",
        TransferMechanism.StandardContract => "standard contract",
        TransferMechanism.Certification => "certification",
        TransferMechanism.AuthorityApproval => "authority approval",
        _ => "exemption",
    };

    public static string Country(string? code) =>
        code is null ? "unknown" : IsoCountries.GetName(code) is { } name ? code + " " + name : code;
}
