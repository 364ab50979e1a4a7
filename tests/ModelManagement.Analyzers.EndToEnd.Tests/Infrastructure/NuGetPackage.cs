using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>A .nupkg (or .snupkg) read as what it is: a zip with a .nuspec manifest at its root.</summary>
internal sealed class NuGetPackage
{
    private readonly Dictionary<string, byte[]> _files;

    private NuGetPackage(string path, Dictionary<string, byte[]> files, XElement metadata)
    {
        Path = path;
        _files = files;
        Metadata = metadata;
    }

    public string Path { get; }

    /// <summary>Every file in the package, with forward slashes, packaging plumbing (OPC parts) excluded.</summary>
    public IReadOnlyCollection<string> Files => _files.Keys;

    /// <summary>The nuspec's &lt;metadata&gt; element.</summary>
    public XElement Metadata { get; }

    public string Id => Element("id") ?? throw new InvalidDataException(Path + ": nuspec has no id");

    public string Version => Element("version") ?? throw new InvalidDataException(Path + ": nuspec has no version");

    public static NuGetPackage Open(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        XElement? metadata = null;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (name.StartsWith("_rels/", StringComparison.Ordinal)
                || name.StartsWith("package/services/", StringComparison.Ordinal)
                || name == "[Content_Types].xml"
                || name.EndsWith('/'))
            {
                continue;
            }

            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            if (!name.Contains('/', StringComparison.Ordinal) && name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
            {
                using var nuspec = new MemoryStream(bytes);
                metadata = XDocument.Load(nuspec).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
                continue;
            }

            files.Add(name, bytes);
        }

        return new NuGetPackage(path, files, metadata ?? throw new InvalidDataException(path + " has no nuspec metadata"));
    }

    /// <summary>The text of a metadata child element (namespace-agnostic), or null.</summary>
    public string? Element(string localName) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    public XElement? ElementNode(string localName) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public byte[] Read(string file) => _files.TryGetValue(file, out var bytes)
        ? bytes
        : throw new FileNotFoundException(file + " is not in " + System.IO.Path.GetFileName(Path) + "; it has: " + string.Join(", ", _files.Keys));

    /// <summary>The dependency groups: target framework (empty when ungrouped) and the dependencies' id, version and exclude.</summary>
    public IReadOnlyList<(string TargetFramework, IReadOnlyList<(string Id, string Version, string Exclude)> Dependencies)> DependencyGroups()
    {
        var dependencies = ElementNode("dependencies");
        if (dependencies is null)
        {
            return Array.Empty<(string, IReadOnlyList<(string, string, string)>)>();
        }

        static (string, string, string) Read(XElement d)
            => ((string?)d.Attribute("id") ?? string.Empty, (string?)d.Attribute("version") ?? string.Empty, (string?)d.Attribute("exclude") ?? string.Empty);

        var groups = dependencies.Elements().Where(e => e.Name.LocalName == "group").ToList();
        if (groups.Count == 0)
        {
            var flat = dependencies.Elements().Where(e => e.Name.LocalName == "dependency").Select(Read).ToList();
            return new[] { (string.Empty, (IReadOnlyList<(string, string, string)>)flat) };
        }

        return groups
            .Select(g => ((string?)g.Attribute("targetFramework") ?? string.Empty,
                (IReadOnlyList<(string, string, string)>)g.Elements().Where(e => e.Name.LocalName == "dependency").Select(Read).ToList()))
            .ToList();
    }
}
