using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CrossBorder.Policy.Corpus;

/// <summary>
/// <c>generate --lines 20000 --density 0.05 --seed 1 --out DIR [--repo PATH] [--shape classic|web]
/// [--package-version V --feed DIR [--packages DIR]]</c> writes the corpus project (with a package version it
/// references the packed package from the folder DIR, otherwise the repository's projects);
/// <c>check --dir DIR --log BUILDLOG</c> compares the CBDT diagnostics of a build log with <c>expected-diagnostics.tsv</c>
/// (exit code 0 when they match, 1 when not). Without a command, <c>generate</c> is assumed.
/// </summary>
internal static partial class Program
{
    private static int Main(string[] args)
    {
        try
        {
            var list = args.ToList();
            var command = list.Count > 0 && !list[0].StartsWith("--", StringComparison.Ordinal) ? list[0] : "generate";
            if (list.Count > 0 && string.Equals(list[0], command, StringComparison.Ordinal))
            {
                list.RemoveAt(0);
            }

            var options = ParseOptions(list);
            return command switch
            {
                "generate" => Generate(options),
                "check" => Check(options),
                _ => throw new ArgumentException("unknown command " + command + " (generate or check)"),
            };
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }
    }

    private static Dictionary<string, string> ParseOptions(List<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException("expected --name value pairs, got " + args[i]);
            }

            options[args[i][2..]] = args[++i];
        }

        return options;
    }

    private static string Require(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException("--" + name + " is required");

    private static int Generate(Dictionary<string, string> options)
    {
        var lines = int.Parse(options.GetValueOrDefault("lines", "20000"), CultureInfo.InvariantCulture);
        var density = double.Parse(options.GetValueOrDefault("density", "0.05"), CultureInfo.InvariantCulture);
        var seed = int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture);
        var output = Path.GetFullPath(Require(options, "out"));
        var repo = Path.GetFullPath(options.GetValueOrDefault("repo") ?? FindRepositoryRoot());
        var shape = options.GetValueOrDefault("shape", "classic") switch
        {
            "classic" => CorpusShape.Classic,
            "web" => CorpusShape.Web,
            var other => throw new ArgumentException("--shape is classic or web, not " + other),
        };
        var packageVersion = options.GetValueOrDefault("package-version");
        var package = packageVersion is null
            ? new PackageSource(null, null, null)
            : new PackageSource(
                packageVersion,
                Path.GetFullPath(Require(options, "feed")),
                Path.GetFullPath(options.GetValueOrDefault("packages") ?? Path.Combine(output, "packages")));
        if (density is < 0 or > 1 || lines < 1)
        {
            throw new ArgumentException("--density must be in [0, 1] and --lines positive");
        }

        var generator = new CorpusGenerator(new CorpusOptions(lines, density, seed, shape));
        var files = generator.Generate();
        if (Directory.Exists(Path.Combine(output, "src")))
        {
            Directory.Delete(Path.Combine(output, "src"), recursive: true);
        }

        Directory.CreateDirectory(output);
        foreach (var (path, text) in files)
        {
            Write(Path.Combine(output, path), text);
        }

        ProjectFiles.Write(output, repo, shape, package);
        var expected = new StringBuilder("id\tfile\tline\n");
        foreach (var diagnostic in generator.Expected)
        {
            expected.Append(diagnostic.ToTsv()).Append('\n');
        }

        Write(Path.Combine(output, "expected-diagnostics.tsv"), expected.ToString());
        var stats = generator.Stats;
        var byId = generator.Expected.GroupBy(e => e.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"\"{g.Key}\": {g.Count()}"));
        var shapes = stats.FlowsByShape.Select(p => string.Create(CultureInfo.InvariantCulture, $"\"{p.Key}\": {p.Value}"));
        var taint = stats.TaintSinks.Select(p => string.Create(CultureInfo.InvariantCulture, $"\"{p.Key}\": {p.Value}"));
        var json = string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "lines": {{stats.Lines}},
              "density": {{density.ToString("R", CultureInfo.InvariantCulture)}},
              "seed": {{seed}},
              "shape": "{{(shape == CorpusShape.Web ? "web" : "classic")}}",
              "package": "{{packageVersion ?? "project references"}}",
              "files": {{stats.Files}},
              "modules": {{stats.Modules}},
              "types": {{stats.Types}},
              "classifiedTypes": {{stats.ClassifiedTypes}},
              "flows": {{stats.Flows}},
              "flowsByShape": { {{string.Join(", ", shapes)}} },
              "expected": { {{string.Join(", ", byId)}} },
              "netAnalyzersTaintSinks": { {{string.Join(", ", taint)}} }
            }

            """);
        Write(Path.Combine(output, "corpus.json"), json);
        Console.Out.Write(json);
        return 0;
    }

    private static int Check(Dictionary<string, string> options)
    {
        var dir = Path.GetFullPath(Require(options, "dir"));
        var log = Require(options, "log");
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(dir, "expected-diagnostics.tsv")).Skip(1))
        {
            if (line.Length > 0)
            {
                expected.Add(line);
            }
        }

        var actual = new SortedSet<string>(StringComparer.Ordinal);
        var otherIds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var prefix = dir.Replace('\\', '/').TrimEnd('/') + "/";
        foreach (var line in File.ReadAllLines(log))
        {
            var match = DiagnosticLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            if (!CorpusGenerator.ModeledIds.Contains(match.Groups["id"].Value))
            {
                // Rules the corpus does not model (adequacy of a mechanism, declarations): counted, not compared.
                otherIds[match.Groups["id"].Value] = otherIds.GetValueOrDefault(match.Groups["id"].Value) + 1;
                continue;
            }

            var file = match.Groups["file"].Value.Replace('\\', '/');
            file = file.StartsWith(prefix, StringComparison.Ordinal) ? file[prefix.Length..] : file;
            actual.Add(string.Create(CultureInfo.InvariantCulture, $"{match.Groups["id"].Value}\t{file}\t{match.Groups["line"].Value}"));
        }

        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected, StringComparer.Ordinal).ToList();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"expected {expected.Count}, reported {actual.Count}, matched {expected.Count - missing.Count}, missing {missing.Count}, unexpected {unexpected.Count}"));
        foreach (var (id, count) in otherIds)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"not modeled by the corpus (not compared): {id} x{count} log lines"));
        }

        foreach (var m in missing)
        {
            Console.Out.WriteLine("missing:    " + m);
        }

        foreach (var u in unexpected)
        {
            Console.Out.WriteLine("unexpected: " + u);
        }

        return missing.Count == 0 && unexpected.Count == 0 ? 0 : 1;
    }

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*\.cs)\((?<line>\d+),\d+(?:,\d+,\d+)?\): (?:warning|error) (?<id>CBDT\d{4})\b")]
    private static partial Regex DiagnosticLine();

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Policy.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new ArgumentException("run inside the repository or pass --repo");
    }

    internal static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
