using System;
using System.Text;

namespace CrossBorder.Policy.Build;

/// <summary>Ordinal string helpers that compile the same for netstandard2.0 and net8.0 (where the analyzers want a StringComparison).</summary>
internal static class OrdinalText
{
    public static int IndexOf(string text, char c) => text.IndexOfAny(new[] { c });

    public static string Replace(string text, string oldValue, string newValue)
    {
        var index = text.IndexOf(oldValue, StringComparison.Ordinal);
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var start = 0;
        while (index >= 0)
        {
            builder.Append(text, start, index - start).Append(newValue);
            start = index + oldValue.Length;
            index = text.IndexOf(oldValue, start, StringComparison.Ordinal);
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }
}
