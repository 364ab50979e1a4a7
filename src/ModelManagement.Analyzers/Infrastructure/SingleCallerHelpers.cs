using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// A private helper that only single-caller methods call, one awaited call at a time: a test class's helper its tests
/// await (squidex's <c>TextIndexerTests.GetProcessAsync</c>: <c>if (process == null) { process = new …(await
/// CreateSutAsync()); }</c> — the framework runs a class's tests one after another), or a hosted service's helper its
/// <c>StartAsync</c> awaits. Such a helper has no second caller to race with — unlike one a lambda calls, which may run
/// together with itself.
/// </summary>
internal static class SingleCallerHelpers
{
    private const int MaxAncestorDepth = 64;
    private const int MaxHelperDepth = 4;

    /// <summary>
    /// Whether <paramref name="method"/> is private (or <c>internal</c>, not virtual: aspire's CLI telemetry, whose
    /// <c>internal InitializeAsync</c> only its <c>StartAsync</c> awaits, internal so its tests can call it) and every
    /// mention of its name in the assembly is a call to it, awaited directly (<c>await H()</c>, <c>await H().ConfigureAwait(false)</c>) in the body of a method
    /// <paramref name="isSingleCaller"/> accepts (not in a lambda or local function). Runs only when a report is about to be made.
    /// With <paramref name="publicToo"/> (a test assembly's xunit fixture, which nothing outside the assembly calls) a public
    /// method is searched like an internal one.
    /// </summary>
    public static bool IsHelperOfSingleCallers(
        IMethodSymbol method,
        System.Func<IMethodSymbol, bool> isSingleCaller,
        Compilation compilation,
        CancellationToken cancellationToken,
        bool publicToo = false,
        System.Func<INamedTypeSymbol, bool>? publicCallersIn = null)
        => IsHelperOfSingleCallers(method, isSingleCaller, compilation, new System.Collections.Generic.HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), publicToo, publicCallersIn, cancellationToken);

    /// <summary>
    /// The same, where a caller may itself be such a helper (squidex's <c>SearchAsync</c> and <c>UpdateAsync</c> awaiting
    /// <c>GetProcessAsync</c>, each awaited by the tests), up to <see cref="MaxHelperDepth"/> helpers deep; a helper met
    /// again on the way (recursion) does not count. A public caller is searched like an internal one when its type is one
    /// <paramref name="publicCallersIn"/> accepts (couchbase's xunit collection fixture: <c>GetDefaultScope</c> and
    /// <c>DefaultBucket</c>, awaited by the tests, await each other and the private <c>BuildAsync</c>).
    /// </summary>
    private static bool IsHelperOfSingleCallers(
        IMethodSymbol method,
        System.Func<IMethodSymbol, bool> isSingleCaller,
        Compilation compilation,
        System.Collections.Generic.HashSet<IMethodSymbol> visiting,
        bool publicToo,
        System.Func<INamedTypeSymbol, bool>? publicCallersIn,
        CancellationToken cancellationToken)
    {
        if (visiting.Count >= MaxHelperDepth || !visiting.Add(method.OriginalDefinition))
        {
            return false;
        }

        bool IsSingleCallerOrItsHelper(IMethodSymbol caller)
            => isSingleCaller(caller)
                || IsHelperOfSingleCallers(
                    caller,
                    isSingleCaller,
                    compilation,
                    visiting,
                    publicToo: caller.DeclaredAccessibility == Accessibility.Public && caller.ContainingType is { } type && publicCallersIn?.Invoke(type) == true,
                    publicCallersIn,
                    cancellationToken);

        try
        {
            return IsHelperOfSingleCallersCore(method, IsSingleCallerOrItsHelper, compilation, cancellationToken, publicToo);
        }
        finally
        {
            visiting.Remove(method.OriginalDefinition);
        }
    }

    private static bool IsHelperOfSingleCallersCore(IMethodSymbol method, System.Func<IMethodSymbol, bool> isSingleCaller, Compilation compilation, CancellationToken cancellationToken, bool publicToo = false)
    {
        if (PrivateMethodUses.FindInAssembly(method, compilation, cancellationToken, publicToo) is not { } uses)
        {
            return false;
        }

        foreach (var (name, model) in uses)
        {
            if (!IsAwaitedCallInSingleCaller(name, model, isSingleCaller, cancellationToken, fieldReceiver: publicToo))
            {
                return false;
            }
        }

        return uses.Count > 0;
    }

    /// <summary>
    /// A private instance method whose only use is in an instance constructor of its type, outside any loop, local function
    /// or lambda: a direct call (<c>_ = ReceiveLoopAsync();</c>) or the delegate handed to <c>Task.Run</c> or
    /// <c>TaskFactory.StartNew</c> (<c>_ = Task.Run(ReceiveLoop, token);</c>, Obsidian's per-connection receive loop), also
    /// as a lambda that only calls it (<c>Task.Run(async () =&gt; await InitializeAsync()).Wait();</c>). It runs
    /// once per instance, so its state has one caller. A method group handed to anything else (a scheduler, a timer, an
    /// event) may be invoked again and is no such method — except the factory of a single-flight lazy the constructor creates
    /// (<see cref="SingleFlightCreation"/>), which runs one caller at a time. Runs only when a report is about to be made.
    /// </summary>
    public static bool IsStartedOnceByItsConstructor(IMethodSymbol method, LazyInitTypes types, Compilation compilation, CancellationToken cancellationToken)
        => IsStartedOnceByItsConstructor(method, types, compilation, depth: 0, cancellationToken);

    /// <summary>
    /// The same, where the one start may also sit in the body of another private method that runs once per instance itself,
    /// up to <see cref="MaxHelperDepth"/> methods deep: MM0001's lazy fix turns <c>Task.Run(InitializeAsync).Wait();</c> into
    /// <c>new AsyncInitializer(InitializeAsync1)</c> with <c>InitializeAsync1</c> awaiting <c>Task.Run(InitializeAsync)</c>.
    /// </summary>
    private static bool IsStartedOnceByItsConstructor(IMethodSymbol method, LazyInitTypes types, Compilation compilation, int depth, CancellationToken cancellationToken)
    {
        if (method.IsStatic || depth > MaxHelperDepth || PrivateMethodUses.Find(method, compilation, cancellationToken) is not [var (name, model)])
        {
            return false;
        }

        SyntaxNode use = name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Expression is ThisExpressionSyntax ? access : name;
        SyntaxNode? started = SingleFlightCreation(use, types, model, cancellationToken) is { } creation
            ? creation
            : OnlyCallingLambda(use) is { } lambda && TaskStartOf(lambda, model, cancellationToken) is { } startedByLambda
            ? startedByLambda // `Task.Run(async () => await InitializeAsync())`: the lambda stands for the method group
            : use.Parent is InvocationExpressionSyntax call && call.Expression == use
            ? call
            : TaskStartOf(use, model, cancellationToken);
        for (var node = started?.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ConstructorDeclarationSyntax constructor:
                    return !constructor.Modifiers.Any(SyntaxKind.StaticKeyword);
                case MethodDeclarationSyntax declaration:
                    return SemanticModels.For(compilation, declaration.SyntaxTree, model)?.GetDeclaredSymbol(declaration, cancellationToken) is { DeclaredAccessibility: Accessibility.Private } outer
                        && IsStartedOnceByItsConstructor(outer, types, compilation, depth + 1, cancellationToken);
                case ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The creation of a single-flight lazy that <paramref name="use"/> is the factory of — the method group, or a lambda
    /// that only calls it (<c>() =&gt; LoadAsync()</c>, <c>async () =&gt; await LoadAsync()</c>), as the first argument of
    /// a single-flight type MM0005 knows (<see cref="LazyInitTypes.IsSingleFlight"/>: the <c>AsyncLazy&lt;T&gt;</c> types,
    /// <c>AsyncInitializer</c>, and <c>Lazy&lt;Task&lt;T&gt;&gt;</c> created in its default, <c>true</c> or
    /// <c>ExecutionAndPublication</c> mode): the lazy runs it one caller at a time (an independent
    /// consumer's check inside an <c>AsyncLazy</c> factory). Null otherwise.
    /// </summary>
    private static BaseObjectCreationExpressionSyntax? SingleFlightCreation(SyntaxNode use, LazyInitTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        var factory = use;
        if (use.Parent is InvocationExpressionSyntax call && call.Expression == use)
        {
            if (OnlyCallingLambda(use) is not { } lambda)
            {
                return null;
            }

            factory = lambda;
        }

        if (factory.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } arguments } argument
            || arguments.Arguments[0] != argument
            || model.GetSymbolInfo(creation, cancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { } lazyType } constructor)
        {
            return null;
        }

        var singleFlight = types.IsSingleFlight(lazyType)
            && (!SymbolEqualityComparer.Default.Equals(lazyType.OriginalDefinition, types.Lazy) || IsExecutionAndPublication(constructor, arguments, model, cancellationToken));
        return singleFlight ? creation : null;
    }

    /// <summary>
    /// The parameterless lambda whose whole body is a call of the method with no arguments, awaited or not
    /// (<c>() =&gt; LoadAsync()</c>, <c>async () =&gt; await LoadAsync()</c>): it stands for the method group. Null otherwise.
    /// </summary>
    private static ParenthesizedLambdaExpressionSyntax? OnlyCallingLambda(SyntaxNode use)
    {
        if (use.Parent is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } call || call.Expression != use)
        {
            return null;
        }

        SyntaxNode body = call.Parent is AwaitExpressionSyntax awaited ? awaited : call;
        return body.Parent is ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 0 } lambda && lambda.Body == body ? lambda : null;
    }

    /// <summary>The <c>Task.Run(…)</c> or <c>TaskFactory.StartNew(…)</c> call <paramref name="work"/> is an argument of; null otherwise.</summary>
    private static InvocationExpressionSyntax? TaskStartOf(SyntaxNode work, SemanticModel model, CancellationToken cancellationToken)
        => work.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax starter } }
            && model.GetSymbolInfo(starter, cancellationToken).Symbol is IMethodSymbol run
            && BlockingWaitForms.IsTaskStart(run)
                ? starter
                : null;

    /// <summary><c>new Lazy&lt;T&gt;(f)</c>, <c>(f, true)</c> or <c>(f, LazyThreadSafetyMode.ExecutionAndPublication)</c>.</summary>
    private static bool IsExecutionAndPublication(IMethodSymbol constructor, ArgumentListSyntax arguments, SemanticModel model, CancellationToken cancellationToken)
    {
        if (constructor.Parameters.Length == 1)
        {
            return true;
        }

        if (constructor.Parameters.Length != 2 || arguments.Arguments.Count != 2 || arguments.Arguments[1].NameColon is not null)
        {
            return false;
        }

        var mode = model.GetConstantValue(arguments.Arguments[1].Expression, cancellationToken);
        return constructor.Parameters[1].Type switch
        {
            { SpecialType: SpecialType.System_Boolean } => mode is { HasValue: true, Value: true },
            { Name: "LazyThreadSafetyMode" } => mode is { HasValue: true, Value: 2 }, // ExecutionAndPublication
            _ => false,
        };
    }

    /// <summary>
    /// Whether <paramref name="method"/> overrides a protected hook that the base type declaring it only awaits from
    /// methods <paramref name="isSingleCaller"/> accepts: Exceptionless' test classes override <c>ResetDataAsync</c>,
    /// which their base's <c>IAsyncLifetime.InitializeAsync</c> awaits before each test. The override then runs when the
    /// base's single caller runs it. A hook the base also calls elsewhere, or declared public, is no such override.
    /// Runs only when a report is about to be made.
    /// </summary>
    public static bool IsOverrideOfAHookOfSingleCallers(IMethodSymbol method, System.Func<IMethodSymbol, bool> isSingleCaller, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!method.IsOverride)
        {
            return false;
        }

        var root = method;
        for (var depth = 0; depth < MaxAncestorDepth && root.OverriddenMethod is { } overridden; depth++)
        {
            root = overridden;
        }

        if (root.DeclaredAccessibility is not (Accessibility.Protected or Accessibility.ProtectedAndInternal)
            || PrivateMethodUses.FindInDeclaringType(root.OriginalDefinition, compilation, cancellationToken) is not { Count: > 0 } uses)
        {
            return false;
        }

        foreach (var (name, model) in uses)
        {
            if (!IsAwaitedCallInSingleCaller(name, model, isSingleCaller, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The task is the caller's result — <c>return H(…);</c>, <c>=&gt; H(…)</c>, or a local returned later
    /// (<c>var t = H(ct); _pending = t; return t;</c>, grpc-dotnet's <c>MoveNext</c> over <c>MoveNextCore</c>): whoever awaits
    /// the caller awaits it, so a caller with one caller at a time hands that on.
    /// </summary>
    private static bool IsReturned(ExpressionSyntax task)
    {
        switch (task.Parent)
        {
            case ReturnStatementSyntax or ArrowExpressionClauseSyntax:
                return true;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.FirstAncestorOrSelf<BlockSyntax>() is { } block:
                var name = declarator.Identifier.ValueText;
                foreach (var returned in block.DescendantNodes().OfType<ReturnStatementSyntax>())
                {
                    if (returned.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsPrimaryConstructorParameter(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol is not IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor })
        {
            return false;
        }

        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAwaitedCallInSingleCaller(
        SimpleNameSyntax name, SemanticModel model, System.Func<IMethodSymbol, bool> isSingleCaller, CancellationToken cancellationToken, bool fieldReceiver = false)
    {
        // `H(…)`, `this.H(…)` or `local.H(…)` (an instance the caller holds in a local: a private nested fixture a test
        // creates), then optionally `.ConfigureAwait(…)`, directly under `await`. With `fieldReceiver` (an xunit fixture's
        // method) also `_fixture.H(…)`: the fixture xunit handed the test class's constructor, kept in a field or property,
        // or a captured primary-constructor parameter (couchbase's `class StellarKvTests(StellarFixture fixture)`).
        ExpressionSyntax callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            && (access.Expression is ThisExpressionSyntax
                || (access.Expression is IdentifierNameSyntax receiver && model.GetSymbolInfo(receiver, cancellationToken).Symbol is { } held
                    && (held is ILocalSymbol
                        || (fieldReceiver && (held is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false } || IsPrimaryConstructorParameter(held, cancellationToken))))))
            ? access
            : name;
        if (callee.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != callee)
        {
            return false; // a method group handed on: it may be called from anywhere
        }

        ExpressionSyntax awaited = invocation;
        if (awaited.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure
            && configure.Expression == awaited && configure.Parent is InvocationExpressionSyntax configured)
        {
            awaited = configured;
        }

        if (awaited.Parent is not AwaitExpressionSyntax && !IsReturned(awaited))
        {
            return false; // started without waiting for it: a second call may overlap
        }

        var depth = 0;
        foreach (var ancestor in awaited.Ancestors())
        {
            if (++depth > MaxAncestorDepth || ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return false;
            }

            if (ancestor is MethodDeclarationSyntax declaration)
            {
                return model.GetDeclaredSymbol(declaration, cancellationToken) is { } caller && isSingleCaller(caller);
            }

            if (ancestor is MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }
}
