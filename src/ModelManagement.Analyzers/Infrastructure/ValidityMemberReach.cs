using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Whether a call's result may be a verdict type this compilation can see: a type named like a verdict
/// (<see cref="VerdictTypes.IsNamedLikeVerdict"/>) with an instance validity member (<c>IsValid</c>, <c>IsCompliant</c>, a
/// configured name) as a property or field, declared on it or a base class. When none can be, a call is a validation call
/// only by its name, an attribute or configuration, and MM0004 judges most calls from their syntax without binding the
/// member body that holds them.
/// </summary>
/// <remarks>
/// <para>Where such a type can come from, each checked without building symbols:</para>
/// <list type="bullet">
/// <item>a metadata reference (<see cref="ModuleVerdicts"/>, cached per module: references are shared by compilations):
/// the instance properties and fields of those names in its metadata. One on a verdict its own members hand out, or on a
/// verdict another type may derive from, may be a verdict's; a verdict no member of its own assembly returns
/// (<c>DataflowMessageHeader.IsValid</c>) counts only where another reference's signatures hand it out (return it, as a
/// property or field, or through <c>ref</c>/<c>out</c>: a parameter or attribute naming it gives no value of it) or the
/// source names it; one on a
/// class not named like a verdict that others may derive from (ASP.NET Core's <c>ModelStateDictionary.IsValid</c>) counts
/// only where a reference declares a type named like a verdict deriving from it, or the source names it; one on a sealed
/// type or interface not named like a verdict (<c>CLSCompliantAttribute.IsCompliant</c>) or on a type no other assembly
/// sees (a private nested struct a reference assembly keeps for its layout) never counts;</item>
/// <item>a project reference (another compilation): any property or field of those names;</item>
/// <item>the source: read from the type declarations' syntax once the compilation's declaration table lists a member of
/// that name, an instance property or field of that name (a record's positional parameter is one, looked for even without
/// a listed member) on a type named like a verdict or on a class that is neither sealed nor static — a method
/// of that name (<c>block.IsValid(out error)</c>) or a read (<c>results.IsValid</c>) declares nothing; and the name of a
/// library's verdict type written in the source's text;</item>
/// <item>any other reference, or metadata that cannot be read: assumed to hold one.</item>
/// </list>
/// <para>
/// Not followed: a verdict value that reaches the source only as a lambda's parameter and comes back out of a generic
/// method (<c>T Identity&lt;T&gt;(T)</c>) — its type is named nowhere the source or another library can see. Tuples and
/// anonymous types are never named like a verdict.
/// </para>
/// </remarks>
internal sealed class ValidityMemberReach
{
    private static readonly ConditionalWeakTable<ModuleMetadata, ConcurrentDictionary<string, ModuleVerdicts>> ModuleCache = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<ImmutableArray<string>, bool> _byNames = new(NameListComparer.Instance);

    public ValidityMemberReach(Compilation compilation) => _compilation = compilation;

    /// <summary>How many name lists have been answered (each computed once, whatever array holds the names).</summary>
    internal int AnsweredNameLists => _byNames.Count;

    /// <summary>Whether a type with a property or field named one of <paramref name="names"/> may exist (computed once per name list).</summary>
    public bool AnyMayExist(ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        if (_byNames.TryGetValue(names, out var may))
        {
            return may;
        }

        return _byNames.GetOrAdd(names, Compute(names, cancellationToken));
    }

    private bool Compute(ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        if (names.IsEmpty)
        {
            return false;
        }

        // Verdict types of metadata references whose own assembly hands out none of their values.
        var key = string.Join("\n", names);
        var modules = new List<ModuleMetadata>();
        var hidden = new List<(string Namespace, string Name)>();
        foreach (var reference in _compilation.References)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (reference)
            {
                case CompilationReference project:
                    if (ProjectMayDeclare(project.Compilation, names, cancellationToken))
                    {
                        return true;
                    }

                    break;

                case PortableExecutableReference portable:
                    if (!TryGetModules(portable, modules))
                    {
                        return true;
                    }

                    break;

                default:
                    return true;
            }
        }

