using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The test-method attributes of the unit-test frameworks the compilation references, resolved once per compilation:
/// xunit (v2 and v3) <c>FactAttribute</c>; NUnit <c>TestAttribute</c>, <c>TestCaseAttribute</c>,
/// <c>TestCaseSourceAttribute</c>, <c>TheoryAttribute</c>; MSTest <c>TestMethodAttribute</c>; TUnit <c>TestAttribute</c>.
/// Subclasses count too (xunit's <c>TheoryAttribute</c>, MSTest's <c>DataTestMethodAttribute</c>, custom attributes).
/// </summary>
/// <remarks>
/// Create it at compilation start with <see cref="Create"/>: <see langword="null"/> means no test framework is referenced,
/// so a rule about test code registers nothing. The instance is thread-safe; it caches its answers per attribute class
/// and per type (many types share a test base class, many methods share an attribute class).
/// </remarks>
internal sealed class TestFrameworks
{
    // Metadata names of the attribute classes that make a method a test. A type missing from the compilation is skipped.
    private static readonly string[] TestAttributeMetadataNames =
    {
        "Xunit.FactAttribute",
        "NUnit.Framework.TestAttribute",
        "NUnit.Framework.TestCaseAttribute",
        "NUnit.Framework.TestCaseSourceAttribute",
        "NUnit.Framework.TheoryAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
        "TUnit.Core.TestAttribute",
    };

    // Deeper attribute, override or base-type chains than this are not real code; they are cut off, never followed.
    private const int MaxChainDepth = 32;

    private readonly ImmutableArray<INamedTypeSymbol> testAttributes;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> isTestAttributeCache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> hasTestMethodCache = new(SymbolEqualityComparer.Default);

    private ImmutableHashSet<INamedTypeSymbol>? xunitFixtures;

    private TestFrameworks(ImmutableArray<INamedTypeSymbol> testAttributes)
    {
        this.testAttributes = testAttributes;
    }

    /// <summary>Resolves the known test attributes; <see langword="null"/> when the compilation references none of them.</summary>
    public static TestFrameworks? Create(Compilation compilation)
    {
        ImmutableArray<INamedTypeSymbol>.Builder? found = null;
        foreach (var metadataName in TestAttributeMetadataNames)
        {
            // All matches, not GetTypeByMetadataName's single unambiguous one: two copies of a framework must both count.
            foreach (var type in compilation.GetTypesByMetadataName(metadataName))
            {
                if (type.TypeKind == TypeKind.Class)
                {
                    found ??= ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                    found.Add(type);
                }
            }
        }

        return found is null ? null : new TestFrameworks(found.ToImmutable());
    }

    /// <summary>
    /// True when a class of the compilation declares xunit's <c>IClassFixture&lt;T&gt;</c> or <c>ICollectionFixture&lt;T&gt;</c>
    /// with <paramref name="type"/> as <c>T</c> (or <c>T</c> derives from the source class <paramref name="type"/>): xunit creates one instance per test class or collection and runs that
    /// class's or collection's tests one at a time, and only the test assembly calls it. The fixture types are collected
    /// from the compilation's own types on the first call (made only when a report is about to be made).
    /// </summary>
    public bool IsXunitFixture(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        var fixtures = Volatile.Read(ref xunitFixtures);
        if (fixtures is null)
        {
            var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = pending.Pop();
                if (current is INamespaceSymbol ns)
                {
                    foreach (var member in ns.GetMembers())
                    {
                        pending.Push(member);
                    }

                    continue;
                }

                var named = (INamedTypeSymbol)current;
                foreach (var nested in named.GetTypeMembers())
                {
                    pending.Push(nested);
                }

                foreach (var implemented in named.Interfaces)
                {
                    if (implemented is { Arity: 1, Name: "IClassFixture" or "ICollectionFixture", ContainingNamespace: { Name: "Xunit", ContainingNamespace.IsGlobalNamespace: true } }
                        && implemented.TypeArguments[0] is INamedTypeSymbol fixture)
                    {
                        // The fixture and the source base classes it inherits its methods from (IoTSharp's `AppInstance`,
                        // the abstract base of one fixture per database: the s35 triage). xunit calls them on the fixture
                        // instance it made, whichever class declares them.
                        for (var declaring = fixture.OriginalDefinition; declaring is { SpecialType: SpecialType.None } && !declaring.DeclaringSyntaxReferences.IsEmpty; declaring = declaring.BaseType?.OriginalDefinition)
                        {
                            builder.Add(declaring);
                        }
                    }
                }
            }

            fixtures = builder.ToImmutable();
            Volatile.Write(ref xunitFixtures, fixtures);
        }

