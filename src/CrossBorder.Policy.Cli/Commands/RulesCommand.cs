using System.CommandLine;
using System.Linq;
using CrossBorder.Policy.Cli.Rules;

namespace CrossBorder.Policy.Cli.Commands;

/// <summary><c>crossborder rules [--json]</c>: every diagnostic id with its title, default severity, category and page.</summary>
internal sealed class RulesCommand
{
    private readonly CliEnvironment _environment;
    private readonly GlobalOptions _globals;

    public RulesCommand(CliEnvironment environment, GlobalOptions globals)
    {
        _environment = environment;
        _globals = globals;
    }

    public Command Build()
    {
        var command = new Command("rules", "List every rule: id, title, default severity, category, who raises it and its documentation page.");
        command.SetAction(parseResult =>
        {
            var output = new Output(_environment, parseResult.GetValue(_globals.Json), parseResult.GetValue(_globals.NoColor));
            var rules = RuleCatalog.All();
            if (output.Json)
            {
                output.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("command", "rules");
                    w.WriteStartArray("rules");
                    foreach (var r in rules)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", r.Id);
                        w.WriteString("title", r.Title);
                        w.WriteString("severity", r.Severity);
                        w.WriteString("category", r.Category);
                        w.WriteString("source", r.Source);
                        w.WriteString("helpLink", r.HelpLink);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            var categoryWidth = rules.Max(r => r.Category.Length);
            var sourceWidth = rules.Max(r => r.Source.Length);
            var writer = output.Writer;
            writer.WriteLine("ID        Severity  " + "Category".PadRight(categoryWidth) + "  " + "Raised by".PadRight(sourceWidth) + "  Title");
            foreach (var r in rules)
            {
                writer.WriteLine(r.Id + "  " + r.Severity.PadRight(8) + "  " + r.Category.PadRight(categoryWidth) + "  " + r.Source.PadRight(sourceWidth) + "  " + r.Title);
                writer.WriteLine(new string(' ', 10) + r.HelpLink);
            }

            var analyzerRules = rules.Count(r => r.Source == "analyzer");
            writer.WriteLine(string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "{0} rules: {1} analyzer, {2} configuration.",
                rules.Count,
                analyzerRules,
                rules.Count - analyzerRules));
            return ExitCodes.Success;
        });
        return command;
    }
}
