using System;
using System.Text;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>
/// A reference to an article of an instrument, with the confidence of the research behind it.
/// <see cref="Article"/> uses the forms <c>41</c>, <c>5(4)</c>, <c>5(1)-(3)</c>, <c>21 para. 2</c> and <c>3-6</c>;
/// <see langword="null"/> cites the instrument as a whole.
/// </summary>
public sealed record Citation(InstrumentId Instrument, string? Article, Confidence Confidence)
{
    /// <summary>The cited instrument.</summary>
    public Instrument Source => Instruments.Get(Instrument);

    /// <summary>The confidence tag as written in the research: <c>[P]</c>, <c>[S]</c> or <c>[U]</c>.</summary>
    public string Tag => ConfidenceTag(Confidence);

    /// <summary>The citation without its tag, for example <c>Provisions 2024 Art. 5(4)</c>.</summary>
    public string Reference => Article is null ? Source.ShortName : Source.ShortName + " Art. " + Article;

    /// <summary>The citation in Chinese, for example <c>《促进和规范数据跨境流动规定》第五条第（四）项</c>.</summary>
    public string ReferenceZh => "《" + Source.ChineseName + "》" + (Article is null ? string.Empty : ChineseArticle(Article));

    /// <summary>For example <c>Provisions 2024 Art. 5(4) [S]</c>.</summary>
    public override string ToString() => Reference + " " + Tag;

    public static string ConfidenceTag(Confidence confidence) => confidence switch
    {
        Confidence.Primary => "[P]",
        Confidence.Secondary => "[S]",
        _ => "[U]",
    };

    /// <summary>Writes an article reference in Chinese: <c>5(4)</c> gives 第五条第（四）项, <c>21 para. 2</c> gives 第二十一条第二款.</summary>
    internal static string ChineseArticle(string article)
    {
        // Article ranges: "3-6" and "5(1)-(3)".
        var dash = article.IndexOf('-');
        if (dash > 0)
        {
            var first = article.Substring(0, dash);
            var second = article.Substring(dash + 1);
            if (second.StartsWith("(", StringComparison.Ordinal))
            {
                var head = ChineseArticle(first);
                return TryParseItem(second, out var lastItem) ? head + "至第（" + ChineseNumber(lastItem) + "）项" : article;
            }

            return ChineseArticle(first) + "至" + ChineseArticle(second);
        }

        var paragraph = article.IndexOf(" para. ", StringComparison.Ordinal);
        if (paragraph > 0 &&
            int.TryParse(article.Substring(0, paragraph), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) &&
            int.TryParse(article.Substring(paragraph + 7), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var paragraphNumber))
        {
            return "第" + ChineseNumber(number) + "条第" + ChineseNumber(paragraphNumber) + "款";
        }

        var open = article.IndexOf('(');
        var numberText = open < 0 ? article : article.Substring(0, open);
        if (!int.TryParse(numberText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var articleNumber))
        {
            return article;
        }

        var builder = new StringBuilder("第").Append(ChineseNumber(articleNumber)).Append('条');
        if (open >= 0)
        {
            var rest = article.Substring(open);
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(')');
                if (!rest.StartsWith("(", StringComparison.Ordinal) || close < 0 || !TryParseItem(rest.Substring(0, close + 1), out var item))
                {
                    return article;
                }

                builder.Append("第（").Append(ChineseNumber(item)).Append("）项");
                rest = rest.Substring(close + 1);
            }
        }

        return builder.ToString();
    }

    private static bool TryParseItem(string text, out int item)
    {
        item = 0;
        return text.Length > 2 && text[0] == '(' && text[text.Length - 1] == ')' &&
            int.TryParse(text.Substring(1, text.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out item);
    }

    /// <summary>Chinese numerals for 1 to 999 (一, 十, 二十一, 一百零五).</summary>
    internal static string ChineseNumber(int value)
    {
        const string digits = "零一二三四五六七八九";
        if (value <= 0 || value > 999)
        {
            return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var builder = new StringBuilder();
        var hundreds = value / 100;
        var tens = value / 10 % 10;
        var ones = value % 10;
        if (hundreds > 0)
        {
            builder.Append(digits[hundreds]).Append('百');
            if (tens == 0 && ones > 0)
            {
                builder.Append('零');
            }
        }

        if (tens > 0)
        {
            if (tens > 1 || hundreds > 0)
            {
                builder.Append(digits[tens]);
            }

            builder.Append('十');
        }

        if (ones > 0)
        {
            builder.Append(digits[ones]);
        }

        return builder.ToString();
    }
}
