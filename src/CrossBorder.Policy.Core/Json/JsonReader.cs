using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrossBorder.Policy.Core.Json;

/// <summary>A syntax error in JSON text, with the line and column where it was found.</summary>
public sealed class JsonReadException : Exception
{
    public JsonReadException(string message, TextPosition position)
        : base(string.Format(CultureInfo.InvariantCulture, "({0},{1}): {2}", position.Line, position.Column, message))
    {
        Reason = message;
        Position = position;
    }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }

    public TextPosition Position { get; }
}

/// <summary>Options of <see cref="JsonReader"/>.</summary>
public sealed class JsonReaderOptions
{
    /// <summary>Strict RFC 8259 JSON.</summary>
    public static readonly JsonReaderOptions Strict = new(allowComments: false);

    /// <summary>JSON with <c>//</c> and <c>/* */</c> comments, as editors accept in configuration files.</summary>
    public static readonly JsonReaderOptions WithComments = new(allowComments: true);

    public JsonReaderOptions(bool allowComments, int maxDepth = 64)
    {
        AllowComments = allowComments;
        MaxDepth = maxDepth;
    }

    public bool AllowComments { get; }

    public int MaxDepth { get; }
}

/// <summary>
/// A small, dependency-free JSON reader that records the position of every value. Core cannot depend on
/// System.Text.Json: it loads into the compiler beside the analyzers, in hosts that do not ship it.
/// </summary>
public sealed class JsonReader
{
    private readonly string _text;
    private readonly JsonReaderOptions _options;
    private int _index;
    private int _line = 1;
    private int _lineStart;

    private JsonReader(string text, JsonReaderOptions options)
    {
        _text = text;
        _options = options;
    }

    /// <summary>Parses one JSON document. Throws <see cref="JsonReadException"/> with a position on any error.</summary>
    public static JsonNode Parse(string text, JsonReaderOptions? options = null)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var reader = new JsonReader(text, options ?? JsonReaderOptions.Strict);
        if (reader._index < text.Length && text[0] == '\uFEFF')
        {
            reader._index = 1;
            reader._lineStart = 1;
        }

        reader.SkipTrivia();
        if (reader._index >= text.Length)
        {
            throw new JsonReadException("the document is empty; expected a JSON value", reader.Here);
        }

        var value = reader.ReadValue(0);
        reader.SkipTrivia();
        if (reader._index < text.Length)
        {
            throw new JsonReadException($"unexpected {Describe(text[reader._index])} after the end of the document", reader.Here);
        }

