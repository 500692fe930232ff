using System.Collections.Generic;
using CrossBorder.Policy.Cli.Inputs;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.Regulation;

namespace CrossBorder.Policy.Cli.Verify;

/// <summary>How serious a finding is. Errors make <c>verify</c> exit with <see cref="ExitCodes.Findings"/>.</summary>
public enum FindingSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One thing <c>verify</c> found. <see cref="Code"/> is stable (JSON consumers match on it): a policy-file diagnostic
/// id (<c>CBDT9017</c>) or one of <c>reference-missing</c>, <c>reference-format</c>, <c>expired</c>,
/// <c>not-yet-valid</c>, <c>renewal-window</c>, <c>expiring-soon</c>, <c>validity-dates</c>, <c>validity-undetermined</c>,
/// <c>inadequate</c>, <c>categories-missing</c>, <c>jurisdiction-unknown</c>, <c>jurisdiction-mismatch</c>, <c>domestic-endpoint</c>, <c>internal-endpoint</c>,
/// <c>flow-status</c>, <c>manifest-invalid</c>.
/// </summary>
public sealed record Finding(FindingSeverity Severity, string Code, string Message, IReadOnlyList<string> Citations)
{
    /// <summary>Where in the file, <c>line:column</c>; null when the finding is about the file as a whole.</summary>
    public string? Location { get; init; }

    /// <summary>The transfer, authorization or flow the finding is about; null for the file.</summary>
    public string? Subject { get; init; }
}

/// <summary>The result of checking one authorization (a policy-file transfer or a manifest authorization).</summary>
public sealed record AuthorizationCheck
{
    public string Id { get; init; } = string.Empty;

    public TransferMechanism Mechanism { get; init; }

    public ExemptionBasis Exemption { get; init; }

    public string? Reference { get; init; }

    public string? Recipient { get; init; }

    public IsoDate? IssuedOn { get; init; }

    public IsoDate? ValidUntil { get; init; }

    public bool ValidUntilComputed { get; init; }

    public ValidityStatus Validity { get; init; }

    public int? DaysUntilExpiry { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code, null when unknown.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>Where the jurisdiction comes from: <c>transfer</c>, <c>endpoint</c> (the policy file's endpoint declaration),
    /// <c>knowledge-base</c> or <c>unknown-host-default</c> (the jurisdiction resolver), <c>manifest</c>, or null.</summary>
    public string? JurisdictionSource { get; init; }

    public string? Endpoint { get; init; }

    /// <summary>Where the endpoint's host resolves with the Core jurisdiction resolver; null for host patterns and manifests.</summary>
    public string? ResolvedJurisdiction { get; init; }

    /// <summary>The resolver's explanation (which rule or knowledge-base entry decided), null when not resolved.</summary>
    public string? Resolution { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = new string[0];

    /// <summary>Whether the mechanism is adequate for the declared data and volumes.</summary>
    public bool Adequate { get; init; }

    /// <summary>The decision-table row (docs/regulation.md §7.3) that matched.</summary>
    public int DecisionRow { get; init; }

    public string DecisionExplanation { get; init; } = string.Empty;

    public IReadOnlyList<TransferMechanism> AcceptableMechanisms { get; init; } = new TransferMechanism[0];

    public IReadOnlyList<Finding> Findings { get; init; } = new Finding[0];

    public string? Location { get; init; }

    public FindingSeverity? WorstSeverity
    {
        get
        {
            FindingSeverity? worst = null;
            foreach (var finding in Findings)
            {
                if (finding.Severity > FindingSeverity.Info && (worst is null || finding.Severity > worst))
                {
                    worst = finding.Severity;
                }
            }

            return worst;
        }
    }
}

/// <summary>The result of verifying one file.</summary>
public sealed record FileReport
{
    public string Path { get; init; } = string.Empty;

    public InputKind Kind { get; init; }

    /// <summary>Findings about the file as a whole (parse diagnostics, an unreadable manifest, flows).</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = new Finding[0];

    public IReadOnlyList<AuthorizationCheck> Authorizations { get; init; } = new AuthorizationCheck[0];

    /// <summary>For manifests: the assembly named in it; for policy files: the processor's name.</summary>
    public string? Subject { get; init; }

    /// <summary>For a data directory: entries and endpoint bindings; for a transfer manifest: flows.</summary>
    public int EntryCount { get; init; }

    public int EndpointCount { get; init; }

    public int FlowCount { get; init; }

    /// <summary>The canonical digest of a manifest (sha256:...), null for policy files or unreadable manifests.</summary>
    public string? Digest { get; init; }
}

/// <summary>Everything <c>verify</c> found, for all files.</summary>
public sealed record VerifyReport(IsoDate AsOf, int? WarnDays, IReadOnlyList<FileReport> Files)
{
    public IEnumerable<Finding> AllFindings
    {
        get
        {
            foreach (var file in Files)
            {
                foreach (var finding in file.Findings)
                {
                    yield return finding;
                }

                foreach (var authorization in file.Authorizations)
                {
                    foreach (var finding in authorization.Findings)
                    {
                        yield return finding;
                    }
                }
            }
        }
    }

    public int Count(FindingSeverity severity)
    {
        var count = 0;
        foreach (var finding in AllFindings)
        {
            if (finding.Severity == severity)
            {
                count++;
            }
        }

        return count;
    }

    public int ExitCode => Count(FindingSeverity.Error) > 0 ? ExitCodes.Findings : ExitCodes.Success;
}
