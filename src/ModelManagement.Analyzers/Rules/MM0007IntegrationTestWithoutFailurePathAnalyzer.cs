using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0007: an integration test class (a non-abstract class with test methods, named <c>…IntegrationTests</c> or
/// <c>…IntegrationTest</c> or in the test category <c>Integration</c>) none of whose test methods, own or inherited,
/// covers a failure path: none is named for one (Error, Fail, Throw, …) and none asserts an exception.
/// </summary>
/// <remarks>
/// Reported once per class, at its name (the first declaration of a partial class), from a symbol-end action. Cost: with
/// no test framework in the compilation nothing is registered; otherwise only classes whose name or category qualifies
/// are followed, and only the bodies of their own test methods are scanned, until one covering test is found. Test
/// methods inherited from a base class of the same project are judged by name and by a syntactic scan of their bodies
/// (no semantic model of another declaration is at hand); those inherited from another project or a package by name
/// only, even where the IDE could see their source, so that the IDE and the command-line build agree.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MM0007IntegrationTestWithoutFailurePathAnalyzer : DiagnosticAnalyzer
{
    // Base-class chains deeper than this are not real code; the rest of such a chain is not looked at.
    private const int MaxBaseDepth = 32;

    private const string IntegrationCategory = "Integration";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MM0007_IntegrationTestWithoutFailurePath);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var frameworks = TestFrameworks.Create(start.Compilation);
            if (frameworks is null)
            {
                return; // no test framework referenced: there are no test classes, so register nothing
            }

            var state = new CompilationState(start.Compilation, frameworks, new MM0007Options.Cache(start.Options.AnalyzerConfigOptionsProvider));
            start.RegisterSymbolStartAction(symbolStart => OnNamedTypeStart(symbolStart, state), SymbolKind.NamedType);
        });
    }

    private static void OnNamedTypeStart(SymbolStartAnalysisContext context, CompilationState state)
    {
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } type
            || type.Locations.IsEmpty
            || !type.Locations[0].IsInSource)
        {
            return;
        }

        // Cheap tests first: the name, then the category attributes, then the members.
        if ((!HasIntegrationName(type.Name) && !state.AssemblyIsIntegration && !state.HasIntegrationCategory(type))
            || !state.Frameworks.DeclaresOrInheritsTestMethod(type))
        {
            return;
        }

        var options = state.Options.Get(type.Locations[0].SourceTree);
        var classState = ScanTestMethods(type, state.Frameworks, options, context.CancellationToken);
        if (classState is null)
        {
            return; // a test method is named for a failure path: nothing to scan, nothing to report
        }

        if (classState.HasOwnTests)
        {
            context.RegisterOperationBlockStartAction(block => OnTestBodyStart(block, type, state.Frameworks, classState, options));
        }

        context.RegisterSymbolEndAction(end => OnNamedTypeEnd(end, type, classState, options));
    }

    /// <summary>
    /// Walks the class's own and inherited test methods by name and attributes. <see langword="null"/> when one is named
    /// for a failure path or expects an exception (<c>[ExpectedException]</c>); otherwise the state the body scan fills, with the inherited test methods declared in source.
    /// </summary>
    private static ClassState? ScanTestMethods(INamedTypeSymbol type, TestFrameworks frameworks, MM0007Options options, CancellationToken cancellationToken)
    {
        var hasOwnTests = false;
        List<IMethodSymbol>? inheritedInSource = null;
        INamedTypeSymbol? current = type;
        for (var depth = 0; current is not null && current.SpecialType != SpecialType.System_Object && depth < MaxBaseDepth; depth++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in current.GetMembers())
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || !frameworks.IsTestMethod(method) || IsSkipped(method))
                {
                    continue;
                }

                if (options.IsFailurePathName(method.Name) || MM0007ExceptionAssertions.HasExpectedExceptionAttribute(method))
                {
                    return null;
                }

                if (depth == 0)
                {
                    hasOwnTests = true;
                }
                else if (!method.IsAbstract
                    && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, type.ContainingAssembly)
                    && !method.DeclaringSyntaxReferences.IsEmpty)
                {
                    (inheritedInSource ??= new List<IMethodSymbol>()).Add(method);
                }
            }

            current = current.BaseType;
        }

        return new ClassState(hasOwnTests, inheritedInSource);
    }

    /// <summary>
    /// A test the framework never runs: <c>[Fact(Skip = "flaky")]</c> (any attribute with a non-empty <c>Skip</c> argument),
    /// NUnit's or MSTest's <c>[Ignore]</c>. It covers nothing (a fix-shapes round: the only failure-path test of a class
    /// was skipped).
    /// </summary>
    private static bool IsSkipped(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "IgnoreAttribute" })
            {
                return true;
            }

            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Skip" && argument.Value.Value is string { Length: > 0 })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void OnTestBodyStart(OperationBlockStartAnalysisContext context, INamedTypeSymbol type, TestFrameworks frameworks, ClassState classState, MM0007Options options)
    {
        if (classState.IsCovered
            || context.OwningSymbol is not IMethodSymbol method
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, type)
            || !frameworks.IsTestMethod(method)
            || IsSkipped(method))
        {
            return; // only the bodies of this class's own test methods that run, and only until one covers a failure path
        }

        context.RegisterOperationAction(
            operation =>
            {
                if (classState.IsCovered)
                {
                    return;
                }

                var member = operation.Operation switch
                {
                    IInvocationOperation invocation => (ISymbol)invocation.TargetMethod,
                    IPropertyReferenceOperation property => property.Property,
                    _ => null,
                };
                if ((member is not null && MM0007ExceptionAssertions.IsExceptionAssertion(member))
                    || (operation.Operation is IInvocationOperation assertion && MM0007FailureOutcomes.IsFailureOutcomeAssertion(assertion, options))
                    || (operation.Operation is IInvalidOperation { Syntax: InvocationExpressionSyntax call }
                        && IsCandidateExceptionAssertion(call, operation.Operation.SemanticModel, operation.CancellationToken))
                    || (operation.Operation.Syntax is CatchClauseSyntax catchClause && MM0007ExceptionAssertions.HandlesTheFailure(catchClause)))
                {
                    classState.MarkCovered();
                }
            },
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.Invalid,
            OperationKind.CatchClause);
    }

    /// <summary>
    /// A call that does not bind (its lambda has an error: half-typed code, or a type of a newer framework version) whose
    /// candidates include an exception assertion: <c>Assert.ThrowsAsync&lt;T&gt;(() =&gt; Call(TestContext.Current…))</c>.
    /// </summary>
    private static bool IsCandidateExceptionAssertion(InvocationExpressionSyntax call, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return false;
        }

        var info = model.GetSymbolInfo(call, cancellationToken);
        if (info.Symbol is { } symbol)
        {
            return MM0007ExceptionAssertions.IsExceptionAssertion(symbol);
        }

        foreach (var candidate in info.CandidateSymbols)
        {
            if (MM0007ExceptionAssertions.IsExceptionAssertion(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static void OnNamedTypeEnd(SymbolAnalysisContext context, INamedTypeSymbol type, ClassState classState, MM0007Options options)
    {
        if (classState.IsCovered || InheritedBodyCovers(classState, options, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.MM0007_IntegrationTestWithoutFailurePath, type.Locations[0], type.Name));
    }

    private static bool InheritedBodyCovers(ClassState classState, MM0007Options options, CancellationToken cancellationToken)
    {
        if (classState.InheritedInSource is not { } inherited)
        {
            return false;
        }

        foreach (var method in inherited)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var body = reference.GetSyntax(cancellationToken);
                if (MM0007ExceptionAssertions.ContainsExceptionAssertion(body, cancellationToken)
                    || MM0007FailureOutcomes.ContainsFailureOutcomeAssertion(body, options, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasIntegrationName(string name)
        => name.EndsWith("IntegrationTests", StringComparison.Ordinal) || name.EndsWith("IntegrationTest", StringComparison.Ordinal);

    /// <summary>Per class: whether a covering test was found (written from concurrent operation callbacks).</summary>
    private sealed class ClassState
    {
        private int _covered;

        public ClassState(bool hasOwnTests, List<IMethodSymbol>? inheritedInSource)
        {
            HasOwnTests = hasOwnTests;
            InheritedInSource = inheritedInSource;
        }

        public bool HasOwnTests { get; }

        /// <summary>Inherited test methods declared in this project, not named for a failure path; null when there are none.</summary>
        public List<IMethodSymbol>? InheritedInSource { get; }

        public bool IsCovered => Volatile.Read(ref _covered) != 0;

        public void MarkCovered() => Volatile.Write(ref _covered, 1);
    }

    /// <summary>What the rule resolves once per compilation.</summary>
    private sealed class CompilationState
    {
        private readonly INamedTypeSymbol? _xunitTrait;
        private readonly INamedTypeSymbol? _nunitCategory;
        private readonly INamedTypeSymbol? _msTestCategory;

        public CompilationState(Compilation compilation, TestFrameworks frameworks, MM0007Options.Cache options)
        {
            Frameworks = frameworks;
            Options = options;
            _xunitTrait = compilation.GetTypeByMetadataName("Xunit.TraitAttribute");
            _nunitCategory = compilation.GetTypeByMetadataName("NUnit.Framework.CategoryAttribute");
            _msTestCategory = compilation.GetTypeByMetadataName("Microsoft.VisualStudio.TestTools.UnitTesting.TestCategoryAttribute");
            AssemblyIsIntegration = (_nunitCategory is not null || _msTestCategory is not null)
                && CarriesIntegrationCategory(compilation.Assembly.GetAttributes());
        }

        public TestFrameworks Frameworks { get; }

        public MM0007Options.Cache Options { get; }

        /// <summary>The assembly carries NUnit <c>[assembly: Category("Integration")]</c> or MSTest's TestCategory: every test class is an integration test class.</summary>
        public bool AssemblyIsIntegration { get; }

        /// <summary>The class or a base class carries the Integration test category (the attributes are inherited).</summary>
        public bool HasIntegrationCategory(INamedTypeSymbol type)
        {
            if (_xunitTrait is null && _nunitCategory is null && _msTestCategory is null)
            {
                return false;
            }

            INamedTypeSymbol? current = type;
            for (var depth = 0; current is not null && current.SpecialType != SpecialType.System_Object && depth < MaxBaseDepth; depth++)
            {
                if (CarriesIntegrationCategory(current.GetAttributes()))
                {
                    return true;
                }

                current = current.BaseType;
            }

            return false;
        }

        private bool CarriesIntegrationCategory(ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is not { } attributeClass)
                {
                    continue;
                }

                var arguments = attribute.ConstructorArguments;
                if (_xunitTrait is not null && SymbolEqualityComparer.Default.Equals(attributeClass, _xunitTrait))
                {
                    if (arguments.Length == 2 && IsText(arguments[0], "Category") && IsText(arguments[1], IntegrationCategory))
                    {
                        return true;
                    }
                }
                else if (_nunitCategory is not null && Shapes.DerivesFrom(attributeClass, _nunitCategory))
                {
                    // NUnit's parameterless constructor names the category after the attribute class: [Integration].
                    if (arguments.Length == 1 ? IsText(arguments[0], IntegrationCategory) : arguments.IsEmpty && IsIntegrationAttributeName(attributeClass.Name))
                    {
                        return true;
                    }
                }
                else if (_msTestCategory is not null && Shapes.DerivesFrom(attributeClass, _msTestCategory))
                {
                    if (arguments.Length == 1 && IsText(arguments[0], IntegrationCategory))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsText(TypedConstant constant, string expected)
            => constant.Kind == TypedConstantKind.Primitive
                && constant.Value is string text
                && string.Equals(text.Trim(), expected, StringComparison.OrdinalIgnoreCase);

        private static bool IsIntegrationAttributeName(string name)
            => string.Equals(name, IntegrationCategory, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, IntegrationCategory + "Attribute", StringComparison.OrdinalIgnoreCase);
    }
}
