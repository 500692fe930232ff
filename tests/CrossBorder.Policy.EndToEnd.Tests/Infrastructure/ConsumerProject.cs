using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fresh project in a temporary folder that installs this run's package with one PackageReference, the way a
/// user does: restore from the temporary feed (RestoreAdditionalProjectSources, no nuget.config) into the run's
/// own packages folder, build with TreatWarningsAsErrors. Empty Directory.Build.* and Directory.Packages.props
/// files stop MSBuild from importing anything from the folders above. Disposing deletes the folder.
/// </summary>
public sealed class ConsumerProject : IDisposable
{
    private static int s_counter;

    private ConsumerProject(PackageFixture package, string name, string directory)
    {
        Package = package;
        Name = name;
        Directory = directory;
    }

    public PackageFixture Package { get; }

    public string Name { get; }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, Name + ".csproj");

    /// <summary>Creates the project folder.</summary>
    /// <param name="package">The run's package.</param>
    /// <param name="name">Project (and assembly) name; a valid C# identifier keeps RootNamespace predictable.</param>
    /// <param name="targetFrameworks">One or more target frameworks, separated by semicolons.</param>
    /// <param name="properties">Extra MSBuild properties written into the project file.</param>
    /// <param name="referencePackage">Whether the project references the package (a transitive consumer does not).</param>
    /// <param name="projectReferences">Paths of other consumer projects this one references.</param>
    /// <param name="importSettings">
    /// Whether the project imports the file named by the global property <c>CrossBorderE2ESettings</c> at its end:
    /// properties set there behave as if written in the project file (unlike <c>-p</c>, which makes them global),
    /// so one restored project can be evaluated with many configurations.
    /// </param>
    public static ConsumerProject Create(
        PackageFixture package,
        string name,
        string targetFrameworks = "net10.0",
        IReadOnlyDictionary<string, string>? properties = null,
        bool referencePackage = true,
        IReadOnlyList<string>? projectReferences = null,
        bool importSettings = false)
    {
        var directory = Path.Combine(package.ConsumersDirectory, $"{name}-{Interlocked.Increment(ref s_counter)}");
        System.IO.Directory.CreateDirectory(directory);
        var project = new ConsumerProject(package, name, directory);

        project.WriteFile("Directory.Build.props", "<Project />\n");
        project.WriteFile("Directory.Build.targets", "<Project />\n");
        project.WriteFile("Directory.Packages.props", "<Project />\n");
        var globalJson = Path.Combine(package.RepositoryRoot, "global.json");
        if (File.Exists(globalJson))
        {
            File.Copy(globalJson, Path.Combine(directory, "global.json"));
        }

        var xml = new StringBuilder();
        xml.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        xml.AppendLine("  <PropertyGroup>");
        AppendProperty(xml, targetFrameworks.Contains(';') ? "TargetFrameworks" : "TargetFramework", targetFrameworks);
        AppendProperty(xml, "OutputType", "Library");
        AppendProperty(xml, "Nullable", "enable");
        AppendProperty(xml, "ImplicitUsings", "disable");
        AppendProperty(xml, "LangVersion", "latest");
        AppendProperty(xml, "TreatWarningsAsErrors", "true");
        AppendProperty(xml, "ManagePackageVersionsCentrally", "false");

        // Keep the consumers' output about the package: no vulnerability lookup (the package has no dependencies,
        // and an unreachable audit source is a warning), no end-of-support notice for net8.0 from newer SDKs.
        AppendProperty(xml, "NuGetAudit", "false");
        AppendProperty(xml, "CheckEolTargetFramework", "false");
        AppendProperty(xml, "RestoreAdditionalProjectSources", package.FeedDirectory);
        AppendProperty(xml, "RestorePackagesPath", package.PackagesDirectory);
        foreach (var (key, value) in properties ?? new Dictionary<string, string>())
        {
            AppendProperty(xml, key, value);
        }

        xml.AppendLine("  </PropertyGroup>");
        xml.AppendLine("  <ItemGroup>");
        if (referencePackage)
        {
            xml.AppendLine($"    <PackageReference Include=\"{PackageFixture.PackageId}\" Version=\"{package.PackageVersion}\" />");
        }

        foreach (var reference in projectReferences ?? [])
        {
            xml.AppendLine($"    <ProjectReference Include=\"{SecurityElement.Escape(reference)}\" />");
        }

        xml.AppendLine("  </ItemGroup>");
        if (importSettings)
        {
            xml.AppendLine("  <Import Project=\"$(CrossBorderE2ESettings)\" Condition=\"'$(CrossBorderE2ESettings)' != ''\" />");
        }

        xml.AppendLine("</Project>");
        project.WriteFile(name + ".csproj", xml.ToString());
        return project;
    }

    /// <summary>Writes a settings file for <c>importSettings</c> projects and returns its path.</summary>
    public string WriteSettings(IReadOnlyDictionary<string, string> properties)
    {
        var xml = new StringBuilder("<Project>\n  <PropertyGroup>\n");
        foreach (var (key, value) in properties)
        {
            AppendProperty(xml, key, value);
        }

        xml.Append("  </PropertyGroup>\n</Project>\n");
        return WriteFile(Path.Combine("settings", $"settings-{Interlocked.Increment(ref s_counter)}.props"), xml.ToString());
    }

    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary><c>dotnet build</c> (with its implicit restore) in Debug.</summary>
    public Task<ProcessResult> BuildAsync(params string[] extraArguments) =>
        DotNet.RunAsync(Directory, ["build", ProjectPath, "-c", "Debug", "--disable-build-servers", "-nologo", .. extraArguments]);

    /// <summary>The built assembly of one target framework.</summary>
    public string OutputAssembly(string targetFramework) => Path.Combine(Directory, "bin", "Debug", targetFramework, Name + ".dll");

    /// <summary>
    /// Restores, runs <paramref name="targets"/> and reads properties and items as they are after those targets
    /// (<c>dotnet msbuild -getProperty -getItem</c>): evaluation and our targets, without compiling.
    /// </summary>
    public async Task<MSBuildQuery> QueryAsync(
        string targets,
        IReadOnlyList<string> properties,
        IReadOnlyList<string>? items = null,
        IReadOnlyDictionary<string, string>? globalProperties = null)
    {
        var arguments = new List<string> { "msbuild", ProjectPath, "-restore", "-t:" + targets, "--disable-build-servers", "-nologo" };

        // With a single -getProperty and no -getItem MSBuild prints the bare value; asking for the project path
        // as well always gives JSON.
        foreach (var property in properties.Append("MSBuildProjectFullPath").Distinct(StringComparer.Ordinal))
        {
            arguments.Add("-getProperty:" + property);
        }

        foreach (var item in items ?? [])
        {
            arguments.Add("-getItem:" + item);
        }

        foreach (var (key, value) in globalProperties ?? new Dictionary<string, string>())
        {
            // MSBuild reads ';' and ',' as separators in -p; escape them so a value arrives whole.
            arguments.Add($"-p:{key}={value.Replace("%", "%25").Replace(";", "%3B").Replace(",", "%2C")}");
        }

        var result = await DotNet.RunAsync(Directory, arguments);
        return new MSBuildQuery(result);
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("CROSSBORDER_E2E_KEEP") != "1")
        {
            TempDirectory.DeleteQuietly(Directory);
        }
    }

    private static void AppendProperty(StringBuilder xml, string name, string value) =>
        xml.AppendLine($"    <{name}>{SecurityElement.Escape(value)}</{name}>");
}

