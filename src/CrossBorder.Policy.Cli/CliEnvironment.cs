using System;
using System.IO;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Cli;

/// <summary>
/// What a command may touch besides its arguments: the two output streams, whether standard output is a terminal,
/// environment variables and today's date. Tests build one with captured writers and a fixed date.
/// </summary>
public sealed class CliEnvironment
{
    public CliEnvironment(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Standard output is an interactive terminal (colours and the terminal's width are used only then).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Reads an environment variable (NO_COLOR, CROSSBORDER_DEBUG).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = static _ => null;

    /// <summary>The date used when <c>--as-of</c> is not given.</summary>
    public IsoDate Today { get; init; } = IsoDate.FromDateTime(DateTime.UtcNow.Date);

    /// <summary>The width for tables when the output is not a terminal.</summary>
    public int RedirectedWidth { get; init; } = 120;

    public static CliEnvironment FromConsole() => new(Console.Out, Console.Error)
    {
        OutputIsTerminal = !Console.IsOutputRedirected,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    };
}
