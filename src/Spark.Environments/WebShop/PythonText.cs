using System.Globalization;
using System.Text;

namespace Spark.Environments.WebShop;

/// <summary>
/// The few Python string behaviours WebShop's pages and prices depend on: <c>repr(float)</c>, <c>str.strip()</c>,
/// the JSON that Flask's <c>tojson</c> filter writes, and how BeautifulSoup turns a text node into a page part.
/// </summary>
public static class PythonText
{
    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, fixed notation for 1e-4 ≤ |x| &lt; 1e16,
    /// always with a fractional part ("100.0", "24.49", "1e-05", "1e+16").</summary>
    public static string FloatRepr(double x)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x > 0 ? "inf" : "-inf";
        string sign = x < 0 || (x == 0 && double.IsNegative(x)) ? "-" : "";
        string r = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        string mantissa = r, exponentText = "0";
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0) { mantissa = r[..e]; exponentText = r[(e + 1)..]; }
        int dot = mantissa.IndexOf('.');
        int intLength = dot >= 0 ? dot : mantissa.Length;
        string all = mantissa.Replace(".", "");
        int leadingZeros = all.Length - all.TrimStart('0').Length;
        string digits = all.Trim('0');
        if (digits.Length == 0) return sign + "0.0";
        int decpt = intLength - leadingZeros + int.Parse(exponentText, CultureInfo.InvariantCulture);

        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0) return sign + "0." + new string('0', -decpt) + digits;
            if (decpt >= digits.Length) return sign + digits + new string('0', decpt - digits.Length) + ".0";
            return sign + digits[..decpt] + "." + digits[decpt..];
        }
        int exp = decpt - 1;
        string m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
        return $"{sign}{m}e{(exp < 0 ? '-' : '+')}{Math.Abs(exp):00}";
    }

    /// <summary>Python's <c>f"{x:.2f}"</c>.</summary>
    public static string Fixed2(double x) => x.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>Python's <c>str.isspace()</c> for one character.</summary>
    public static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    /// <summary>Python's <c>str.strip()</c> with no argument.</summary>
    public static string Strip(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && IsPythonSpace(s[start])) start++;
        while (end > start && IsPythonSpace(s[end - 1])) end--;
        return s[start..end];
    }

    /// <summary>
    /// What one rendered text node contributes to WebShop's text observation, or null when it contributes
    /// nothing. BeautifulSoup drops empty nodes and collapses an all-ASCII-whitespace node to "\n" (if it holds a
    /// newline; the text env then skips it) or " " (which <c>strip()</c> turns into an empty part); the env
    /// strips every other node.
    /// </summary>
    public static string? NodePart(string text)
    {
        if (text.Length == 0) return null;
        if (text.All(c => c is ' ' or '\n' or '\t' or '\f' or '\r'))
            return text.Contains('\n') ? null : "";
        return Strip(text);
    }

    /// <summary>Flask 2.1's <c>tojson</c> of a str→str dict: <c>json.dumps(sort_keys=True, ensure_ascii=True)</c>
    /// with &lt; &gt; &amp; ' escaped as \u003c \u003e \u0026 \u0027.</summary>
    public static string ToJson(IEnumerable<KeyValuePair<string, string>> dict)
    {
        var sb = new StringBuilder("{");
        bool first = true;
        foreach (var (key, value) in dict.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!first) sb.Append(", ");
            first = false;
            AppendJsonString(sb, key);
            sb.Append(": ");
            AppendJsonString(sb, value);
        }
        return sb.Append('}').ToString();
    }

    static void AppendJsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '<' or '>' or '&' or '\'':
                    sb.Append($"\\u{(int)c:x4}"); break;
                default:
                    if (c < 0x20 || c > 0x7e) sb.Append($"\\u{(int)c:x4}");
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