/// <summary>The JSON that <c>dotnet msbuild -getProperty -getItem</c> prints, with the process result for messages.</summary>
public sealed class MSBuildQuery
{
    private readonly JsonElement _root;

    public MSBuildQuery(ProcessResult result)
    {
        Result = result;
        var json = result.StandardOutput;
        var start = json.IndexOf('{', StringComparison.Ordinal);
        if (result.Succeeded && start >= 0)
        {
            try
            {
                _root = JsonDocument.Parse(json[start..]).RootElement.Clone();
            }
            catch (JsonException)
            {
                _root = default;
            }
        }
    }

    public ProcessResult Result { get; }

    public string Property(string name)
    {
        Assert.True(_root.ValueKind == JsonValueKind.Object && _root.TryGetProperty("Properties", out var properties) && properties.TryGetProperty(name, out _),
            $"MSBuild did not report property {name}.\n{Result}");
        return _root.GetProperty("Properties").GetProperty(name).GetString() ?? "";
    }

    /// <summary>Every item of one type, each as its metadata (Identity, FullPath, custom metadata, ...).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Items(string itemType)
    {
        var items = default(JsonElement);
        Assert.True(_root.ValueKind == JsonValueKind.Object && _root.TryGetProperty("Items", out items),
            $"MSBuild did not report items.\n{Result}");
        if (!items.TryGetProperty(itemType, out var list))
        {
            return [];
        }

        return list.EnumerateArray()
            .Select(item => (IReadOnlyDictionary<string, string>)item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal))
            .ToList();
    }
}
