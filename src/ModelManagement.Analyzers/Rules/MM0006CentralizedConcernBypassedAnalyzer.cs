using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0006: a centralized symbol (marked <c>[CentralizedBy(typeof(Processor))]</c> on itself or its type, overriding or
/// implementing such a member, or listed in a <c>CentralizedSymbols*.txt</c> additional file) is used outside its
/// processors, its declaring type and its implementations, and test code. Reported at each use: call, object creation,
/// property/field/event/indexer access, method group.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MM0006CentralizedConcernBypassedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MM0006_CentralizedConcernBypassed);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeReports.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            var files = CentralizedSymbolsFile.AnyIn(start.Options)
                ? CentralizedSymbolsFile.ReadAll(start)
                : ImmutableArray<CentralizedSymbolsFile>.Empty;
            var index = CentralizedSymbolIndex.TryCreate(start.Compilation, files, start.CancellationToken);
            if (index is null)
            {
                return; // no usable list, and no CentralizedByAttribute or nothing that can carry one: register nothing
            }

            // Uses can sit in any member body, initializer or lambda, so the action is not scoped to some members; an
            // operation whose target lives in an unrelated assembly is rejected by one cached lookup.
            start.RegisterOperationAction(
                context => Analyze(context, index),
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.PropertyReference,
                OperationKind.FieldReference,
                OperationKind.EventReference,
                OperationKind.MethodReference);
        });
    }

    private static void Analyze(OperationAnalysisContext context, CentralizedSymbolIndex index)
    {
        var operation = context.Operation;
        ISymbol? target = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            IMemberReferenceOperation reference => reference.Member,
            _ => null,
        };
        if (target is null)
        {
            return;
        }

        var centralization = index.Get(target);
        if (centralization is null
            || index.IsAllowedIn(centralization, context.ContainingSymbol)
            || CentralizedSymbolIndex.IsInsideNameOf(operation)
            || IsReceiverOfCentralizedUse(operation, index)
            || (operation is IObjectCreationOperation && (IsRegisteredWithServiceCollection(operation) || IsHandedToItsOwner(operation, centralization))))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MM0006_CentralizedConcernBypassed,
            GetLocation(operation.Syntax),
            target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            centralization.OwnerDisplay));
    }

    /// <summary>
    /// One bypass, one diagnostic: in <c>Pool.Shared.Get()</c> or <c>new HistoryDb().Insert(row)</c> the receiver is
    /// itself a centralized use; only the outer use (the one that does the work) is reported. Runs only on hits.
    /// </summary>
    private static bool IsReceiverOfCentralizedUse(IOperation operation, CentralizedSymbolIndex index)
    {
        var child = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        ISymbol? outer = parent switch
        {
            IInvocationOperation invocation when invocation.Instance == child => invocation.TargetMethod,
            IMemberReferenceOperation reference when reference.Instance == child => reference.Member,
            _ => null,
        };
        return outer is not null && index.Get(outer) is not null;
    }

    /// <summary>
    /// A creation the composition root hands to dependency injection: <c>services.AddSingleton(_ =&gt; new AuditClient(url))</c>
    /// or <c>services.AddSingleton(new AuditClient(url))</c> — a registration, like <c>AddSingleton&lt;IAudit, AuditClient&gt;()</c>,
    /// not a use of the concern (it cannot go through the processor, which receives the instance). Runs only on hits.
    /// </summary>
    private static bool IsRegisteredWithServiceCollection(IOperation creation)
    {
        var current = creation;
        for (var depth = 0; depth < 8 && current.Parent is { } parent; depth++)
        {
            switch (parent)
            {
                case IConversionOperation or IAnonymousFunctionOperation or IDelegateCreationOperation:
                    current = parent;
                    continue;
                case IReturnOperation { Kind: OperationKind.Return } returned:
                    // A factory lambda's value, whatever its body's shape: `sp => { var url = …; return new AuditClient(url); }`.
                    if (EnclosingAnonymousFunction(returned) is not { } factory)
                    {
                        return false;
                    }

                    current = factory;
                    continue;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                    when EnclosingAnonymousFunction(declarator) is { } returningFactory && Returns(returningFactory, declarator.Symbol):
                    // `sp => { var client = new AuditClient(url); …; return client; }`: the value handed over is the creation.
                    current = returningFactory;
                    continue;
                case IArgumentOperation { Parent: IInvocationOperation registration }:
                    var method = registration.TargetMethod.ReducedFrom ?? registration.TargetMethod;
                    return (!method.Parameters.IsEmpty && IsDependencyInjectionType(method.Parameters[0].Type, "IServiceCollection"))
                        || IsDependencyInjectionType(method.ContainingType, "ServiceDescriptor"); // ServiceDescriptor.Singleton(new X(..))
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A creation that is straight an argument of its owner's construction — a hand-written composition root's
    /// <c>new LogProcessor(new ConsoleLogSink())</c> (a scenario round) — hands the concern to the processor, like a
    /// registration with dependency injection: nothing else holds the instance. Runs only on hits.
    /// </summary>
    private static bool IsHandedToItsOwner(IOperation creation, Centralization centralization)
    {
        var current = creation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IArgumentOperation { Parent: IObjectCreationOperation { Type: INamedTypeSymbol constructed } })
        {
            return false;
        }

        var depth = 0;
        for (INamedTypeSymbol? type = constructed; type is not null && depth < 16; type = type.BaseType, depth++)
        {
            if (CentralizedSymbolIndex.Contains(centralization.Owners, type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lambda or anonymous method an operation is directly in (through blocks, branches and <c>try</c>), or null.</summary>
    private static IAnonymousFunctionOperation? EnclosingAnonymousFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation function:
                    return function;
                case ILocalFunctionOperation or IMethodBodyBaseOperation:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="function"/> returns <paramref name="local"/> (<c>return client;</c>, not from a nested function).</summary>
    private static bool Returns(IAnonymousFunctionOperation function, ILocalSymbol local)
    {
        foreach (var descendant in function.Body.Descendants())
        {
            if (descendant is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value }
                && Shapes.WithoutConversions(value) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && ReferenceEquals(EnclosingAnonymousFunction(descendant), function))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDependencyInjectionType(ITypeSymbol? type, string name)
        => type is INamedTypeSymbol
        {
            ContainingNamespace: { Name: "DependencyInjection", ContainingNamespace: { Name: "Extensions", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } },
        } named && named.Name == name;

    /// <summary>The name of the member used (<c>InsertAsync</c> in <c>_db.InsertAsync(x)</c>), the type of a creation, or the whole use.</summary>
    private static Location GetLocation(SyntaxNode syntax)
    {
        switch (syntax)
        {
            case InvocationExpressionSyntax invocation:
                return NameOf(invocation.Expression).GetLocation();
            case MemberAccessExpressionSyntax or MemberBindingExpressionSyntax:
                return NameOf((ExpressionSyntax)syntax).GetLocation();
            case ObjectCreationExpressionSyntax creation:
                return creation.Type.GetLocation();
            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                return Location.Create(implicitCreation.SyntaxTree, TextSpan.FromBounds(implicitCreation.NewKeyword.SpanStart, implicitCreation.ArgumentList.Span.End));
            default:
                return syntax.GetLocation();
        }
    }

    private static ExpressionSyntax NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name,
        MemberBindingExpressionSyntax memberBinding => memberBinding.Name,
        _ => expression,
    };
}