        return value;
    }

    private TextPosition Here => new(_line, _index - _lineStart + 1);

    private JsonNode ReadValue(int depth)
    {
        if (depth > _options.MaxDepth)
        {
            throw new JsonReadException($"the document nests deeper than {_options.MaxDepth.ToString(CultureInfo.InvariantCulture)} levels", Here);
        }

        var start = Here;
        var c = _text[_index];
        switch (c)
        {
            case '{':
                return ReadObject(depth, start);
            case '[':
                return ReadArray(depth, start);
            case '"':
                return new JsonString(ReadString(), start);
            case 't':
                ExpectWord("true");
                return JsonLiteral.True(start);
            case 'f':
                ExpectWord("false");
                return JsonLiteral.False(start);
            case 'n':
                ExpectWord("null");
                return JsonLiteral.Null(start);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return new JsonNumber(ReadNumber(), start);
                }

                throw new JsonReadException($"unexpected {Describe(c)}; expected a JSON value", start);
        }
    }

    private JsonObject ReadObject(int depth, TextPosition start)
    {
        _index++;
        var properties = new List<JsonProperty>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        SkipTrivia();
        if (Peek() == '}')
        {
            _index++;
            return new JsonObject(properties, start);
        }

        while (true)
        {
            SkipTrivia();
            var namePosition = Here;
            if (Peek() != '"')
            {
                throw new JsonReadException(_index >= _text.Length
                    ? "unexpected end of the document; expected a property name"
                    : $"unexpected {Describe(_text[_index])}; expected a property name in double quotes", namePosition);
            }

            var name = ReadString();
            if (!names.Add(name))
            {
                throw new JsonReadException($"duplicate property '{name}'", namePosition);
            }

            SkipTrivia();
            Expect(':', "':' after the property name");
            SkipTrivia();
            if (_index >= _text.Length)
            {
                throw new JsonReadException("unexpected end of the document; expected a value", Here);
            }

            properties.Add(new JsonProperty(name, ReadValue(depth + 1), namePosition));
            SkipTrivia();
            var next = Peek();
            if (next == ',')
            {
                _index++;
                continue;
            }

            if (next == '}')
            {
                _index++;
                return new JsonObject(properties, start);
            }

            throw new JsonReadException(_index >= _text.Length
                ? "unexpected end of the document; expected ',' or '}'"
                : $"unexpected {Describe(_text[_index])}; expected ',' or '}}'", Here);
        }
    }

    private JsonArray ReadArray(int depth, TextPosition start)
    {
        _index++;
        var items = new List<JsonNode>();
        SkipTrivia();
        if (Peek() == ']')
        {
            _index++;
            return new JsonArray(items, start);
        }

        while (true)
        {
            SkipTrivia();
            if (_index >= _text.Length)
            {
                throw new JsonReadException("unexpected end of the document; expected a value", Here);
            }

            items.Add(ReadValue(depth + 1));
            SkipTrivia();
            var next = Peek();
            if (next == ',')
            {
                _index++;
                continue;
            }

            if (next == ']')
            {
                _index++;
                return new JsonArray(items, start);
            }

            throw new JsonReadException(_index >= _text.Length
                ? "unexpected end of the document; expected ',' or ']'"
                : $"unexpected {Describe(_text[_index])}; expected ',' or ']'", Here);
        }
    }

    private string ReadString()
    {
        var start = Here;
        _index++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_index >= _text.Length)
            {
                throw new JsonReadException("unterminated string", start);
            }

            var c = _text[_index];
            if (c == '"')
            {
                _index++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                var escapePosition = Here;
                _index++;
                if (_index >= _text.Length)
                {
                    throw new JsonReadException("unterminated string", start);
                }

                var e = _text[_index++];
                switch (e)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_index + 4 > _text.Length ||
                            !int.TryParse(_text.Substring(_index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new JsonReadException("invalid \\u escape; expected four hexadecimal digits", escapePosition);
                        }

                        builder.Append((char)code);
                        _index += 4;
                        break;
                    default:
                        throw new JsonReadException($"invalid escape '\\{e}' in a string", escapePosition);
                }

                continue;
            }

            if (c < ' ')
            {
                throw new JsonReadException(c == '\n' ? "unterminated string (a line break must be written as \\n)" : "control character in a string; escape it", Here);
            }

            builder.Append(c);
            _index++;
        }
    }

    private string ReadNumber()
    {
        var start = _index;
        var startPosition = Here;
        if (Peek() == '-')
        {
            _index++;
        }

        if (Peek() == '0')
        {
            _index++;
        }
        else if (IsDigit(Peek()))
        {
            while (IsDigit(Peek()))
            {
                _index++;
            }
        }
        else
        {
            throw new JsonReadException("invalid number; expected a digit", startPosition);
        }

        if (Peek() == '.')
        {
            _index++;
            if (!IsDigit(Peek()))
            {
                throw new JsonReadException("invalid number; expected a digit after '.'", startPosition);
            }

            while (IsDigit(Peek()))
            {
                _index++;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _index++;
            if (Peek() is '+' or '-')
            {
                _index++;
            }

            if (!IsDigit(Peek()))
            {
                throw new JsonReadException("invalid number; expected a digit in the exponent", startPosition);
            }

            while (IsDigit(Peek()))
            {
                _index++;
            }
        }

        if (IsDigit(Peek()) || char.IsLetter(Peek()))
        {
            throw new JsonReadException("invalid number", startPosition);
        }

        return _text.Substring(start, _index - start);
    }

    private void ExpectWord(string word)
    {
        var start = Here;
        if (string.CompareOrdinal(_text, _index, word, 0, word.Length) != 0 ||
            (_index + word.Length < _text.Length && char.IsLetterOrDigit(_text[_index + word.Length])))
        {
            throw new JsonReadException($"unexpected {Describe(_text[_index])}; expected a JSON value (strings need double quotes)", start);
        }

        _index += word.Length;
    }

    private void Expect(char c, string what)
    {
        if (Peek() != c)
        {
            throw new JsonReadException(_index >= _text.Length
                ? $"unexpected end of the document; expected {what}"
                : $"unexpected {Describe(_text[_index])}; expected {what}", Here);
        }

        _index++;
    }

    private void SkipTrivia()
    {
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c == '\n')
            {
                _index++;
                _line++;
                _lineStart = _index;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                _index++;
            }
            else if (c == '/' && _index + 1 < _text.Length && (_text[_index + 1] == '/' || _text[_index + 1] == '*'))
            {
                if (!_options.AllowComments)
                {
                    throw new JsonReadException("comments are not allowed here", Here);
                }

                if (_text[_index + 1] == '/')
                {
                    while (_index < _text.Length && _text[_index] != '\n')
                    {
                        _index++;
                    }
                }
                else
                {
                    var start = Here;
                    _index += 2;
                    while (true)
                    {
                        if (_index + 1 >= _text.Length)
                        {
                            throw new JsonReadException("unterminated comment", start);
                        }

                        if (_text[_index] == '*' && _text[_index + 1] == '/')
                        {
                            _index += 2;
                            break;
                        }

                        if (_text[_index] == '\n')
                        {
                            _line++;
                            _lineStart = _index + 1;
                        }

                        _index++;
                    }
                }
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => _index < _text.Length ? _text[_index] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static string Describe(char c) => c < ' ' || c > '~'
        ? "character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
        : $"'{c}'";
}
