namespace CrossBorder.Policy.Cli;

/// <summary>
/// The exit codes of <c>crossborder</c>, documented in docs/cli.md. Scripts and CI rely on them: never renumber.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command ran and found nothing that needs action (warnings may have been printed).</summary>
    public const int Success = 0;

    /// <summary>The command ran and found problems: an expired, invalid or inadequate authorization, an invalid policy
    /// file, or (diff, unless <c>--report-only</c>) a new flow leaving without authorization.</summary>
    public const int Findings = 1;

    /// <summary>The command line is wrong: unknown command or option, missing argument, bad option value (a date
    /// that is not yyyy-MM-dd, a negative number).</summary>
    public const int UsageError = 2;

    /// <summary>An input cannot be used: a missing or unreadable file, a file that is not JSON, a JSON file that is
    /// neither a policy file nor a manifest, two files of different kinds given to diff.</summary>
    public const int InputError = 3;

    /// <summary>A bug in crossborder itself. The message asks for a report; no stack trace unless CROSSBORDER_DEBUG=1.</summary>
    public const int InternalError = 70;
}
