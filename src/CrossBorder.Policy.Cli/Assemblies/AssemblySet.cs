using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using CrossBorder.Policy.Build;

namespace CrossBorder.Policy.Cli.Assemblies;

/// <summary>The manifests read from the assemblies given on the command line (DLL files or folders of them).</summary>
/// <param name="Manifests">The embedded manifests, ordered by assembly name.</param>
/// <param name="WithoutManifest">Paths of .NET assemblies that carry no manifest.</param>
/// <param name="NotDotNet">Paths of DLLs found in a folder that are native binaries (no .NET metadata).</param>
internal sealed record AssemblySet(IReadOnlyList<EmbeddedManifest> Manifests, IReadOnlyList<string> WithoutManifest, IReadOnlyList<string> NotDotNet)
{
    /// <summary>One line for standard error: how many assemblies were read and skipped.</summary>
    public string Summary()
    {
        var read = Manifests.Count == 1 ? "1 assembly" : Manifests.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " assemblies";
        var line = "crossborder: read the manifest of " + read;
        if (Manifests.Count > 0)
        {
            line += " (" + string.Join(", ", Manifests.Select(m => m.AssemblyName)) + ")";
        }

        line += "; skipped " + WithoutManifest.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " without a manifest";
        if (NotDotNet.Count > 0)
        {
            line += " and " + NotDotNet.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " native DLL" + (NotDotNet.Count == 1 ? string.Empty : "s");
        }

        return line + ".";
    }

    /// <summary>True when <paramref name="path"/> names a DLL/EXE file or a folder, i.e. an assembly input rather than a JSON manifest.</summary>
    public static bool IsAssemblyInput(string path) =>
        Directory.Exists(path)
        || path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads every given DLL, and every <c>*.dll</c> directly inside every given folder. A DLL named explicitly must be
    /// a readable .NET assembly; in a folder, native DLLs are skipped. Throws <see cref="CliException"/> (exit 3) for a
    /// missing path, an empty folder, or an assembly that is damaged or carries a manifest that cannot be read.
    /// </summary>
    public static AssemblySet Read(IEnumerable<string> paths)
    {
        var files = new List<(string Path, bool Explicit)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var dlls = Directory.GetFiles(path, "*.dll", SearchOption.TopDirectoryOnly).OrderBy(p => p, StringComparer.Ordinal).ToArray();
                if (dlls.Length == 0)
                {
                    throw CliException.Input(path + ": the folder contains no .dll files; give the output folder of a build (for example bin/Release/net8.0).");
                }

                files.AddRange(dlls.Select(d => (d, false)));
            }
            else if (File.Exists(path))
            {
                files.Add((path, true));
            }
            else
            {
                throw CliException.Input(path + ": file or folder not found.");
            }
        }

        var manifests = new List<EmbeddedManifest>();
        var without = new List<string>();
        var native = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, isExplicit) in files)
        {
            if (!seen.Add(Path.GetFullPath(path)))
            {
                continue;
            }

            if (!isExplicit && IsNative(path))
            {
                native.Add(path);
                continue;
            }

            EmbeddedManifest? manifest;
            try
            {
                manifest = EmbeddedManifestReader.Read(path);
            }
            catch (EmbeddedManifestException e)
            {
                throw CliException.Input(e.Message + " (" + e.DiagnosticId + ")");
            }

            if (manifest is null)
            {
                without.Add(path);
            }
            else
            {
                manifests.Add(manifest);
            }
        }

        var duplicate = manifests.GroupBy(m => m.AssemblyName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw CliException.Input("the assembly " + duplicate.Key + " was given twice (two files with the same assembly name); give each assembly of the application once.");
        }

        return new AssemblySet(manifests.OrderBy(m => m.AssemblyName, StringComparer.Ordinal).ToArray(), without, native);
    }

    /// <summary>A valid PE image without .NET metadata (a native library beside the assemblies, such as e_sqlite3.dll).</summary>
    private static bool IsNative(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return pe.PEHeaders.CorHeader is null;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            // Not a PE file at all, or unreadable: the manifest reader reports it (exit 3).
            return false;
        }
    }
}
