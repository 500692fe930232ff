using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CrossBorder.Policy.Build;

/// <summary>What <see cref="ReportFileWriter.Write"/> did.</summary>
/// <param name="Written">Full paths of the files created or replaced.</param>
/// <param name="Unchanged">Full paths of the files whose content was already identical (left untouched, timestamps kept).</param>
public sealed record ReportWriteResult(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged)
{
    /// <summary>Every output file, written or unchanged, ordinally sorted.</summary>
    public IReadOnlyList<string> All => Written.Concat(Unchanged).OrderBy(p => p, StringComparer.Ordinal).ToArray();
}

/// <summary>Writes rendered files, touching only those whose bytes changed, so that an unchanged manifest keeps its timestamps.</summary>
public static class ReportFileWriter
{
    /// <summary>
    /// Writes <paramref name="files"/> into <paramref name="directory"/> (created when missing). A file whose current bytes
    /// equal the new bytes is not rewritten. Each write goes to a temporary file first and then replaces the target, so a
    /// reader never sees half a report. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static ReportWriteResult Write(string directory, IEnumerable<ReportFile> files)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var unchanged = new List<string>();
        foreach (var file in files)
        {
            var path = Path.GetFullPath(Path.Combine(directory, file.FileName));
            if (File.Exists(path) && SameBytes(path, file.Content))
            {
                unchanged.Add(path);
                continue;
            }

            var temp = path + ".tmp";
            File.WriteAllBytes(temp, file.Content);
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(temp, path);
            written.Add(path);
        }

        return new ReportWriteResult(written, unchanged);
    }

    private static bool SameBytes(string path, byte[] content)
    {
        var info = new FileInfo(path);
        if (info.Length != content.Length)
        {
            return false;
        }

        var existing = File.ReadAllBytes(path);
        for (var i = 0; i < existing.Length; i++)
        {
            if (existing[i] != content[i])
            {
                return false;
            }
        }

        return true;
    }
}