        var bases = new List<(string Namespace, string Name)>();
        foreach (var module in modules)
        {
            var verdicts = ModuleCache.GetOrCreateValue(module).GetOrAdd(key, _ => ModuleVerdicts.Read(module.GetMetadataReader(), names));
            if (verdicts.Open)
            {
                return true;
            }

            hidden.AddRange(verdicts.Types);
            bases.AddRange(verdicts.Bases);
        }

        if (bases.Count != 0 && DerivesAVerdictOrCannotTell(modules, bases, cancellationToken))
        {
            return true;
        }

        if (hidden.Count != 0)
        {
            foreach (var module in modules)
            {
                if (HandsOutAny(module.GetMetadataReader(), hidden))
                {
                    return true; // another library's signatures hand one out
                }
            }
        }

        hidden.AddRange(bases); // the source may derive a verdict from them: it names them then (other libraries' mere references do not count)
        return SourceMayDeclare(names, hidden, cancellationToken);
    }

    /// <summary>
    /// Whether a type of <paramref name="modules"/> derives, directly or through other classes that are neither sealed nor
    /// named like a verdict, from one of <paramref name="bases"/> and is named like a verdict (then it is one, and may be
    /// handed out anywhere). <paramref name="bases"/> grows with those intermediate classes. No reference assembly of .NET
    /// or ASP.NET Core derives one from <c>ModelStateDictionary</c>, so a project that only references them no longer makes
    /// every call a candidate (MM0004 bound every member body of ASP.NET Core projects; a triage's timings).
    /// </summary>
    private static bool DerivesAVerdict(List<ModuleMetadata> modules, List<(string Namespace, string Name)> bases, CancellationToken cancellationToken)
    {
        var known = new HashSet<(string, string)>(bases);
        for (var round = 0; round < MaxDerivationRounds; round++)
        {
            var added = new List<(string Namespace, string Name)>();
            foreach (var module in modules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var reader = module.GetMetadataReader();
                foreach (var handle in reader.TypeDefinitions)
                {
                    var type = reader.GetTypeDefinition(handle);
                    if (BaseName(reader, type.BaseType) is not { } baseName || !known.Contains(baseName))
                    {
                        continue;
                    }

                    var name = reader.GetString(type.Name);
                    if (VerdictTypes.HasVerdictWord(name))
                    {
                        return true;
                    }

                    if ((type.Attributes & TypeAttributes.Sealed) == 0)
                    {
                        if (type.GetGenericParameters().Count != 0 || type.IsNested)
                        {
                            return true; // derived through a specification or an enclosing type: not followed further
                        }

                        var derived = (reader.GetString(type.Namespace), name);
                        if (known.Add(derived))
                        {
                            added.Add(derived);
                        }
                    }
                }
            }

            if (added.Count == 0)
            {
                return false;
            }

            bases.AddRange(added);
        }

        return true; // deeper than followed: assume the worst
    }

    private const int MaxDerivationRounds = 4;

    private static bool DerivesAVerdictOrCannotTell(List<ModuleMetadata> modules, List<(string Namespace, string Name)> bases, CancellationToken cancellationToken)
    {
        try
        {
            return DerivesAVerdict(modules, bases, cancellationToken);
        }
        catch (BadImageFormatException)
        {
            return true; // unreadable metadata: the compiler reports it; assume the worst
        }
    }

    /// <summary>The namespace and name of a base type written as a reference or definition of this module; null otherwise (a generic instantiation, none).</summary>
    private static (string, string)? BaseName(MetadataReader reader, EntityHandle handle)
    {
        if (handle.IsNil)
        {
            return null; // `<Module>`, interfaces, System.Object
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
                return (reader.GetString(reference.Namespace), reader.GetString(reference.Name));
            case HandleKind.TypeDefinition:
                var definition = reader.GetTypeDefinition((TypeDefinitionHandle)handle);
                return (reader.GetString(definition.Namespace), reader.GetString(definition.Name));
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether a member of <paramref name="reader"/>'s types (other than <paramref name="skip"/>) that another assembly can
    /// reach returns a type the provider looks for — as a method's result, a property or a field — or hands one out through a
    /// <c>ref</c>/<c>out</c> parameter (ASP.NET Core's internal <c>AntiforgeryValidationFeature.Valid</c> hands out nothing).
    /// </summary>
    private static bool SignaturesHandOut(MetadataReader reader, MentionProvider provider, HashSet<TypeDefinitionHandle>? skip)
    {
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            if (skip is not null && skip.Contains(typeHandle))
            {
                continue; // a verdict's own members need a verdict first
            }

            var type = reader.GetTypeDefinition(typeHandle);
            if (!ModuleVerdicts.IsVisibleOutside(reader, type))
            {
                continue; // no code outside its assembly reaches its members
            }

            foreach (var handle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(handle);
                if (!IsVisibleOutside(method.Attributes))
                {
                    continue;
                }

                var signature = method.DecodeSignature(provider, null);
                if (signature.ReturnType.Mentions)
                {
                    return true;
                }

                foreach (var parameter in signature.ParameterTypes)
                {
                    if (parameter.Mentions && parameter.ByReference)
                    {
                        return true;
                    }
                }
            }

            foreach (var handle in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(handle);
                var getter = property.GetAccessors().Getter;
                if (!getter.IsNil && IsVisibleOutside(reader.GetMethodDefinition(getter).Attributes)
                    && property.DecodeSignature(provider, null).ReturnType.Mentions)
                {
                    return true;
                }
            }

            foreach (var handle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(handle);
                var access = field.Attributes & FieldAttributes.FieldAccessMask;
                if (access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem
                    && field.DecodeSignature(provider, null).Mentions)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A public, protected or protected internal method: code of another assembly can call it.</summary>
    private static bool IsVisibleOutside(MethodAttributes attributes)
        => (attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;

    /// <summary>
    /// Whether another library's signatures hand out one of <paramref name="types"/> (a verdict its own library hands out
    /// nowhere): a mere reference — a parameter, an attribute argument — gives user code no value of it (ASP.NET Core MVC
    /// names <c>IAntiforgeryValidationFeature</c> and returns none).
    /// </summary>
    private static bool HandsOutAny(MetadataReader reader, List<(string Namespace, string Name)> types)
    {
        try
        {
            return ReferencesAny(reader, types) && SignaturesHandOut(reader, new MentionProvider(null, new HashSet<(string, string)>(types)), skip: null);
        }
        catch (BadImageFormatException)
        {
            return true; // unreadable metadata: assume the worst
        }
    }

    private static bool ProjectMayDeclare(Compilation project, ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            foreach (var symbol in project.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IPropertySymbol or IFieldSymbol)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryGetModules(PortableExecutableReference reference, List<ModuleMetadata> modules)
    {
        try
        {
            switch (reference.GetMetadata())
            {
                case AssemblyMetadata assembly:
                    modules.AddRange(assembly.GetModules());
                    return true;
                case ModuleMetadata module:
                    modules.Add(module);
                    return true;
                default:
                    return false;
            }
        }
        catch (Exception exception) when (exception is BadImageFormatException or System.IO.IOException or InvalidOperationException or NotSupportedException)
        {
            return false; // unreadable here: the compiler reports it; assume the worst
        }
    }

    private static bool ReferencesAny(MetadataReader reader, List<(string Namespace, string Name)> types)
    {
        var comparer = reader.StringComparer;
        foreach (var handle in reader.TypeReferences)
        {
            var reference = reader.GetTypeReference(handle);
            foreach (var (ns, name) in types)
            {
                if (comparer.Equals(reference.Name, name) && comparer.Equals(reference.Namespace, ns))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the source declares a validity member a verdict may have — an instance property or field (a record's
    /// positional parameter is one) of a type named like a verdict or of a class that is neither sealed nor static — or
    /// writes the name of a library's verdict type (<paramref name="hidden"/>). Read from the type declarations' syntax
    /// (names as the compiler reads them, escapes resolved; member bodies are never entered, no symbol is built), after the
    /// compilation's declaration table says a member of one of the names exists at all.
    /// </summary>
    private bool SourceMayDeclare(ImmutableArray<string> names, List<(string Namespace, string Name)> hidden, CancellationToken cancellationToken)
    {
        // A record's positional parameters become properties the declaration table does not list by name: without a
        // declared member of those names only the records are looked at.
        var declared = false;
        foreach (var name in names)
        {
            if (_compilation.ContainsSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                declared = true;
                break;
            }
        }

        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (DeclaresValidityMember(tree.GetRoot(cancellationToken), names, declared, cancellationToken))
            {
                return true;
            }
        }

        return hidden.Count != 0 && SourceNamesAny(hidden, cancellationToken);
    }

    /// <summary>
    /// Whether a type declared under <paramref name="node"/> may be a verdict by its declaration and declares an instance
    /// property or field named one of <paramref name="names"/> (only records' positional parameters without
    /// <paramref name="members"/>). A type may be one when named like a verdict, or when it is a class (a <c>record</c>
    /// included) not written <c>sealed</c> or <c>static</c> — a part written elsewhere may say so; counting it keeps the
    /// answer on the safe side.
    /// </summary>
    private static bool DeclaresValidityMember(SyntaxNode node, ImmutableArray<string> names, bool members, CancellationToken cancellationToken)
    {
        var list = node switch
        {
            CompilationUnitSyntax unit => unit.Members,
            BaseNamespaceDeclarationSyntax ns => ns.Members,
            TypeDeclarationSyntax type => type.Members,
            _ => default,
        };

        foreach (var member in list)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax:
                    if (DeclaresValidityMember(member, names, members, cancellationToken))
                    {
                        return true;
                    }

                    break;

                case TypeDeclarationSyntax type:
                    if (DeclaresValidityMember(type, names, members) || DeclaresValidityMember(member, names, members, cancellationToken))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether this part of a type may be a verdict and declares an instance property or field named one of
    /// <paramref name="names"/> (only a record's positional parameters without <paramref name="members"/>); nested types are
    /// not looked at.
    /// </summary>
    internal static bool DeclaresValidityMember(TypeDeclarationSyntax type, ImmutableArray<string> names, bool members)
        => ((type is RecordDeclarationSyntax { ParameterList: { } parameters } && HasParameterNamed(parameters, names))
                || (members && DeclaresInstanceMember(type, names)))
            && MayBeVerdict(type); // the names first: they rule out nearly every type without reading its name for verdict words

    /// <summary>
    /// The source twin of <see cref="ModuleVerdicts"/>' test, for one part of a type: named like a verdict, or a class
    /// neither sealed nor static that something may derive from (<see cref="IsPrivateNestedNeverDerived"/>).
    /// </summary>
    private static bool MayBeVerdict(TypeDeclarationSyntax type)
        => VerdictTypes.HasVerdictWord(type.Identifier.ValueText)
            || (type.Kind() is SyntaxKind.ClassDeclaration or SyntaxKind.RecordDeclaration
                && !type.Modifiers.Any(SyntaxKind.SealedKeyword)
                && !type.Modifiers.Any(SyntaxKind.StaticKeyword)
                && !IsPrivateNestedNeverDerived(type));

    /// <summary>
    /// A private nested class can only be derived from inside the type around it: when that type is not partial and no
    /// type declared in it names this one in a base list, no verdict derives from it. RepoDB's tests hold
    /// <c>private class PropertyValidatorTrace : ITrace { public bool IsValid … }</c>, which opened MM0004's gate for the
    /// whole compilation and had it bind nearly every body with a statement call (6–9 s against 1.2–1.4 s without it).
    /// </summary>
    private static bool IsPrivateNestedNeverDerived(TypeDeclarationSyntax type)
    {
        if (type.Parent is not TypeDeclarationSyntax outer
            || outer.Modifiers.Any(SyntaxKind.PartialKeyword)
            || !(type.Modifiers.Any(SyntaxKind.PrivateKeyword) && !type.Modifiers.Any(SyntaxKind.ProtectedKeyword)
                || !HasAccessibility(type.Modifiers)))
        {
            return false;
        }

        var name = type.Identifier.ValueText;
        foreach (var node in outer.DescendantNodes())
        {
            if (node is BaseTypeSyntax { Type: var baseType } && RightmostName(baseType) == name)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasAccessibility(SyntaxTokenList modifiers)
        => modifiers.Any(SyntaxKind.PublicKeyword) || modifiers.Any(SyntaxKind.InternalKeyword)
            || modifiers.Any(SyntaxKind.ProtectedKeyword) || modifiers.Any(SyntaxKind.PrivateKeyword);

    private static string? RightmostName(TypeSyntax type)
        => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            _ => null,
        };

    private static bool DeclaresInstanceMember(TypeDeclarationSyntax type, ImmutableArray<string> names)
    {
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property
                    when !IsStatic(property.Modifiers) && property.ExplicitInterfaceSpecifier is null && names.Contains(property.Identifier.ValueText):
                    return true;

                case FieldDeclarationSyntax field when !IsStatic(field.Modifiers):
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (names.Contains(variable.Identifier.ValueText))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private static bool IsStatic(SyntaxTokenList modifiers)
        => modifiers.Any(SyntaxKind.StaticKeyword) || modifiers.Any(SyntaxKind.ConstKeyword);

    private static bool HasParameterNamed(ParameterListSyntax parameters, ImmutableArray<string> names)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (names.Contains(parameter.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private bool SourceNamesAny(List<(string Namespace, string Name)> types, CancellationToken cancellationToken)
    {
        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<WordTextIndex.Word>();
        foreach (var (_, name) in types)
        {
            var tick = name.IndexOf('`');
            var simple = tick >= 0 ? name.Substring(0, tick) : name;
            if (typeNames.Add(simple))
            {
                builder.Add(new WordTextIndex.Word(simple));
            }
        }

        builder.AddRange(WordTextIndex.Escapes);
        var words = builder.ToImmutable();
        var buffer = new char[WordTextIndex.BufferLength(words)];
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var text = tree.GetText(cancellationToken);
            if (!MayContainAny(text, typeNames))
            {
                continue;
            }

            var positions = WordTextIndex.Find(text, words, buffer, cancellationToken);
            if (positions.Length == 0)
            {
                continue;
            }

            foreach (var identifier in WordTextIndex.IdentifiersAt(tree.GetRoot(cancellationToken), positions))
            {
                if (typeNames.Contains(identifier.ValueText))
                {
                    return true; // the source names it (an escape found by its backslash is read as the compiler reads it)
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> contains one of <paramref name="names"/> or a Unicode escape (which may spell one)
    /// anywhere: the runtime's vectorised substring search rules out nearly every file before the word-boundary scan, which
    /// took about a second over lucenenet's 26.8 MB of source for three library type names.
    /// </summary>
    private static bool MayContainAny(SourceText text, HashSet<string> names)
    {
        var whole = text.ToString(); // a file read as one string hands that string back
        if (whole.IndexOf("\\u", StringComparison.Ordinal) >= 0 || whole.IndexOf("\\U", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        foreach (var name in names)
        {
            if (whole.IndexOf(name, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What one module holds of verdict types: <see cref="Open"/> when it may hand one out (or cannot be read), else the
    /// verdict types it declares whose values none of its own members return — a value type or sealed class named like a
    /// verdict (<see cref="VerdictTypes.IsNamedLikeVerdict"/>) with an instance validity member, returned by no method,
    /// property, field or <c>out</c>/<c>ref</c> parameter of another type (<c>DataflowMessageHeader.IsValid</c>: the dataflow
    /// blocks take headers, they return none). A member of a sealed type or interface not named like a verdict
    /// (<c>CLSCompliantAttribute.IsCompliant</c>) is no verdict's; one of a class not named like one that another type may
    /// derive from is kept in <see cref="Bases"/>.
    /// </summary>
    private sealed class ModuleVerdicts
    {
        private static readonly ModuleVerdicts OpenVerdicts = new(open: true, ImmutableArray<(string, string)>.Empty, ImmutableArray<(string, string)>.Empty);
        private static readonly ModuleVerdicts NoVerdicts = new(open: false, ImmutableArray<(string, string)>.Empty, ImmutableArray<(string, string)>.Empty);

        private ModuleVerdicts(bool open, ImmutableArray<(string Namespace, string Name)> types, ImmutableArray<(string Namespace, string Name)> bases)
        {
            Open = open;
            Types = types;
            Bases = bases;
        }

        public bool Open { get; }

        public ImmutableArray<(string Namespace, string Name)> Types { get; }

        /// <summary>
        /// Classes not named like a verdict, not sealed, with a validity member (ASP.NET Core's <c>ModelStateDictionary.IsValid</c>):
        /// no verdict themselves, they may be the base of one — which counts only where a type deriving from them is named
        /// like a verdict (<see cref="DerivesAVerdict"/>) or the source names them.
        /// </summary>
        public ImmutableArray<(string Namespace, string Name)> Bases { get; }

        public static ModuleVerdicts Read(MetadataReader reader, ImmutableArray<string> names)
        {
            try
            {
                var declaring = new HashSet<TypeDefinitionHandle>();
                var bases = new HashSet<TypeDefinitionHandle>();
                var comparer = reader.StringComparer;
                foreach (var handle in reader.PropertyDefinitions)
                {
                    var property = reader.GetPropertyDefinition(handle);
                    if (!NameIsAny(comparer, property.Name, names))
                    {
                        continue;
                    }

                    var accessors = property.GetAccessors();
                    var accessor = accessors.Getter.IsNil ? accessors.Setter : accessors.Getter;
                    if (accessor.IsNil)
                    {
                        return OpenVerdicts;
                    }

                    var method = reader.GetMethodDefinition(accessor);
                    if ((method.Attributes & MethodAttributes.Static) == 0 && !Add(reader, method.GetDeclaringType(), declaring, bases))
                    {
                        return OpenVerdicts;
                    }
                }

                foreach (var handle in reader.FieldDefinitions)
                {
                    var field = reader.GetFieldDefinition(handle);
                    if (NameIsAny(comparer, field.Name, names) && (field.Attributes & FieldAttributes.Static) == 0 && !Add(reader, field.GetDeclaringType(), declaring, bases))
                    {
                        return OpenVerdicts;
                    }
                }

                if (declaring.Count == 0 && bases.Count == 0)
                {
                    return NoVerdicts;
                }

                if (declaring.Count != 0 && HandsOut(reader, declaring))
                {
                    return OpenVerdicts;
                }

                return new ModuleVerdicts(open: false, Names(reader, declaring), Names(reader, bases));
            }
            catch (BadImageFormatException)
            {
                return OpenVerdicts;
            }
        }

        private static bool NameIsAny(MetadataStringComparer comparer, StringHandle name, ImmutableArray<string> names)
        {
            foreach (var candidate in names)
            {
                if (comparer.Equals(name, candidate))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether code of another assembly can see the type: public, or nested public, protected or protected internal
        /// in such a type. ASP.NET Core's reference assembly keeps the private nested struct
        /// <c>RazorComponentEndpointInvoker.RequestValidationState</c> (its <c>IsValid</c> opened the gate of every ASP.NET
        /// Core project). Friend assemblies (<c>InternalsVisibleTo</c>) are not counted.
        /// </summary>
        public static bool IsVisibleOutside(MetadataReader reader, TypeDefinition type)
        {
            for (var depth = 0; depth < MaxNestingDepth; depth++)
            {
                switch (type.Attributes & TypeAttributes.VisibilityMask)
                {
                    case TypeAttributes.Public:
                        return true;
                    case TypeAttributes.NestedPublic:
                    case TypeAttributes.NestedFamily:
                    case TypeAttributes.NestedFamORAssem:
                        var enclosing = type.GetDeclaringType();
                        if (enclosing.IsNil)
                        {
                            return true;
                        }

                        type = reader.GetTypeDefinition(enclosing);
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private const int MaxNestingDepth = 32;

        private static ImmutableArray<(string Namespace, string Name)> Names(MetadataReader reader, HashSet<TypeDefinitionHandle> handles)
        {
            var names = ImmutableArray.CreateBuilder<(string, string)>(handles.Count);
            foreach (var handle in handles)
            {
                var type = reader.GetTypeDefinition(handle);
                names.Add((reader.GetString(type.Namespace), reader.GetString(type.Name)));
            }

            return names.MoveToImmutable();
        }

        /// <summary>
        /// Adds a declaring type that is a verdict, or a class that may be the base of one (<see cref="Bases"/>); false when
        /// nothing can be told: a verdict others may derive from, or a generic or nested base (derived types name it through
        /// a specification or its enclosing type, which <see cref="DerivesAVerdict"/> does not follow).
        /// </summary>
        private static bool Add(MetadataReader reader, TypeDefinitionHandle handle, HashSet<TypeDefinitionHandle> declaring, HashSet<TypeDefinitionHandle> bases)
        {
            var type = reader.GetTypeDefinition(handle);
            if (!IsVisibleOutside(reader, type))
            {
                return true; // no other assembly can name it or derive from it (a private struct a reference assembly keeps for its layout)
            }

            var closed = (type.Attributes & (TypeAttributes.Sealed | TypeAttributes.Interface)) != 0;
            if (VerdictTypes.HasVerdictWord(reader.GetString(type.Name)))
            {
                if (!closed)
                {
                    return false;
                }

                declaring.Add(handle);
                return true;
            }

            if (closed)
            {
                return true;
            }

            if (type.GetGenericParameters().Count != 0 || type.IsNested)
            {
                return false;
            }

            bases.Add(handle);
            return true;
        }

        /// <summary>Whether a member of a type other than the verdicts returns one (or hands one out through a <c>ref</c>).</summary>
        private static bool HandsOut(MetadataReader reader, HashSet<TypeDefinitionHandle> verdicts)
            => SignaturesHandOut(reader, new MentionProvider(verdicts, null), verdicts);
    }

    /// <summary>A decoded signature type reduced to whether it mentions one of the target types, and whether it is a reference.</summary>
    private readonly struct Mention
    {
        public Mention(bool mentions, bool byReference)
        {
            Mentions = mentions;
            ByReference = byReference;
        }

        public bool Mentions { get; }

        public bool ByReference { get; }
    }

    private sealed class MentionProvider : ISignatureTypeProvider<Mention, object?>
    {
        private readonly HashSet<TypeDefinitionHandle>? _targets;
        private readonly HashSet<(string Namespace, string Name)>? _names;

        /// <summary>Looks for the types <paramref name="targets"/> defines in the module read, or those <paramref name="names"/> names in any module.</summary>
        public MentionProvider(HashSet<TypeDefinitionHandle>? targets, HashSet<(string Namespace, string Name)>? names)
        {
            _targets = targets;
            _names = names;
        }

        public Mention GetArrayType(Mention elementType, ArrayShape shape) => Value(elementType);

        public Mention GetByReferenceType(Mention elementType) => new(elementType.Mentions, byReference: true);

        public Mention GetFunctionPointerType(MethodSignature<Mention> signature) => default;

        public Mention GetGenericInstantiation(Mention genericType, ImmutableArray<Mention> typeArguments)
        {
            var mentions = genericType.Mentions;
            foreach (var argument in typeArguments)
            {
                mentions |= argument.Mentions;
            }

            return new Mention(mentions, byReference: false);
        }

        public Mention GetGenericMethodParameter(object? genericContext, int index) => default;

        public Mention GetGenericTypeParameter(object? genericContext, int index) => default;

        public Mention GetModifiedType(Mention modifier, Mention unmodifiedType, bool isRequired) => unmodifiedType;

        public Mention GetPinnedType(Mention elementType) => elementType;

        public Mention GetPointerType(Mention elementType) => Value(elementType);

        public Mention GetPrimitiveType(PrimitiveTypeCode typeCode) => default;

        public Mention GetSZArrayType(Mention elementType) => Value(elementType);

        public Mention GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            => new(_targets?.Contains(handle) == true, byReference: false);

        public Mention GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            if (_names is null)
            {
                return default;
            }

            var reference = reader.GetTypeReference(handle);
            return new(_names.Contains((reader.GetString(reference.Namespace), reader.GetString(reference.Name))), byReference: false);
        }

        public Mention GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        private static Mention Value(Mention element) => new(element.Mentions, byReference: false);
    }
}
