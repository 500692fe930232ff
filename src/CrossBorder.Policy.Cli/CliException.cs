using System;

namespace CrossBorder.Policy.Cli;

/// <summary>
/// An error the user can cause and fix (a missing file, a bad date). <see cref="CliApp"/> prints
/// <see cref="Exception.Message"/> as one line on standard error and exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
        : this(ExitCodes.InputError, "input error")
    {
    }

    public CliException(string message)
        : this(ExitCodes.InputError, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.InputError;
    }

    public int ExitCode { get; }

    public static CliException Usage(string message) => new(ExitCodes.UsageError, message);

    public static CliException Input(string message) => new(ExitCodes.InputError, message);
}
