using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace CrossBorder.Policy.Cli;

/// <summary>How a command writes: JSON or human output, and whether colours are allowed.</summary>
internal sealed class Output
{
    public Output(CliEnvironment environment, bool json, bool noColor)
    {
        Environment = environment;
        Json = json;
        UseColor = !noColor
            && environment.OutputIsTerminal
            && string.IsNullOrEmpty(environment.GetEnvironmentVariable("NO_COLOR"));
    }

    public CliEnvironment Environment { get; }

    public bool Json { get; }

    /// <summary>Colours only on a terminal, without <c>--no-color</c> and without NO_COLOR (https://no-color.org).</summary>
    public bool UseColor { get; }

    public TextWriter Writer => Environment.Output;

    /// <summary>A Spectre console over the command's output. Without colour it writes plain text (no escape codes) at a fixed width.</summary>
    public IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = UseColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = UseColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(Environment.Output),
            Interactive = InteractionSupport.No,
        });
        if (!Environment.OutputIsTerminal)
        {
            console.Profile.Width = Environment.RedirectedWidth;
        }

        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    /// <summary>Writes one JSON document (2-space indent, \n line ends, final newline).</summary>
    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        Writer.Write(Encoding.UTF8.GetString(stream.ToArray()));
        Writer.Write('\n');
    }
}