        return fixtures.Contains(type.OriginalDefinition);
    }

    /// <summary>
    /// True when <paramref name="method"/> carries a test attribute (or a subclass of one), or overrides a method that
    /// does (the frameworks' test attributes are inherited by overrides).
    /// </summary>
    public bool IsTestMethod(IMethodSymbol method)
    {
        var current = method;
        for (var depth = 0; current is not null && depth < MaxChainDepth; depth++)
        {
            if (current.MethodKind != MethodKind.Ordinary)
            {
                return false;
            }

            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass && IsTestAttribute(attributeClass))
                {
                    return true;
                }
            }

            current = current.IsOverride ? current.OverriddenMethod : null;
        }

        return false;
    }

    /// <summary>
    /// True when the framework calls <paramref name="method"/> once before tests, never two callers at once: xunit's
    /// <c>IAsyncLifetime.InitializeAsync</c> (v2 and v3; implicit or explicit implementation), NUnit <c>[SetUp]</c> and
    /// <c>[OneTimeSetUp]</c>, MSTest <c>[TestInitialize]</c>, <c>[ClassInitialize]</c> and <c>[AssemblyInitialize]</c>,
    /// TUnit <c>[Before]</c>/<c>[BeforeEvery]</c>. Matched by name and namespace, so no framework type needs resolving.
    /// </summary>
    public static bool IsSetUp(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && IsSetUpAttribute(attributeClass))
            {
                return true;
            }
        }

        if (!method.Parameters.IsEmpty || method.ContainingType is not { } type
            || !method.Name.EndsWith("InitializeAsync", System.StringComparison.Ordinal))
        {
            return false;
        }

        // The implementation, or an override of it in a derived fixture (`public override async Task InitializeAsync()`).
        var current = method;
        for (var depth = 0; current is not null && depth < MaxChainDepth; depth++, current = current.OverriddenMethod)
        {
            foreach (var candidate in type.AllInterfaces)
            {
                if (candidate is { Name: "IAsyncLifetime", ContainingNamespace: { Name: "Xunit", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    foreach (var member in candidate.GetMembers("InitializeAsync"))
                    {
                        if (current.ContainingType.FindImplementationForInterfaceMember(member) is { } implementation
                            && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, current.OriginalDefinition))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private static bool IsSetUpAttribute(INamedTypeSymbol attributeClass)
    {
        INamedTypeSymbol? current = attributeClass;
        for (var depth = 0; current is not null && depth < MaxChainDepth; depth++, current = current.BaseType)
        {
            var known = current.Name switch
            {
                "SetUpAttribute" or "OneTimeSetUpAttribute" => current.ContainingNamespace is
                {
                    Name: "Framework", ContainingNamespace: { Name: "NUnit", ContainingNamespace.IsGlobalNamespace: true },
                },
                "TestInitializeAttribute" or "ClassInitializeAttribute" or "AssemblyInitializeAttribute" => current.ContainingNamespace is
                {
                    Name: "UnitTesting",
                    ContainingNamespace:
                    {
                        Name: "TestTools",
                        ContainingNamespace: { Name: "VisualStudio", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } },
                    },
                },
                "BeforeAttribute" or "BeforeEveryAttribute" => current.ContainingNamespace is
                {
                    Name: "Core", ContainingNamespace: { Name: "TUnit", ContainingNamespace.IsGlobalNamespace: true },
                },
                _ => false,
            };
            if (known)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="type"/> is a class that declares a test method or inherits one from a base class
    /// (in source or metadata). Cached per type definition.
    /// </summary>
    public bool DeclaresOrInheritsTestMethod(INamedTypeSymbol type) => HasTestMethod(type, 0);

    /// <summary>
    /// True when <paramref name="type"/> or a base type declares a set-up method (<see cref="IsSetUp"/>: NUnit
    /// <c>[SetUp]</c>/<c>[OneTimeSetUp]</c>, MSTest <c>[TestInitialize]</c>/<c>[ClassInitialize]</c>, xunit's
    /// <c>IAsyncLifetime.InitializeAsync</c>): the base class of test fixtures, test infrastructure without a test method of
    /// its own (Prowlarr's <c>IntegrationTest</c>, a triage).
    /// </summary>
    public static bool DeclaresOrInheritsSetUp(INamedTypeSymbol type)
    {
        var depth = 0;
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && depth < MaxChainDepth; current = current.BaseType, depth++)
        {
            if (!current.Locations.IsEmpty && !current.Locations[0].IsInSource && depth > 0)
            {
                continue; // a framework or library base: its set-up is not the type's own
            }

            foreach (var member in current.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && IsSetUp(method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="attributeClass"/> is a known test attribute or derives from one. Cached.</summary>
    public bool IsTestAttribute(INamedTypeSymbol attributeClass)
    {
        if (isTestAttributeCache.TryGetValue(attributeClass, out var cached))
        {
            return cached;
        }

        var result = false;
        INamedTypeSymbol? current = attributeClass;
        for (var depth = 0; current is not null && depth < MaxChainDepth && !result; depth++)
        {
            foreach (var known in testAttributes)
            {
                if (SymbolEqualityComparer.Default.Equals(current, known))
                {
                    result = true;
                    break;
                }
            }

            current = current.BaseType;
        }

        isTestAttributeCache.TryAdd(attributeClass, result);
        return result;
    }

    private bool HasTestMethod(INamedTypeSymbol type, int depth)
    {
        if (type.TypeKind != TypeKind.Class || type.SpecialType == SpecialType.System_Object || depth >= MaxChainDepth)
        {
            return false;
        }

        var definition = type.OriginalDefinition;
        if (hasTestMethodCache.TryGetValue(definition, out var cached))
        {
            return cached;
        }

        var result = DeclaresTestMethod(definition)
            || (definition.BaseType is { } baseType && HasTestMethod(baseType, depth + 1));
        hasTestMethodCache.TryAdd(definition, result);
        return result;
    }

    private bool DeclaresTestMethod(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && IsTestMethod(method))
            {
                return true;
            }
        }

        return false;
    }
}
