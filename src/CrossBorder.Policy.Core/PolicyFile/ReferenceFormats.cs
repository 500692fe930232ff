using System;
using System.Text.RegularExpressions;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.PolicyFile;

/// <summary>
/// The <c>referenceFormats</c> section: one regular expression per mechanism that issues a reference
/// (regulation §12: no public format is known for any of them, so the default only asks for trimmed free text
/// of 1 to 64 characters). Patterns are .NET regular expressions, matched culture-invariantly with a timeout.
/// </summary>
public sealed record ReferenceFormats
{
    /// <summary>The default for every mechanism: trimmed, non-empty, at most 64 characters.</summary>
    public const string DefaultPattern = @"^\S(.{0,62}\S)?$";

    /// <summary>How long one match may take before it counts as a failure.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    public static ReferenceFormats Default { get; } = new();

    public string SecurityAssessment { get; init; } = DefaultPattern;

    public string StandardContract { get; init; } = DefaultPattern;

    public string Certification { get; init; } = DefaultPattern;

    public string AuthorityApproval { get; init; } = DefaultPattern;

    /// <summary>The pattern for <paramref name="mechanism"/>; null for <see cref="TransferMechanism.Exemption"/> (no reference is issued).</summary>
    public string? For(TransferMechanism mechanism) => mechanism switch
    {
        TransferMechanism.SecurityAssessment => SecurityAssessment,
        TransferMechanism.StandardContract => StandardContract,
        TransferMechanism.Certification => Certification,
        TransferMechanism.AuthorityApproval => AuthorityApproval,
        _ => null,
    };

    /// <summary>True when <paramref name="reference"/> matches the mechanism's format (an exemption accepts any reference, including none).</summary>
    public bool IsMatch(TransferMechanism mechanism, string? reference)
    {
        var pattern = For(mechanism);
        if (pattern is null)
        {
            return true;
        }

        return reference is not null && TryMatch(pattern, reference, out var matched, out _) && matched;
    }

    /// <summary>Compiles <paramref name="pattern"/>; <paramref name="error"/> holds the reason when it does not compile.</summary>
    public static bool TryCompile(string pattern, out Regex? regex, out string? error)
    {
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            error = null;
            return true;
        }
        catch (ArgumentException exception)
        {
            regex = null;
            error = exception.Message;
            return false;
        }
    }

    /// <summary>Matches with the timeout; false with <paramref name="error"/> when the pattern is invalid or too slow.</summary>
    public static bool TryMatch(string pattern, string input, out bool matched, out string? error)
    {
        matched = false;
        if (!TryCompile(pattern, out var regex, out error))
        {
            return false;
        }

        try
        {
            matched = regex!.IsMatch(input);
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            error = "the pattern took longer than " + MatchTimeout.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms";
            return false;
        }
    }
}
