using System;
using System.Collections.Generic;
using System.Text;

namespace CrossBorder.Policy.Analyzers.Rules;

/// <summary>
/// The data table of CBDT2002: member-name endings that suggest personal information, in English and in pinyin.
/// A name matches when its normalised form (letters and digits, lower case) ends with an entry; the longest entry
/// wins so that the message names the most specific kind.
/// </summary>
internal static class PersonalInformationNames
{
    /// <summary>(normalised ending, what it suggests). Sensitive kinds say so.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Table = new[]
    {
        // English
        Entry("idcardnumber", "a resident identity card number, sensitive (SpecificIdentity)"),
        Entry("idcardno", "a resident identity card number, sensitive (SpecificIdentity)"),
        Entry("idcard", "a resident identity card number, sensitive (SpecificIdentity)"),
        Entry("nationalid", "a national identity number, sensitive (SpecificIdentity)"),
        Entry("passportnumber", "a passport number, sensitive (SpecificIdentity)"),
        Entry("passportno", "a passport number, sensitive (SpecificIdentity)"),
        Entry("socialsecuritynumber", "a social security number, sensitive (SpecificIdentity)"),
        Entry("ssn", "a social security number, sensitive (SpecificIdentity)"),
        Entry("bankcardnumber", "a bank card number, sensitive (FinancialAccount)"),
        Entry("bankaccount", "a bank account, sensitive (FinancialAccount)"),
        Entry("creditcardnumber", "a credit card number, sensitive (FinancialAccount)"),
        Entry("phonenumber", "a phone number"),
        Entry("mobilenumber", "a mobile phone number"),
        Entry("mobilephone", "a mobile phone number"),
        Entry("cellphone", "a mobile phone number"),
        Entry("telephone", "a phone number"),
        Entry("phone", "a phone number"),
        Entry("email", "an email address"),
        Entry("emailaddress", "an email address"),
        Entry("fullname", "a person's name"),
        Entry("firstname", "a person's name"),
        Entry("lastname", "a person's name"),
        Entry("surname", "a person's name"),
        Entry("realname", "a person's name"),
        Entry("dateofbirth", "a date of birth"),
        Entry("birthdate", "a date of birth"),
        Entry("birthday", "a date of birth"),
        Entry("homeaddress", "a home address"),
        Entry("postaladdress", "a postal address"),
        Entry("streetaddress", "a street address"),
        Entry("licenseplate", "a licence plate number"),
        Entry("geolocation", "a location, sensitive (Whereabouts)"),
        Entry("gpslocation", "a location, sensitive (Whereabouts)"),
        Entry("diagnosis", "health data, sensitive (MedicalHealth)"),
        Entry("medicalrecord", "health data, sensitive (MedicalHealth)"),
        Entry("fingerprint", "biometric data, sensitive (Biometric)"),
        Entry("faceimage", "biometric data, sensitive (Biometric)"),

        // Pinyin
        Entry("shenfenzhenghao", "a resident identity card number (身份证号), sensitive (SpecificIdentity)"),
        Entry("shenfenzheng", "a resident identity card number (身份证), sensitive (SpecificIdentity)"),
        Entry("sfzh", "a resident identity card number (身份证号), sensitive (SpecificIdentity)"),
        Entry("huzhaohao", "a passport number (护照号), sensitive (SpecificIdentity)"),
        Entry("huzhao", "a passport number (护照), sensitive (SpecificIdentity)"),
        Entry("yinhangkahao", "a bank card number (银行卡号), sensitive (FinancialAccount)"),
        Entry("shoujihao", "a mobile phone number (手机号)"),
        Entry("shoujihaoma", "a mobile phone number (手机号码)"),
        Entry("dianhua", "a phone number (电话)"),
        Entry("dianhuahaoma", "a phone number (电话号码)"),
        Entry("xingming", "a person's name (姓名)"),
        Entry("youxiang", "an email address (邮箱)"),
        Entry("dianziyouxiang", "an email address (电子邮箱)"),
        Entry("jiatingzhuzhi", "a home address (家庭住址)"),
        Entry("zhuzhi", "an address (住址)"),
        Entry("chushengriqi", "a date of birth (出生日期)"),
        Entry("zhenduan", "health data (诊断), sensitive (MedicalHealth)"),
    };

    /// <summary>What <paramref name="memberName"/> suggests, or <see langword="null"/>.</summary>
    public static string? Match(string memberName)
    {
        var normalised = Normalise(memberName);
        string? best = null;
        var bestLength = 0;
        foreach (var entry in Table)
        {
            if (entry.Key.Length > bestLength && normalised.EndsWith(entry.Key, StringComparison.Ordinal))
            {
                best = entry.Value;
                bestLength = entry.Key.Length;
            }
        }

        return best;
    }

    /// <summary>
    /// The diagnostic properties of a CBDT2002 finding: <see cref="DiagnosticPropertyKeys.SensitiveCategory"/> when
    /// <paramref name="what"/> (a value of <see cref="Table"/>) ends with <c>sensitive (Category)</c>.
    /// </summary>
    public static System.Collections.Immutable.ImmutableDictionary<string, string?>? FixProperties(string what)
    {
        const string Marker = "sensitive (";
        var start = what.LastIndexOf(Marker, StringComparison.Ordinal);
        if (start < 0 || !what.EndsWith(")", StringComparison.Ordinal))
        {
            return null;
        }

        start += Marker.Length;
        var category = what.Substring(start, what.Length - 1 - start);
        return System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyKeys.SensitiveCategory, category);
    }

    private static string Normalise(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is >= 'A' and <= 'Z')
            {
                builder.Append((char)(c + ('a' - 'A')));
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static KeyValuePair<string, string> Entry(string key, string what) => new(key, what);
}
