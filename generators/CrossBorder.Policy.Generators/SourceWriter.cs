using System;
using System.Text;

namespace CrossBorder.Policy.Generators;

/// <summary>Writes C# source with four-space indentation and <c>\n</c> line ends, whatever the host platform.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(line);
        }

        _builder.Append('\n');
    }

    public void WriteLine() => _builder.Append('\n');

    public void OpenBlock()
    {
        WriteLine("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indent--;
        WriteLine("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent = Math.Max(0, _indent - 1);

    public override string ToString() => _builder.ToString();
}
