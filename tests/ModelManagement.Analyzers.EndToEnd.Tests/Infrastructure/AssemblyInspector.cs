using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>Reads an assembly's metadata without loading it (System.Reflection.Metadata).</summary>
internal sealed class AssemblyInspector
{
    private AssemblyInspector(string name, IReadOnlyList<(string Name, Version Version)> references, IReadOnlyList<DebugDirectoryEntryType> debugEntries, string? targetFramework)
    {
        Name = name;
        References = references;
        DebugEntries = debugEntries;
        TargetFramework = targetFramework;
    }

    public string Name { get; }

    public IReadOnlyList<(string Name, Version Version)> References { get; }

    public IReadOnlyList<DebugDirectoryEntryType> DebugEntries { get; }

    /// <summary>The value of the assembly's TargetFrameworkAttribute, e.g. ".NETStandard,Version=v2.0".</summary>
    public string? TargetFramework { get; }

    public static AssemblyInspector Read(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image, writable: false));
        var metadata = pe.GetMetadataReader();
        var name = metadata.GetString(metadata.GetAssemblyDefinition().Name);
        var references = metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => (metadata.GetString(reference.Name), reference.Version))
            .ToList();
        var debugEntries = pe.ReadDebugDirectory().Select(e => e.Type).ToList();
        return new AssemblyInspector(name, references, debugEntries, ReadTargetFramework(metadata));
    }

    public Version? ReferencedVersion(string assemblyName)
        => References.Where(r => r.Name == assemblyName).Select(r => r.Version).FirstOrDefault();

    private static string? ReadTargetFramework(MetadataReader metadata)
    {
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (metadata.GetString(type.Name) != "TargetFrameworkAttribute")
            {
                continue;
            }

            // Blob: prolog 0x0001, then the SerString constructor argument.
            var blob = metadata.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() == 1)
            {
                return blob.ReadSerializedString();
            }
        }

        return null;
    }
}
