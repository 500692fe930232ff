using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrossBorder.Policy.Corpus;

/// <summary>One expected diagnostic: its ID, the file (relative to the project, '/' separators) and the 1-based line.</summary>
internal sealed record ExpectedDiagnostic(string Id, string File, int Line) : IComparable<ExpectedDiagnostic>
{
    public int CompareTo(ExpectedDiagnostic? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byFile = string.CompareOrdinal(File, other.File);
        if (byFile != 0)
        {
            return byFile;
        }

        var byLine = Line.CompareTo(other.Line);
        return byLine != 0 ? byLine : string.CompareOrdinal(Id, other.Id);
    }

    public string ToTsv() => string.Create(CultureInfo.InvariantCulture, $"{Id}\t{File}\t{Line}");
}

/// <summary>Writes one source file line by line, knowing the line number of every line it writes.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<ExpectedDiagnostic> _expected;
    private int _indent;

    public CodeWriter(string relativePath, List<ExpectedDiagnostic> expected)
    {
        RelativePath = relativePath;
        _expected = expected;
    }

    public string RelativePath { get; }

    /// <summary>The number of lines written so far.</summary>
    public int LineCount { get; private set; }

    public string Text => _text.ToString();

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(text);
        }

        _text.Append('\n');
        LineCount++;
    }

    /// <summary>Writes a line and records that <paramref name="id"/> is expected on it (when <paramref name="id"/> is not null).</summary>
    public void Line(string text, string? id)
    {
        if (id is not null)
        {
            _expected.Add(new ExpectedDiagnostic(id, RelativePath, LineCount + 1));
        }

        Line(text);
    }

    public void Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }
}
