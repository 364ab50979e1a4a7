using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Meta;

/// <summary>Keeps descriptors, rule pages, release tracking and the README index consistent with each other.</summary>
public sealed class DescriptorTests
{
    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in ProductAssemblies.Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static DiagnosticDescriptor Get(string id) => ProductAssemblies.Descriptors.Single(d => d.Id == id);

    [Fact]
    public void DescriptorIds_AreUniqueAndWellFormed()
    {
        var ids = ProductAssemblies.Descriptors.Select(d => d.Id).ToArray();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^MM[0-9]{4}$", id));
    }

    [Fact]
    public void DiagnosticIdConstants_EachHaveADescriptor()
    {
        var constants = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(constants, ProductAssemblies.Descriptors.Select(d => d.Id));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_HasTitleMessageAndDescription(string id)
    {
        var descriptor = Get(id);
        var title = descriptor.Title.ToString();
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.False(title.EndsWith('.'), "Titles are short phrases without a final period.");
        Assert.Contains("{0}", descriptor.MessageFormat.ToString(), StringComparison.Ordinal);
        Assert.True(descriptor.Description.ToString().Length > 40, "Every descriptor carries a real description.");
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_HelpLinkPointsAtExistingRulePage(string id)
    {
        var descriptor = Get(id);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        var page = Path.Combine(TestEnvironment.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), "Missing rule page " + page);
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": " + descriptor.Title, text, StringComparison.Ordinal);
        foreach (var section in new[] { "## Cause", "## Rule description", "## Not reported", "## How to fix", "## Configuration", "## Suppression" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("TODO", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_HasReleaseTrackingRow(string id)
    {
        var descriptor = Get(id);
        var root = Path.Combine(TestEnvironment.RepositoryRoot, "src", "ModelManagement.Analyzers");
        var releases = File.ReadAllText(Path.Combine(root, "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(root, "AnalyzerReleases.Unshipped.md"));
        var row = Regex.Match(releases, "^" + id + @"\s*\|\s*(?<category>\w+)\s*\|\s*(?<severity>\w+)", RegexOptions.Multiline);
        Assert.True(row.Success, id + " has no release-tracking row");
        Assert.Equal(descriptor.Category, row.Groups["category"].Value);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Groups["severity"].Value);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_HasReadmeIndexRow(string id)
    {
        var descriptor = Get(id);
        var readme = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "README.md"));
        var row = Regex.Match(readme, @"^\| \[" + id + @"\]\((https://github\.com/modelmanagement/ModelManagement\.Analyzers/blob/main/)?docs/rules/" + id + @"\.md\) \| (?<title>[^|]+) \| (?<category>[^|]+) \| (?<severity>[^|]+) \|", RegexOptions.Multiline);
        Assert.True(row.Success, id + " has no README index row");
        Assert.Equal(descriptor.Title.ToString(), row.Groups["title"].Value.Trim());
        Assert.Equal(descriptor.Category, row.Groups["category"].Value.Trim());
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Groups["severity"].Value.Trim());
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_HasPackageReadmeIndexRow_WithAnAbsoluteLink(string id)
    {
        // nuget.org shows the package's README, where a link relative to the repository would be broken.
        var descriptor = Get(id);
        var readme = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "src", "ModelManagement.Analyzers.Package", "README.md"));
        var row = Regex.Match(readme, @"^\| \[" + id + @"\]\(" + Regex.Escape(HelpLinks.For(id)) + @"\) \| (?<title>[^|]+) \| (?<category>[^|]+) \| (?<severity>[^|]+) \|", RegexOptions.Multiline);
        Assert.True(row.Success, id + " has no package README index row");
        Assert.Equal(descriptor.Title.ToString(), row.Groups["title"].Value.Trim());
        Assert.Equal(descriptor.Category, row.Groups["category"].Value.Trim());
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Groups["severity"].Value.Trim());
        Assert.DoesNotMatch(@"\]\((?!https://)", readme);
    }
}
