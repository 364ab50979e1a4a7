using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>Builds the markdown report: printed section by section and written to a file for the README.</summary>
internal sealed class Report
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();

    public static string F0(double value) => double.IsNaN(value) ? "n/a" : value.ToString("N0", CultureInfo.InvariantCulture);

    public static string F1(double value) => double.IsNaN(value) ? "n/a" : value.ToString("N1", CultureInfo.InvariantCulture);

    public static string F2(double value) => double.IsNaN(value) || double.IsInfinity(value) ? "n/a" : value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    public static double Ratio(double numerator, double denominator)
        => denominator > 0 ? numerator / denominator : double.NaN;

    public Report Heading(string text)
    {
        _text.Append('\n').Append(text).Append("\n\n");
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine();
        return this;
    }

    public Report Line(string text)
    {
        _text.Append(text).Append('\n');
        Console.WriteLine(text);
        return this;
    }

    public Report Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = new int[header.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        string Format(IReadOnlyList<string> row)
        {
            var sb = new StringBuilder("|");
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < row.Count ? row[i] : string.Empty;
                // Text columns left-aligned, numbers right-aligned.
                sb.Append(' ').Append(i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i])).Append(" |");
            }

            return sb.ToString();
        }

        Line(Format(header));
        var separator = new StringBuilder("|");
        for (var i = 0; i < widths.Length; i++)
        {
            separator.Append(i == 0 ? ":" : "-").Append(new string('-', widths[i])).Append(i == 0 ? "-|" : ":|");
        }

        Line(separator.ToString());
        foreach (var row in all.Skip(1))
        {
            Line(Format(row));
        }

        Line(string.Empty);
        return this;
    }

    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, _text.ToString());
    }
}
