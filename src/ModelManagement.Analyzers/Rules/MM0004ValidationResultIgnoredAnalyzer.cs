using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0004: the result of a validation call (a <c>Validate</c>/<c>TryValidate</c> method, a <c>[Validator]</c> method, or
/// one returning a verdict with <c>IsValid</c>/<c>IsCompliant</c>/<c>Compliant</c>/<c>IsSafe</c>) is discarded, or stored in a
/// local (a variable, a pattern variable, an <c>out</c> argument carrying the verdict) that some path to a return, the end
/// of the member, a <c>yield return</c> or an overwrite never reads. The stored case is decided on the control-flow
/// graph of the member body holding the call. The rule reads syntax and symbols first and asks for the call's operation
/// only when it may be a validation call, so the driver builds no operation tree for it.
/// </summary>
/// <remarks>
/// The diagnostic is on the invocation (inside <c>await</c> and <c>ConfigureAwait(..)</c>); its message argument is the
/// invoked expression as written. Its properties are described by <see cref="MM0004Properties"/>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MM0004ValidationResultIgnoredAnalyzer : DiagnosticAnalyzer
{
    private const int MaxShapeDepth = 8;

    /// <summary>Whole words of a member name that speak of a verdict the validator left in its state.</summary>
    private static readonly string[] VerdictStateWords =
    {
        "Valid", "Invalid", "Error", "Errors", "Failed", "Failure", "Failures", "Fails", "Compliant", "Safe", "Unsafe", "Violation", "Violations",
        "Validation", "Messages", "Warnings",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MM0004_ValidationResultIgnored);

    internal enum Usage
    {
        Used,
        Discarded,
        DiscardAssignment,
        Stored,
        Pattern,
    }

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeReports.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetSpecialType(SpecialType.System_Boolean).TypeKind == TypeKind.Error)
            {
                return; // no core library: no verdict type can be judged, so register nothing
            }

            // A syntax-node action, not an operation action: an operation action registered for the compilation makes the
            // driver build the operation tree of every member body. Here the invoked method is judged from its symbol
            // first (ValidationCallClassifier.MayBeValidation), and only a possible validation call asks for its operation.
            var classifier = new ValidationCallClassifier(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
            var tests = TestFrameworks.Create(start.Compilation);
            start.RegisterSyntaxNodeAction(context => AnalyzeNode(context, classifier, tests), SyntaxKind.InvocationExpression);
        });
    }

    private static void AnalyzeNode(SyntaxNodeAnalysisContext context, ValidationCallClassifier classifier, TestFrameworks? tests)
    {
        if (context.ContainingSymbol is not (IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol))
        {
            return;
        }

        var model = context.SemanticModel;
        var syntax = (InvocationExpressionSyntax)context.Node;
        var resultMayBeIgnored = MayBeIgnoredResult(syntax);
        if ((!resultMayBeIgnored && !HasOutArgument(syntax)) || IsUnwrapOfACall(syntax))
        {
            return;
        }

        var options = classifier.GetOptions(syntax.SyntaxTree);
        if (!classifier.MayBeValidationByName(CalleeName(syntax), options, context.CancellationToken)
            || model.GetSymbolInfo(context.Node, context.CancellationToken).Symbol is not IMethodSymbol method
            || (method.ReturnsVoid && !ValidationCallClassifier.HasOutParameter(method))
            || !classifier.MayBeValidation(method, options, resultMayBeIgnored, context.CancellationToken)
            || (context.ContainingSymbol is IMethodSymbol owner && ((tests is not null && tests.IsTestMethod(owner)) || BenchmarkClasses.IsBenchmark(owner)))
            || InBenchmarkClass(context.ContainingSymbol.ContainingType)
            || model.GetOperation(context.Node, context.CancellationToken) is not IInvocationOperation invocation)
        {
            return;
        }

        AnalyzeInvocation(new Site(context.ReportDiagnostic, invocation, classifier, context.CancellationToken), invocation, classifier);
    }

    /// <summary>
    /// The syntactic shadow of <see cref="GetUsage"/>, run before any binding: through parentheses, casts, <c>!</c>,
    /// <c>await</c>, <c>.ConfigureAwait(..)</c> and a synchronous wait (<see cref="Shapes.BlockedOn"/>; or, alone, the <c>?.</c> of an optional validator), the call is a
    /// statement (or a void arrow body), the value of a plain assignment statement or of a variable's initializer, or the
    /// subject of <c>is</c> or <c>switch</c>. Everything else (an argument, a receiver, a condition, a return) passes the
    /// value on; such a call is still a candidate when it has an <c>out</c> argument (<see cref="HasOutArgument"/>), whose
    /// verdict may go unread.
    /// </summary>
    internal static bool MayBeIgnoredResult(InvocationExpressionSyntax invocation)
    {
        SyntaxNode current = invocation;
        var parent = current.Parent;
        if (parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == current)
        {
            // `_check?.Invoke(story);`, `var ok = _validator?.Validate(story);`: an optional validator's verdict (null when
            // absent). Nothing wraps it further: an awaited `?.` task is a null dereference first (MM0003's finding).
            current = conditional;
            parent = conditional.Parent;
        }

        for (var depth = 0; depth < MaxShapeDepth * 2 && parent is not null && current is not ConditionalAccessExpressionSyntax; depth++)
        {
            if (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or AwaitExpressionSyntax
                || parent.IsKind(SyntaxKind.SuppressNullableWarningExpression)
                || (parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access && access.Expression == current
                    && access.Parent is InvocationExpressionSyntax configure && configure.Expression == access))
            {
                current = parent is MemberAccessExpressionSyntax ? parent.Parent! : parent;
                parent = current.Parent;
                continue;
            }

            if (Shapes.AsTaskOf(current) is { } converted)
            {
                current = converted; // a ValueTask verdict as a Task: `await ValidateQuickAsync(x).AsTask();`
                parent = current.Parent;
                continue;
            }

            switch (Shapes.BlockedOn((ExpressionSyntax)current))
            {
                case (var value, Shapes.Blocking.Value): // `Validate…Async(x).Result`, `.GetAwaiter().GetResult()`: the verdict itself
                    current = OptionalCallAround(value);
                    parent = current.Parent;
                    continue;
                case (var wait, Shapes.Blocking.Wait): // `Validate…Async(x).Wait();`: the verdict dropped
                    return OptionalCallAround(wait).Parent is ExpressionStatementSyntax or ArrowExpressionClauseSyntax; // `void Touch(string s) => v.ValidateAsync(s).Wait();` too
            }

            break;
        }

        return parent switch
        {
            ExpressionStatementSyntax or ArrowExpressionClauseSyntax => true,
            ForStatementSyntax loop => loop.Initializers.Contains((ExpressionSyntax)current) || loop.Incrementors.Contains((ExpressionSyntax)current),
            AssignmentExpressionSyntax assignment => assignment.Right == current && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression),
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax } => true,
            IsPatternExpressionSyntax isPattern => isPattern.Expression == current,
            SwitchStatementSyntax switchStatement => switchStatement.Expression == current,
            SwitchExpressionSyntax switchExpression => switchExpression.GoverningExpression == current,
            _ => false,
        };
    }

    /// <summary>
    /// The <c>?.</c> whose blocked-on call <paramref name="blocked"/> is (<c>_optional?.ValidateAsync(x).Result</c>: an optional
    /// validator called from synchronous code, whose verdict is null when it is absent — a consumer round), or the node itself.
    /// </summary>
    private static SyntaxNode OptionalCallAround(SyntaxNode blocked) => Shapes.ConditionalAccessAround(blocked) ?? blocked;

    /// <summary>The operation twin of <see cref="OptionalCallAround(SyntaxNode)"/>.</summary>
    private static IOperation OptionalCallAround(IOperation blocked)
        => blocked.Parent is IConditionalAccessOperation conditional && conditional.WhenNotNull == blocked ? conditional : blocked;

    /// <summary>
    /// <c>….GetAwaiter().GetResult()</c> or <c>….AsTask()</c> of a call: the call is judged (through
    /// <see cref="Shapes.BlockedOn"/> and <see cref="MayBeIgnoredResult"/>), not the awaiter's <c>GetResult</c> or the
    /// conversion, whose types carry the verdict too.
    /// </summary>
    private static bool IsUnwrapOfACall(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax
        {
            Name.Identifier.ValueText: "GetResult",
            Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } },
        }
        or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsTask", Expression: InvocationExpressionSyntax }
            && invocation.ArgumentList.Arguments.Count == 0;

    /// <summary>The name the call's callee is written with (<c>Validate</c> in <c>_guard?.Validate(x)</c>), or null when it is not a name.</summary>
    internal static string? CalleeName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Whether the call passes an argument with <c>out</c>.</summary>
    internal static bool HasOutArgument(InvocationExpressionSyntax invocation)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
            {
                return true;
            }
        }

        return false;
    }

    private static void AnalyzeInvocation(Site context, IInvocationOperation invocation, ValidationCallClassifier classifier)
    {
        var hasOut = ValidationCallClassifier.HasOutParameter(invocation.TargetMethod);
        if (invocation.TargetMethod.ReturnsVoid && !hasOut)
        {
            return; // cheapest test first: most discarded calls return nothing
        }

        var usage = GetUsage(invocation, out var local, out var patternOwner);
        if (usage == Usage.Used && !hasOut)
        {
            return;
        }

        var options = classifier.GetOptions(invocation.Syntax.SyntaxTree);
        var outVerdict = hasOut ? classifier.FindOutVerdict(invocation, options, context.CancellationToken) : default;
        if (usage == Usage.Used && !outVerdict.Exists)
        {
            return;
        }

        var call = classifier.Classify(invocation, options, context.CancellationToken);
        var validityMember = call.ValidityMember;
        var form = MM0004Properties.Stored;
        if (outVerdict.Exists && !(usage == Usage.Used && (call.ResultIsBool || call.ValidityMember is not null)))
        {
            switch (JudgeOutVerdict(context, invocation, outVerdict, call.ResultIsBool || call.ValidityMember is not null, options))
            {
                case OutJudgement.Checked:
                    return;
                case OutJudgement.Unread:
                    local = outVerdict.Local;
                    validityMember = outVerdict.ValidityMember;
                    form = MM0004Properties.OutArgument;
                    usage = Usage.Stored;
                    call = new ValidationCall(outVerdict.Reason, resultIsBool: false, validityMember);
                    break;
                case OutJudgement.Discarded:
                    local = null;
                    validityMember = outVerdict.ValidityMember;
                    usage = Usage.DiscardAssignment;
                    form = MM0004Properties.OutDiscard;
                    call = new ValidationCall(outVerdict.Reason, resultIsBool: false, validityMember);
                    break;
            }
        }

        if (usage == Usage.Used || !call.IsValidation || (usage == Usage.DiscardAssignment && !options.DiscardIsIgnored)
            || AsksToThrowOnFailure(invocation))
        {
            return;
        }

        if (call.ResultIsBool && form == MM0004Properties.Stored
            && (ReturnsAChangeFlag(invocation.TargetMethod, context.CancellationToken)
                || AbsentInputValidators.CannotReturnFalse(invocation, context.CancellationToken)))
        {
            // jellyfin's `item.ValidateImages();`: a repair that drops what is broken and says whether it changed anything.
            // Discord.Net's `if (!string.IsNullOrEmpty(Url)) UrlValidation.Validate(Url);`: false only for an absent URL,
            // a bad one throws.
            return;
        }

        if (usage is Usage.Discarded or Usage.DiscardAssignment && form != MM0004Properties.OutDiscard
            && classifier.PassesFindingsToCaller(invocation))
        {
            return; // the findings go into the caller's collection: TryValidateItems(items, ctx, results) { … TryValidateObject(item, c, results); }
        }

        if (usage is Usage.Discarded or Usage.DiscardAssignment && form != MM0004Properties.OutDiscard
            && classifier.FindFindingsSink(invocation) is { } sink && IsInGraphRoot(invocation)
            && (ReadInTheBodyOfALaterLoop(sink, invocation, context.CancellationToken)
                || !ValidationResultFlow.HasUnreadPath(context.GetControlFlowGraph(), sink, invocation.Syntax, ValidationStore.OutArgument, context.IsValidationCall, context.CancellationToken)))
        {
            // The findings the validator filled are read on every path: TryValidateObject(model, ctx, results, true);
            // Assert.Empty(results); or in the body of a loop that runs after the call (its zero-iteration path has no data
            // to pair them with: Blazorise's `for (i < results.Count) … formattedResults[i].ErrorMessage`).
            return;
        }

        if (usage is Usage.Discarded or Usage.DiscardAssignment && form != MM0004Properties.OutDiscard
            && OutValueCarryingTheVerdict(invocation) is { } carried && IsInGraphRoot(invocation)
            && !ValidationResultFlow.HasUnreadPath(context.GetControlFlowGraph(), carried, invocation.Syntax, ValidationStore.OutArgument, context.IsValidationCall, context.CancellationToken))
        {
            // `TryValidate(response, out EndIds? raw); return raw;` with `[NotNullWhen(true)] out`: the value is null exactly
            // when validation failed, and it is read on every path (Snap.Hutao's response validator: `?? string.Empty`,
            // `??= IPInformation.Default`, a nullable return) — the verdict travels with the value.
            return;
        }

        if (usage is Usage.Discarded or Usage.DiscardAssignment && form != MM0004Properties.OutDiscard
            && call.ResultIsBool && IsInGraphRoot(invocation)
            && ErrorOutputsTestedOnEveryPath(invocation, context))
        {
            // `TryValidateSettings(s, out string paramName, out string reason); if (reason != null) throw new
            // ArgumentException(reason, paramName);` (FeatureManagement): the failure detail is the verdict's other channel,
            // and it is tested (or asserted) on every path — the fix's throw replaced the method's own ArgumentException.
            return;
        }

        if (usage is Usage.Discarded or Usage.DiscardAssignment && form != MM0004Properties.OutDiscard
            && FindingsMemberOfAnArgumentReadAfter(invocation, classifier, context.CancellationToken))
        {
            return; // `await ValidateAddToCartItemAsync(ctx, item); foreach (var w in ctx.Warnings) …` (Smartstore): the findings are read
        }

        if (usage is Usage.Discarded or Usage.DiscardAssignment && form != MM0004Properties.OutDiscard
            && FindingsCollectedInOwnMemberReadAfter(invocation, context.CancellationToken))
        {
            return; // `ValidateFile(file);` adding to `_errors`, then `return new ValidationResult(_errors);` (Wayfarer): the findings are read
        }

        if (usage == Usage.Discarded && DiscardedCallStatement(invocation.Syntax) is { } statement
            && RunsAfter(statement) is var (next, endedFunction)
            && (next is not null
                ? next is ReturnStatementSyntax { Expression: null } or ThrowStatementSyntax || ReadsValidatorVerdictState(next, invocation.Syntax)
                    || ReadsValidatorVerdictStateAfterWaitingOnIt(next, invocation, context.CancellationToken)
                : endedFunction is not null && EndsAnEventHandler(endedFunction, invocation.SemanticModel, context.CancellationToken)))
        {
            // `ValidateNonNullSource(source); return;` — validated for its effect (reporting the error), nothing handed on
            // (Avalonia's PropertyAccessorNode), and so at the end of an event handler (ant-design's field-changed handler
            // ending in `ctx.Validate();`); `ValidateInput(request); if (ValidationFailed) { … }` or
            // `c.Value.Validate(); return !c.Value.GetValidationMessages().Any();` — the verdict is read from the
            // validator's state (elsa's FastEndpoints endpoints, radzen's data grid).
            return;
        }

        if (usage is Usage.Discarded or Usage.DiscardAssignment && form != MM0004Properties.OutDiscard
            && DiscardedCallStatement(invocation.Syntax) is { } discarded
            && RunsAfter(discarded) is ({ } following and ReturnStatementSyntax { Expression: not null }, _)
            && invocation.SemanticModel?.GetOperation(following, context.CancellationToken) is IReturnOperation { ReturnedValue: { } rejection }
            && RejectionResults.IsRejectionOrNothing(rejection))
        {
            // `_ = Totp.Validate(dummyKey, …); return false;` (Duende's user authenticators: a dummy validation that only
            // evens out the timing), `Validate(x); return new ValidationFailure(…);`: the function rejects on this path.
            return;
        }

        if (usage is Usage.Discarded or Usage.DiscardAssignment && form != MM0004Properties.OutDiscard
            && call.ResultIsBool && OnlyReturnsTrue(invocation, context.CancellationToken))
        {
            // `bool TryValidateUnitValue(..) { if (ok) return true; throw …; }` (Nethereum): the verdict is a constant, the
            // failure a throw.
            return;
        }

        if (usage == Usage.Discarded && form != MM0004Properties.OutDiscard
            && invocation.SemanticModel?.GetEnclosingSymbol(invocation.Syntax.SpanStart, context.CancellationToken) is IMethodSymbol function && Shapes.ReturnsNothing(function)
            && (RecordsVerdictInOwnState(invocation, context.CancellationToken)
                || (call.ResultIsBool && ReportsEveryFailure(invocation.TargetMethod, depth: 0, context.CancellationToken))))
        {
            // A component's own validator that keeps its verdict in the component (`Status = …; Message = …;`, an
            // `error` field the view shows), called from a member that hands nothing on: run for that effect (Blazorise's
            // `InitializeInput`, Nethereum's "Check" button). The same for a source validator that reports each failure
            // before returning false (GraphQL.NET's authorization visitor: `HandleNodeNotAuthorized(info); return false;`).
            return;
        }

        if (form == MM0004Properties.Stored && DeliversTheVerdictIntoAnArgument(invocation, context.CancellationToken))
        {
            // Nancy's `module.Validate(model);` keeps the verdict in `module.ModelValidationResult`, which the route reads.
            return;
        }

        if (form == MM0004Properties.Stored && !call.ResultIsBool && validityMember is null
            && IsDataEnumOfAThrowingValidator(invocation.TargetMethod, invocation.Type, context.CancellationToken))
        {
            // stryker's `var provider = BaselineProviderInput.Validate();` (an enum of choices, throwing on a bad one),
            // Humanizer's `ValidateFractionalSecondGrammar(…);` run for its throw: the throw is the verdict.
            return;
        }

        if (usage is Usage.Stored or Usage.Pattern && form == MM0004Properties.Stored
            && validityMember is null
            && (call.ResultIsBool
                ? ReturnsAParsedBoolean(invocation.TargetMethod, context.CancellationToken)
                : IsPlainValue(invocation.Type) && invocation.TargetMethod.ReturnNullableAnnotation != NullableAnnotation.Annotated)) // `string?`: the error, null when valid
        {
            // `var path = input.Validate();` returning a string or a number: the validated (or parsed) value, not a
            // verdict — a validator of that shape throws on failure, so a path that never reads the value drops nothing. The
            // same for a `bool` read from the input by a source validator that throws on every failure (efcore's
            // `ValidateBoolValue(path, property)` returning `property.Value.GetBoolean()`).
            return;
        }

        if (usage == Usage.Pattern)
        {
            local = patternOwner is null || !IsInGraphRoot(invocation)
                ? null
                : FirstUnreadPatternLocal(context, invocation, patternOwner, call.ResultIsBool || call.ValidityMember is not null);
            if (local is null)
            {
                return;
            }
        }
        else if (usage == Usage.Stored && form == MM0004Properties.Stored
            && (local is null || !IsInGraphRoot(invocation)
                || FoldedIntoAnAccumulator(local, invocation, context.CancellationToken)
                || !ValidationResultFlow.HasUnreadPath(context.GetControlFlowGraph(), local, invocation.Syntax, ValidationStore.Value, context.IsValidationCall, context.CancellationToken)))
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(MM0004Properties.Form, usage switch
        {
            Usage.Discarded => MM0004Properties.Discarded,
            Usage.DiscardAssignment when form == MM0004Properties.OutDiscard => MM0004Properties.OutDiscard,
            Usage.DiscardAssignment => MM0004Properties.DiscardAssignment,
            Usage.Pattern => MM0004Properties.PatternVariable,
            _ => form,
        });
        if (call.ResultIsBool || validityMember is not null)
        {
            properties.Add(MM0004Properties.ValidityMember, validityMember ?? string.Empty);
        }

        if (local is not null)
        {
            properties.Add(MM0004Properties.Local, local.Name);
        }

        properties.Add(MM0004Properties.Validator, ValidatorName(invocation));
        properties.Add(MM0004Properties.Reason, call.Reason.ToString());
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MM0004_ValidationResultIgnored,
            invocation.Syntax.GetLocation(),
            properties.ToImmutable(),
            InvocationDisplay.Name(invocation)));
    }

    /// <summary>
    /// A string, character, number or date (or a nullable one): a value, with no verdict to read. Not an enum, which is
    /// often the verdict itself (<c>enum Verdict { Allowed, Blocked }</c>).
    /// </summary>
    private static bool IsPlainValue(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var underlying] })
        {
            type = underlying;
        }

        return type is not null
            && type.TypeKind != TypeKind.Enum
            && (type.SpecialType is SpecialType.System_String or SpecialType.System_Char or SpecialType.System_DateTime
                or (>= SpecialType.System_SByte and <= SpecialType.System_Double)); // SByte … Decimal, Single, Double
    }

    /// <summary>
    /// The validator as the throw fix's message names it: the method, or for a delegate (<c>_check(story)</c>,
    /// <c>_check.Invoke(story)</c>) the field, property, local or parameter holding it rather than <c>Invoke</c>.
    /// </summary>
    private static string ValidatorName(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
        {
            var instance = invocation.Instance is IConditionalAccessInstanceOperation && invocation.Parent is IConditionalAccessOperation conditional
                ? conditional.Operation // `_check?.Invoke(story)`
                : invocation.Instance;
            switch (Shapes.WithoutConversions(instance))
            {
                case IMemberReferenceOperation member:
                    return member.Member.Name;
                case ILocalReferenceOperation local:
                    return local.Local.Name;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.Name;
            }
        }

        return invocation.TargetMethod.Name;
    }

    /// <summary>
    /// The local an <c>out</c> parameter marked <c>[NotNullWhen(true)]</c> or <c>[MaybeNullWhen(false)]</c> writes (by
    /// attribute class name, so a polyfill counts): the value that is null (or default) exactly when the call returns false.
    /// </summary>
    /// <summary>
    /// An <c>out</c> argument whose parameter is named for the failure (<c>error</c>, <c>errors</c>, <c>errorMessage</c>,
    /// <c>reason</c>, <c>failure</c>, <c>problem</c>, <c>violation</c>, …) into a local that is read on every path, one of its
    /// reads deciding something: a condition (<c>if (reason != null) throw …</c>, <c>?:</c>, a loop, <c>&amp;&amp;</c>/<c>||</c>,
    /// a pattern, a comparison computing a verdict) or an argument of an assertion (<c>Assert.Equal(expected, errorMessage)</c>, <c>….Should()</c>). Such a
    /// detail is set exactly when validation failed, so testing it is checking the dropped <c>bool</c>'s verdict. Reads that
    /// only log or pass it on decide nothing and keep the report.
    /// </summary>
    private static bool ErrorOutputsTestedOnEveryPath(IInvocationOperation invocation, Site context)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { RefKind: RefKind.Out } parameter
                || !IsFailureName(parameter.Name)
                || (argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value) is not ILocalReferenceOperation { Local: var local }
                || !HasDecidingRead(local, invocation.Syntax))
            {
                continue;
            }

            if (!ValidationResultFlow.HasUnreadPath(context.GetControlFlowGraph(), local, invocation.Syntax, ValidationStore.OutArgument, context.IsValidationCall, context.CancellationToken))
            {
                return true;
            }
        }

        return false;

        static bool IsFailureName(string name) => IdentifierWords.ContainsAnyWord(name, FailureWords);
    }

    private static readonly string[] FailureWords = { "error", "errors", "reason", "failure", "failures", "problem", "problems", "violation", "violations" };

    /// <summary>A read of <paramref name="local"/> after <paramref name="call"/> in a condition or an assertion's arguments.</summary>
    private static bool HasDecidingRead(ILocalSymbol local, SyntaxNode call)
    {
        if (call.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
        {
            return false;
        }

        foreach (var node in member.DescendantNodes())
        {
            if (node.SpanStart < call.Span.End || node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != local.Name)
            {
                continue;
            }

            for (SyntaxNode? current = identifier; current is not null && current is not (StatementSyntax or MemberDeclarationSyntax); current = current.Parent)
            {
                switch (current.Parent)
                {
                    case IfStatementSyntax ifStatement when ifStatement.Condition == current:
                    case WhileStatementSyntax loop when loop.Condition == current:
                    case ConditionalExpressionSyntax conditional when conditional.Condition == current:
                    case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression }:
                    // A comparison computes a verdict from the detail (`return new Verdict(errors.Count == 0, errors);`, a
                    // fix-shapes round's adapter from the Try form, reported while `errors.Count is 0` was not); `??` alone
                    // only supplies a default (`$"{error ?? "ok"}"` in a log decides nothing) and counts where it sits.
                    case BinaryExpressionSyntax
                    {
                        RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression or (int)SyntaxKind.LessThanExpression
                            or (int)SyntaxKind.LessThanOrEqualExpression or (int)SyntaxKind.GreaterThanExpression or (int)SyntaxKind.GreaterThanOrEqualExpression,
                    }:
                    case IsPatternExpressionSyntax:
                    case SwitchStatementSyntax or SwitchExpressionSyntax:
                        return true;
                    case ArgumentListSyntax { Parent: InvocationExpressionSyntax assertion } when IsAssertion(assertion):
                        return true;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Should" }:
                        return true;
                }
            }
        }

        return false;

        static bool IsAssertion(InvocationExpressionSyntax invocation)
            => invocation.Expression switch
            {
                MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Assert" or "ClassicAssert" or "CollectionAssert" or "StringAssert" } } => true,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText.StartsWith("Assert", System.StringComparison.Ordinal),
                IdentifierNameSyntax name => name.Identifier.ValueText.StartsWith("Assert", System.StringComparison.Ordinal),
                _ => false,
            };
    }

    private static ILocalSymbol? OutValueCarryingTheVerdict(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { RefKind: RefKind.Out } parameter)
            {
                continue;
            }

            var value = argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value;
            if (value is not ILocalReferenceOperation local)
            {
                continue;
            }

            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "NotNullWhenAttribute" or "MaybeNullWhenAttribute"
                    && attribute.ConstructorArguments is [{ Value: bool returnValue }]
                    && returnValue == (attribute.AttributeClass.Name == "NotNullWhenAttribute"))
                {
                    return local.Local;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A member of a BenchmarkDotNet class (one, or a type it is nested in, with a <c>[Benchmark]</c> method, declared or
    /// inherited): its helpers only dispatch to the stage being timed (graphql-dotnet's <c>DetailedBenchmark.Run</c>:
    /// <c>case StageEnum.Validate: benchmarkInfo.Validate(); break;</c>), and the validation is what it measures. Read
    /// only for a possible validation call.
    /// </summary>
    private static bool InBenchmarkClass(INamedTypeSymbol? type)
    {
        for (var depth = 0; type is not null && depth < MaxShapeDepth; depth++, type = type.ContainingType)
        {
            if (BenchmarkClasses.DeclaresBenchmark(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an argument (a local or parameter) has a findings-named collection member that the same function reads
    /// after the call — the validator filled the context's <c>Warnings</c>, and the code goes through them:
    /// <c>await ValidateAddToCartItemAsync(ctx, item, cartItems); foreach (var warning in ctx.Warnings) …</c>
    /// (Smartstore's <c>ShoppingCartValidator</c>, found by a triage of unseen repositories).
    /// </summary>
    /// <summary>
    /// The call is an own instance validator (on <c>this</c>, declared in source) that adds its findings to a collection member
    /// of the object (<c>_errors.AddRange(local)</c>, <c>_errors.Add(…)</c>), and the calling function mentions that member
    /// after the call: the findings collect in the object, where the caller reads them (Wayfarer's content pipeline:
    /// <c>foreach (…) ValidateFile(file);</c> then <c>return new ValidationResult(_errors);</c> — a triage, whose throw fix
    /// turned the aggregate validation into a fail-fast one). Judged from syntax.
    /// </summary>
    private static bool FindingsCollectedInOwnMemberReadAfter(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
            || invocation.TargetMethod.IsStatic
            || Shapes.SingleMethodDeclaration(invocation.TargetMethod.OriginalDefinition, cancellationToken) is not { } declaration
            || Shapes.EnclosingFunction(invocation.Syntax) is not { } caller)
        {
            return false;
        }

        System.Collections.Generic.HashSet<string>? collected = null;
        foreach (var node in declaration.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: var receiver, Name.Identifier.ValueText: "Add" or "AddRange" } }
                && OwnMemberName(receiver) is { } member
                && IsOwnInstanceMember(invocation.TargetMethod.ContainingType, member))
            {
                (collected ??= new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal)).Add(member);
            }
        }

        if (collected is null)
        {
            return false;
        }

        foreach (var token in caller.DescendantTokens())
        {
            if (token.SpanStart >= invocation.Syntax.Span.End && token.IsKind(SyntaxKind.IdentifierToken) && collected.Contains(token.ValueText)
                && token.Parent is IdentifierNameSyntax name
                && !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Expression is not ThisExpressionSyntax))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FindingsMemberOfAnArgumentReadAfter(IInvocationOperation invocation, ValidationCallClassifier classifier, CancellationToken cancellationToken)
    {
        var call = invocation.Syntax;
        if (invocation.SemanticModel is not { } model
            || Shapes.EnclosingFunction(call) is not { } body)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (ValidationResultFlow.ArgumentVariable(argument) is not { } holder)
            {
                continue;
            }

            var value = argument.Value is IConversionOperation conversion ? conversion.Operand : argument.Value;
            foreach (var member in classifier.FindingsMembers(value.Type))
            {
                foreach (var node in body.DescendantNodes(node => node.Span.End > call.Span.End))
                {
                    if (node is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name: var name } access
                        && access.SpanStart >= call.Span.End
                        && receiver.Identifier.ValueText == holder.Name && name.Identifier.ValueText == member.Name
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver, cancellationToken).Symbol, holder))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the <c>bool</c> verdict in <paramref name="local"/> is folded into a sticky "all valid" flag the same function
    /// keeps, <c>if (result) result = next;</c> (Silverback's <c>MessageValidator</c>): the path that skips the read is the
    /// one where the flag is already <c>false</c>, so the outcome no longer depends on it — the spelling of
    /// <c>result &amp;= next;</c>, which reads it on every path.
    /// </summary>
    private static bool FoldedIntoAnAccumulator(ILocalSymbol local, IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        if (local.Type.SpecialType != SpecialType.System_Boolean
            || invocation.SemanticModel is not { } model
            || Shapes.EnclosingFunction(invocation.Syntax) is not { } body)
        {
            return false;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is not IfStatementSyntax { Else: null } ifStatement)
            {
                continue;
            }

            var statement = ifStatement.Statement is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : ifStatement.Statement;
            var condition = ifStatement.Condition;
            while (condition is ParenthesizedExpressionSyntax parenthesized)
            {
                condition = parenthesized.Expression;
            }

            if (condition is BinaryExpressionSyntax equals && equals.IsKind(SyntaxKind.EqualsExpression) && equals.Right.IsKind(SyntaxKind.TrueLiteralExpression))
            {
                condition = equals.Left;
            }

            if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax accumulator, Right: IdentifierNameSyntax read } assignment }
                && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                && condition is IdentifierNameSyntax tested
                && tested.Identifier.ValueText == accumulator.Identifier.ValueText
                && read.Identifier.ValueText == local.Name
                && accumulator.Identifier.ValueText != local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(read, cancellationToken).Symbol, local)
                && model.GetSymbolInfo(accumulator, cancellationToken).Symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_Boolean })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the findings collection <paramref name="sink"/> is read in the body of a loop that starts after the call,
    /// in the same function: the loop reads the findings for each item of its own data, so the path that skips the loop
    /// is one with no data, not one that drops the findings.
    /// </summary>
    private static bool ReadInTheBodyOfALaterLoop(ILocalSymbol sink, IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var call = invocation.Syntax;
        var body = Shapes.EnclosingFunction(call);
        if (body is null || invocation.SemanticModel is not { } model)
        {
            return false;
        }

        foreach (var token in body.DescendantTokens(node => node.Span.End > call.Span.End))
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.SpanStart < call.Span.End || token.ValueText != sink.Name
                || token.Parent is not IdentifierNameSyntax name)
            {
                continue;
            }

            var inLaterLoopBody = false;
            SyntaxNode child = name;
            for (var ancestor = name.Parent; ancestor is not null && ancestor != body; child = ancestor, ancestor = ancestor.Parent)
            {
                if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    break; // another function's read
                }

                var loopBody = ancestor switch
                {
                    ForStatementSyntax loop => loop.Statement,
                    CommonForEachStatementSyntax loop => loop.Statement,
                    WhileStatementSyntax loop => loop.Statement,
                    DoStatementSyntax loop => loop.Statement,
                    _ => null,
                };
                if (loopBody == child && ancestor.SpanStart > call.Span.End)
                {
                    inLaterLoopBody = true;
                    break;
                }
            }

            if (inLaterLoopBody && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, sink))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The expression statement a discarded call stands as (through <c>await</c> and <c>.ConfigureAwait(..)</c>).</summary>
    private static ExpressionStatementSyntax? DiscardedCallStatement(SyntaxNode call)
    {
        var node = call;
        for (var depth = 0; depth < MaxShapeDepth && node is not null; depth++, node = node.Parent)
        {
            if (node is ExpressionStatementSyntax statement)
            {
                return statement;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="next"/> (an <c>if</c>) tests a member of the validator's own receiver whose name speaks of
    /// the verdict (<c>ValidationFailed</c>, <c>HasErrors</c>, <c>IsValid</c>): <c>validator.Validate(x); if
    /// (validator.HasErrors) …</c>, or an own validator followed by <c>if (ValidationFailed)</c>.
    /// </summary>
    private static bool ReadsValidatorVerdictState(StatementSyntax next, SyntaxNode call)
    {
        var read = next switch
        {
            IfStatementSyntax ifStatement => ifStatement.Condition,
            ReturnStatementSyntax { Expression: { } returned } => returned,
            _ => null,
        };
        if (read is null || call is not InvocationExpressionSyntax invocation)
        {
            return false;
        }

        string? receiver = invocation.Expression switch
        {
            IdentifierNameSyntax or GenericNameSyntax => null, // an own method: implicit `this`
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } => null,
            MemberAccessExpressionSyntax { Expression: var owner } when IsNameChain(owner) => owner.ToString(), // `validator`, `c.Value`
            _ => "",
        };
        if (receiver == string.Empty)
        {
            return false;
        }

        foreach (var node in read.DescendantNodesAndSelf())
        {
            var member = node switch
            {
                MemberAccessExpressionSyntax access when receiver is null && access.Expression is ThisExpressionSyntax => access.Name.Identifier.ValueText,
                MemberAccessExpressionSyntax access when receiver is not null && IsNameChain(access.Expression) && access.Expression.ToString() == receiver => access.Name.Identifier.ValueText,
                IdentifierNameSyntax name when receiver is null && !(name.Parent is MemberAccessExpressionSyntax parentAccess && parentAccess.Name == name)
                    && name.Identifier.ValueText is [var first, ..] && (char.IsUpper(first) || first == '_') => name.Identifier.ValueText, // a member's name, not a local's `isValid`
                _ => null,
            };
            if (member is not null && NamesAVerdict(member))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Like <see cref="ReadsValidatorVerdictState"/> on a later statement of the same block, when the (at most two)
    /// statements before it touch nothing but the validator (its receiver, the locals they declare, types; a throw hands
    /// nothing on): waiting for its pending asynchronous validators before reading the verdict from its state
    /// (Blazored.FluentValidation: <c>ctx.Validate(); if (!ctx.Properties.TryGetValue(PendingTask, out var t)) { throw …; }
    /// await (Task)t; return !ctx.GetValidationMessages().Any();</c>). A statement in between that touches anything else
    /// (the content, another object) or leaves the block keeps the report.
    /// </summary>
    private static bool ReadsValidatorVerdictStateAfterWaitingOnIt(StatementSyntax next, IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var owner } }
            || !IsNameChain(owner)
            || invocation.SemanticModel is not { } model)
        {
            return false;
        }

        var root = owner;
        while (root is MemberAccessExpressionSyntax access)
        {
            root = access.Expression;
        }

        if (root is not IdentifierNameSyntax rootName || model.GetSymbolInfo(rootName, cancellationToken).Symbol is not { } receiver)
        {
            return false;
        }

        var current = next;
        for (var skipped = 0; skipped < 2; skipped++)
        {
            if (current.Parent is not BlockSyntax block || !TouchesOnly(current, TextSpan.FromBounds(next.SpanStart, current.Span.End), receiver, model, cancellationToken))
            {
                return false;
            }

            var index = block.Statements.IndexOf(current);
            if (index < 0 || index + 1 >= block.Statements.Count)
            {
                return false;
            }

            current = block.Statements[index + 1];
            if (ReadsValidatorVerdictState(current, invocation.Syntax))
            {
                return true;
            }
        }

        return false;

        // `waited`: the statements skipped so far, whose locals the later ones may use (`out var pending`, then `await pending`).
        // A throw hands nothing on (as a `throw` right after the call); a return, a jump or a lambda could.
        static bool TouchesOnly(StatementSyntax statement, TextSpan waited, ISymbol receiver, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var node in statement.DescendantNodesAndSelf())
            {
                if (node is ReturnStatementSyntax or GotoStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax
                    or YieldStatementSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return false;
                }

                if (node is not IdentifierNameSyntax name || (name.Parent is MemberAccessExpressionSyntax parent && parent.Name == name)
                    || SyntaxFacts.IsInTypeOnlyContext(name))
                {
                    continue; // a member's name, or a type's (resolved or not: `(Task<ValidationResult>)t` with a package still loading)
                }

                var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
                if (symbol is INamespaceOrTypeSymbol or ITypeParameterSymbol || SymbolEqualityComparer.Default.Equals(symbol, receiver))
                {
                    continue;
                }

                if (symbol is ILocalSymbol local && local.DeclaringSyntaxReferences is [var declaration] && waited.Contains(declaration.Span))
                {
                    continue;
                }

                return false;
            }

            return true;
        }
    }

    /// <summary><c>name</c>, <c>a.b.c</c>: a receiver that reads the same object each time it is written (no call, no index).</summary>
    private static bool IsNameChain(ExpressionSyntax expression)
        => expression switch
        {
            IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: var inner, Name: IdentifierNameSyntax } => IsNameChain(inner),
            _ => false,
        };

    /// <summary>
    /// What runs right after <paramref name="statement"/>: the next statement — its sibling, or, when it ends an <c>if</c>
    /// or <c>else</c> branch or the block of a <c>try</c>, <c>catch</c>, <c>finally</c>, <c>using</c>, <c>lock</c>,
    /// <c>checked</c>, <c>fixed</c> or <c>unsafe</c> statement, the statement after that one — or, when it ends its
    /// function's body that way, the function (<c>EndedFunction</c>). Both null at the end of a loop body or a switch
    /// section, or past a few levels.
    /// </summary>
    private static (StatementSyntax? Next, SyntaxNode? EndedFunction) RunsAfter(StatementSyntax statement)
    {
        SyntaxNode current = statement;
        for (var depth = 0; depth < MaxShapeDepth * 2; depth++)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case BlockSyntax block:
                    var index = block.Statements.IndexOf((StatementSyntax)current);
                    if (index >= 0 && index + 1 < block.Statements.Count)
                    {
                        return (block.Statements[index + 1], null);
                    }

                    if (block.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)
                    {
                        return (null, block.Parent);
                    }

                    current = block;
                    continue;
                case TryStatementSyntax or UsingStatementSyntax or LockStatementSyntax or CheckedStatementSyntax or FixedStatementSyntax or UnsafeStatementSyntax:
                    current = parent;
                    continue;
                case CatchClauseSyntax or FinallyClauseSyntax:
                    current = parent.Parent!;
                    continue;
                case ElseClauseSyntax { Parent: IfStatementSyntax owner }:
                    current = owner;
                    continue;
                case IfStatementSyntax owner when owner.Statement == current:
                    current = owner;
                    continue;
                default:
                    return (null, null);
            }
        }

        return (null, null);
    }

    /// <summary>
    /// Whether <paramref name="function"/> (whose body a discarded validation ends, <see cref="RunsAfter"/>) is an event
    /// handler — a <c>void</c> function taking <c>(object sender, TEventArgs e)</c>, whose raiser reads nothing back. Like
    /// <c>Validate(x); return;</c>: validated for its effect (ant-design's field-changed handler ending in
    /// <c>ctx.Validate();</c>, which fills the form's message store). Any other function ending in a dropped verdict is
    /// still reported: a <c>CheckAsync</c> wrapper drops what its caller expects.
    /// </summary>
    private static bool EndsAnEventHandler(SyntaxNode function, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
    {
        var symbol = function is AnonymousFunctionExpressionSyntax lambda
            ? model?.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol
            : model?.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;
        return (symbol is { ReturnsVoid: true } && Shapes.IsEventHandler(symbol))
            || (function is AnonymousFunctionExpressionSyntax callback && symbol is not null && IsHandedToARaiser(callback) && Shapes.ReturnsNothing(symbol));
    }

    /// <summary>
    /// A lambda handed on as a callback — an argument, or an element of a collection initializer (bitwarden's Event Grid
    /// handlers: <c>new Dictionary&lt;string, Func&lt;EventGridEvent, Task&gt;&gt; { { "BlobCreated", async e =&gt; { … } } }</c>) — whose
    /// raiser gets nothing back from it.
    /// </summary>
    private static bool IsHandedToARaiser(AnonymousFunctionExpressionSyntax lambda)
        => Shapes.OutsideParenthesesAndCasts(lambda).Parent is ArgumentSyntax or InitializerExpressionSyntax;

    /// <summary>
    /// A source method whose every <c>return</c> (outside nested functions) returns the literal <c>true</c>, that has at least
    /// one, and that throws: it throws on failure, so its <c>bool</c> says nothing.
    /// </summary>
    private static bool OnlyReturnsTrue(IInvocationOperation call, System.Threading.CancellationToken cancellationToken)
    {
        var method = call.TargetMethod.OriginalDefinition;
        var declarations = method.DeclaringSyntaxReferences;
        if (declarations.Length != 1 || declarations[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax { Body: { } body } declaration)
        {
            return false;
        }

        var any = false;
        var throws = false;
        SemanticModel? model = null;
        foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax returned)
            {
                if (returned.Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression })
                {
                    // The validator may be source of another project (a project reference in the IDE or dotnet format):
                    // its tree is not this compilation's, and then it is not bound here (null: judged as not opted in).
                    model ??= call.SemanticModel is { } callModel ? SemanticModels.For(callModel.Compilation, declaration.SyntaxTree, callModel) : null;
                    if (model is null || !IsFalseOnlyWhenOptedIn(returned, call, model, cancellationToken))
                    {
                        return false;
                    }

                    continue;
                }

                any = true;
            }

            throws |= node is ThrowStatementSyntax or ThrowExpressionSyntax;
        }

        return any && throws;
    }

    /// <summary>
    /// <c>return false;</c> directly under an <c>if</c> testing an opt-in parameter that this call leaves off: an enum flag
    /// (<c>options.HasFlag(Options.UnknownCommandReturnsFalse)</c>, <c>(options &amp; Options.X) != 0</c>) the call's constant
    /// argument (or the parameter's default) does not set, or a <c>bool</c> parameter the call passes <c>false</c> (dotnet-
    /// diagnostics' <c>ValidateResponseMessage(response, name)</c>: without the opt-in the method returns true or throws).
    /// </summary>
    private static bool IsFalseOnlyWhenOptedIn(ReturnStatementSyntax returned, IInvocationOperation call, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (returned.Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression })
        {
            return false;
        }

        SyntaxNode statement = returned;
        if (statement.Parent is BlockSyntax { Statements.Count: 1 } single)
        {
            statement = single;
        }

        if (statement.Parent is not IfStatementSyntax { Condition: var condition } ifStatement || ifStatement.Statement != statement)
        {
            return false;
        }

        // `if (code == Unknown && options.HasFlag(…))`: one conjunct left off keeps the branch closed.
        for (var depth = 0; depth < MaxShapeDepth && Shapes.Unparenthesized(condition) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both; depth++)
        {
            if (IsFalseOnlyWhenOptedIn(both.Right, call, model, cancellationToken))
            {
                return true;
            }

            condition = both.Left;
        }

        return IsFalseOnlyWhenOptedIn(condition, call, model, cancellationToken);
    }

    /// <summary>Whether <paramref name="condition"/> tests an opt-in parameter that <paramref name="call"/> leaves off.</summary>
    private static bool IsFalseOnlyWhenOptedIn(ExpressionSyntax condition, IInvocationOperation call, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var (parameterName, flag) = Shapes.Unparenthesized(condition) switch
        {
            IdentifierNameSyntax boolParameter => (boolParameter.Identifier.ValueText, (ExpressionSyntax?)null),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "HasFlag" }, ArgumentList.Arguments: [var argument] }
                => (target.Identifier.ValueText, argument.Expression),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression, Left: var masked, Right: LiteralExpressionSyntax { Token.ValueText: "0" } }
                when Shapes.Unparenthesized(masked) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseAndExpression, Left: IdentifierNameSyntax target, Right: var member }
                => (target.Identifier.ValueText, member),
            _ => (null, null),
        };
        if (parameterName is null)
        {
            return false;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name != parameterName || argument.Value.ConstantValue is not { HasValue: true, Value: var passed })
            {
                continue;
            }

            if (flag is null)
            {
                return passed is false;
            }

            return model.GetOperation(flag, cancellationToken) is { ConstantValue: { HasValue: true, Value: { } bit } }
                && (ToFlags(passed) & ToFlags(bit)) == 0 && ToFlags(bit) != 0;
        }

        return false;
    }

    private static ulong ToFlags(object? value)
    {
        try
        {
            return value is null ? 0 : unchecked((ulong)System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (System.Exception exception) when (exception is System.OverflowException or System.InvalidCastException or System.FormatException)
        {
            return ulong.MaxValue; // unknown: assume the flag may be set
        }
    }

    /// <summary>
    /// The call is an own instance method (on <c>this</c>, declared in source in this type or a base) whose body assigns an
    /// instance member of its type named for a verdict (<c>Status</c>, <c>Message</c>, <c>Error</c>, <c>IsValid</c>, …): the
    /// verdict stays in the object after the call.
    /// </summary>
    private static bool RecordsVerdictInOwnState(IInvocationOperation invocation, System.Threading.CancellationToken cancellationToken)
    {
        if (invocation.Instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
            || invocation.TargetMethod.IsStatic)
        {
            return false;
        }

        var method = invocation.TargetMethod.OriginalDefinition;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
            {
                continue;
            }

            System.Collections.Generic.HashSet<string>? returned = null;
            foreach (var assignment in declaration.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                var name = OwnMemberName(assignment.Left);
                if (name is not null && (NamesAVerdict(name) || IdentifierWords.ContainsWord(name, "Status") || IdentifierWords.ContainsWord(name, "Message"))
                    && IsOwnInstanceMember(method.ContainingType, name))
                {
                    return true;
                }

                // Any own member given the very value returned: `return EnablePackageInstallerItem = await IsAvailableAsync();`,
                // `=> Enabled = …`, `Ready = ok; return ok;` (devhome's setup page keeps the verdict in its bound property).
                if (name is not null && IsOwnInstanceMember(method.ContainingType, name)
                    && (assignment.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax
                        || (assignment.Right is IdentifierNameSyntax stored && (returned ??= ReturnedLocals(declaration)).Contains(stored.Identifier.ValueText))))
                {
                    return true;
                }

                // One member deep, from the returned result: `StatusInfoBar.IsVisible = !result.IsValid; … return result;`
                // (Pixeval's settings page shows the verdict in its own controls).
                if (assignment.Left is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: var receiver }
                    && OwnMemberName(receiver) is { } owner && IsOwnInstanceMember(method.ContainingType, owner)
                    && MentionsAny(assignment.Right, returned ??= ReturnedLocals(declaration)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The member name written <c>X</c> or <c>this.X</c>; null for anything else.</summary>
    private static string? OwnMemberName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The locals the method returns by name (<c>return result;</c>), declared in its body.</summary>
    private static System.Collections.Generic.HashSet<string> ReturnedLocals(MethodDeclarationSyntax declaration)
    {
        var declared = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        var returned = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var node in declaration.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case VariableDeclaratorSyntax variable:
                    declared.Add(variable.Identifier.ValueText);
                    break;
                case ReturnStatementSyntax { Expression: IdentifierNameSyntax local }:
                    returned.Add(local.Identifier.ValueText);
                    break;
            }
        }

        returned.IntersectWith(declared);
        return returned;
    }

    private static bool MentionsAny(ExpressionSyntax expression, System.Collections.Generic.HashSet<string> names)
    {
        if (names.Count == 0)
        {
            return false;
        }

        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax identifier && names.Contains(identifier.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Verbs of a call that delivers a failure somewhere the caller's framework reads (a validation context, model state,
    /// a PowerShell cmdlet's error stream through <c>WriteError</c>).
    /// </summary>
    private static readonly ImmutableArray<string> ReportVerbs = ImmutableArray.Create("Report", "Handle", "AddError", "AddFailure", "AddValidationError", "AddModelError", "SetError", "WriteError");

    /// <summary>
    /// A source validator whose verdict is delivered before it returns: every <c>return</c> in its body (lambdas and local
    /// functions aside) is <c>return true;</c> or <c>return false;</c>, at least one is <c>false</c>, and each <c>return
    /// false;</c> directly follows, in the same block, a statement calling a method named <c>Report…</c>, <c>Handle…</c>,
    /// <c>AddError…</c>, <c>AddFailure…</c>, <c>AddValidationError…</c>, <c>AddModelError…</c> or <c>SetError…</c>
    /// (<c>HandleNodeNotAuthorized(info); return false;</c>, <c>ModelState.AddModelError(..); return false;</c>). An
    /// expression-bodied overload forwarding to such validators of its type (every same-named method with a body) counts too.
    /// Judged from syntax: nothing is bound.
    /// </summary>
    private static bool ReportsEveryFailure(IMethodSymbol method, int depth, System.Threading.CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (depth > 1 || Shapes.SingleMethodDeclaration(method, cancellationToken) is not { } declaration)
        {
            return false;
        }

        if (declaration.ExpressionBody is { Expression: var expression })
        {
            if (expression is AwaitExpressionSyntax awaited)
            {
                expression = awaited.Expression;
            }

            if (expression is not InvocationExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } } call
                || CalleeName(call) is not { } target)
            {
                return false;
            }

            var any = false;
            foreach (var member in method.ContainingType.GetMembers(target))
            {
                if (member is IMethodSymbol overload && !SymbolEqualityComparer.Default.Equals(overload, method))
                {
                    if (!ReportsEveryFailure(overload, depth + 1, cancellationToken))
                    {
                        return false;
                    }

                    any = true;
                }
            }

            return any;
        }

        if (declaration.Body is not { } body)
        {
            return false;
        }

        var failures = 0;
        foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is not ReturnStatementSyntax returned)
            {
                continue;
            }

            if (returned.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression })
            {
                continue;
            }

            if (returned.Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression }
                || returned.Parent is not BlockSyntax block)
            {
                return false;
            }

            var index = block.Statements.IndexOf(returned);
            if (index < 1 || !CallsAReportVerb(block.Statements[index - 1]))
            {
                return false;
            }

            failures++;
        }

        return failures > 0;
    }

    private static bool CallsAReportVerb(StatementSyntax statement)
    {
        if (statement is not ExpressionStatementSyntax { Expression: var expression })
        {
            return false;
        }

        if (expression is AwaitExpressionSyntax awaited)
        {
            expression = awaited.Expression;
        }

        return expression is InvocationExpressionSyntax invocation && CalleeName(invocation) is { } name && NamePrefix.StartsWithWord(name, ReportVerbs);
    }

    /// <summary>Verbs of a call that reads a value out of its input rather than judging it.</summary>
    private static readonly ImmutableArray<string> ReadVerbs = ImmutableArray.Create("Get", "Read", "Parse", "To", "Convert");

    /// <summary>
    /// A source method returning a <c>bool</c> that is the validated value, not a verdict: it throws somewhere (its failure
    /// path), and every value it returns (lambdas and local functions aside; through the other arm of a <c>?:</c> whose
    /// one arm throws) is a call named <c>Get…</c>, <c>Read…</c>, <c>Parse…</c>, <c>To…</c> or <c>Convert…</c>
    /// (<c>property.Value.GetBoolean()</c>, <c>bool.Parse(text)</c>, <c>Convert.ToBoolean(value)</c>). A <c>true</c>/<c>false</c>
    /// literal, a comparison, a negation, a pattern or a call naming a verdict (<c>GetIsValid()</c>) returned anywhere makes
    /// it a verdict. Judged from syntax: nothing is bound.
    /// </summary>
    private static bool ReturnsAParsedBoolean(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        if (Shapes.SingleMethodDeclaration(method, cancellationToken) is not { } declaration
            || Shapes.BodyOf(declaration) is not { } body
            || !Shapes.ContainsThrow(body))
        {
            return false;
        }

        var returns = 0;
        foreach (var node in body.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            ExpressionSyntax? returned = node switch
            {
                ReturnStatementSyntax statement => statement.Expression,
                ExpressionSyntax expression when expression == declaration.ExpressionBody?.Expression => expression,
                _ => null,
            };
            if (returned is null)
            {
                continue;
            }

            if (!IsReadValue(returned, depth: 0))
            {
                return false;
            }

            returns++;
        }

        return returns > 0;

        static bool IsReadValue(ExpressionSyntax expression, int depth)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            if (expression is ConditionalExpressionSyntax conditional && depth < MaxShapeDepth)
            {
                return (conditional.WhenFalse is ThrowExpressionSyntax && IsReadValue(conditional.WhenTrue, depth + 1))
                    || (conditional.WhenTrue is ThrowExpressionSyntax && IsReadValue(conditional.WhenFalse, depth + 1));
            }

            return expression is InvocationExpressionSyntax invocation
                && CalleeName(invocation) is { } name
                && NamePrefix.StartsWithWord(name, ReadVerbs)
                && !NamesAVerdict(name); // `GetIsValid()`, `ReadValidationState()`: a verdict read
        }
    }

    /// <summary>
    /// A source validator that stores the verdict it returns into a member of one of its parameters (<c>return
    /// module.ModelValidationResult;</c> after assigning it, or <c>module.Result = result; return result;</c>), called with an
    /// argument the caller got from outside or owns for longer than the call (its own parameter, <c>this</c>, or a member of
    /// <c>this</c>): the verdict is delivered into that object, where its owner reads it (Nancy's <c>BindAndValidate</c>:
    /// <c>module.Validate(model); return model;</c>, the route then tests <c>ModelValidationResult.IsValid</c>). Judged from
    /// the validator's syntax: every <c>return</c> must return such a stored value.
    /// </summary>
    private static bool DeliversTheVerdictIntoAnArgument(IInvocationOperation invocation, System.Threading.CancellationToken cancellationToken)
    {
        var method = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
        if (Shapes.SingleMethodDeclaration(method, cancellationToken) is not { Body: { } body })
        {
            return false;
        }

        // The parameter members the body assigns (`module.ModelValidationResult = …`), by the value assigned when it is a local.
        string? parameter = null;
        var stores = new System.Collections.Generic.List<(string Member, string? Local)>();
        var returns = new System.Collections.Generic.List<ExpressionSyntax>();
        foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: IdentifierNameSyntax owner, Name: var member } } assignment
                    when IsParameterName(method, owner.Identifier.ValueText) && (parameter is null || parameter == owner.Identifier.ValueText):
                    parameter = owner.Identifier.ValueText;
                    stores.Add((member.Identifier.ValueText, (Shapes.Unparenthesized(assignment.Right) as IdentifierNameSyntax)?.Identifier.ValueText));
                    break;
                case ReturnStatementSyntax { Expression: { } returned }:
                    returns.Add(Shapes.Unparenthesized(returned));
                    break;
            }
        }

        if (parameter is null || returns.Count == 0)
        {
            return false;
        }

        foreach (var returned in returns)
        {
            var delivered = returned switch
            {
                MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: IdentifierNameSyntax owner, Name: var member }
                    => owner.Identifier.ValueText == parameter && stores.Exists(store => store.Member == member.Identifier.ValueText),
                IdentifierNameSyntax local => stores.Exists(store => store.Local == local.Identifier.ValueText),
                _ => false,
            };
            if (!delivered)
            {
                return false;
            }
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter)
            {
                return OutlivesTheCall(argument.Value);
            }
        }

        // A reduced extension call's receiver is its `this` argument.
        return invocation.TargetMethod.ReducedFrom is not null && method.Parameters[0].Name == parameter && OutlivesTheCall(invocation.Instance);

        static bool OutlivesTheCall(IOperation? value) => Shapes.WithoutConversions(value) switch
        {
            IParameterReferenceOperation or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => true,
            IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } => true,
            _ => false,
        };

        static bool IsParameterName(IMethodSymbol method, string name)
        {
            foreach (var candidate in method.Parameters)
            {
                if (candidate.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Words of an enum member that make the enum a verdict (<c>Verdict.Blocked</c>, <c>Outcome.Success</c>), besides <see cref="VerdictStateWords"/>.</summary>
    private static readonly string[] VerdictEnumWords =
    {
        "Allowed", "Allow", "Blocked", "Block", "Rejected", "Reject", "Denied", "Deny", "Accepted", "Accept", "Approved", "Passed", "Pass",
        "Success", "Succeeded", "Successful", "Ok", "Warning", "Flagged", "Critical", "Fail",
    };

    /// <summary>
    /// A source validator that throws (somewhere in its body, lambdas and local functions aside) and returns an enum none of
    /// whose members names a verdict (no <c>Valid</c>, <c>Invalid</c>, <c>Error</c>, <c>Failed</c>, <c>Blocked</c>,
    /// <c>Success</c>, <c>Ok</c>, <c>Warning</c>, …): the enum is the validated choice
    /// (stryker's <c>BaselineProvider { Disk, Dashboard, AzureFileStorage }</c>, Humanizer's plural category) and a bad
    /// input throws. Judged from the syntax of the method and the enum's member names.
    /// </summary>
    private static bool IsDataEnumOfAThrowingValidator(IMethodSymbol method, ITypeSymbol? type, System.Threading.CancellationToken cancellationToken)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var underlying] })
        {
            type = underlying;
        }

        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return false;
        }

        foreach (var member in enumType.MemberNames)
        {
            if (NamesAVerdict(member) || IdentifierWords.ContainsAnyWord(member, VerdictEnumWords))
            {
                return false;
            }
        }

        return Shapes.SingleMethodDeclaration(method, cancellationToken) is { } declaration
            && Shapes.BodyOf(declaration) is { } body
            && Shapes.ContainsThrow(body);
    }

    /// <summary>Words of a flag that says a method changed something (<c>changed</c>, <c>anyImagesRemoved</c>, <c>isDirty</c>).</summary>
    private static readonly string[] ChangeWords =
    {
        "Changed", "Changes", "Modified", "Updated", "Removed", "Deleted", "Added", "Repaired", "Fixed", "Dirty", "Cleaned", "Pruned", "Corrected", "Migrated",
    };

    /// <summary>
    /// A source method whose <c>bool</c> says it changed something, not that something is valid: every <c>return</c> in its
    /// body (lambdas and local functions aside) is <c>true</c>, <c>false</c> or a local, parameter, field or property named
    /// for a change (<c>return anyImagesRemoved;</c>, <c>return changed;</c>), and at least one is such a name. A
    /// <c>Validate…</c> method of that shape repairs what it validates (jellyfin's <c>BaseItem.ValidateImages</c> removes
    /// the images whose files are gone). Judged from syntax: nothing is bound.
    /// </summary>
    private static bool ReturnsAChangeFlag(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        if (Shapes.SingleMethodDeclaration(method, cancellationToken) is not { Body: { } body })
        {
            return false;
        }

        var flags = 0;
        foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is not ReturnStatementSyntax returned)
            {
                continue;
            }

            var expression = returned.Expression;
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            if (expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression })
            {
                continue;
            }

            var name = expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
                _ => null,
            };
            if (name is null || !IdentifierWords.ContainsAnyWord(name, ChangeWords))
            {
                return false;
            }

            flags++;
        }

        return flags > 0;
    }

    private static bool IsOwnInstanceMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool NamesAVerdict(string member) => IdentifierWords.ContainsAnyWord(member, VerdictStateWords);

    /// <summary>
    /// The call is told to throw when validation fails, so its result adds nothing: a constant <c>true</c> for a
    /// <c>bool</c> parameter named <c>throw…</c> (esprima's <c>Validate(line, column, throwOnError: true)</c>), or an
    /// options lambda that calls or sets a <c>ThrowOn…</c> member (FluentValidation's
    /// <c>validator.Validate(instance, o => o.ThrowOnFailures())</c>).
    /// </summary>
    private static bool AsksToThrowOnFailure(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean } parameter
                && parameter.Name.StartsWith("throw", System.StringComparison.OrdinalIgnoreCase)
                && argument.Value.ConstantValue is { HasValue: true, Value: true })
            {
                return true;
            }

            if (Shapes.DelegateTarget(argument.Value) is IAnonymousFunctionOperation lambda)
            {
                foreach (var operation in lambda.Body.Descendants())
                {
                    var name = operation switch
                    {
                        IInvocationOperation call => call.TargetMethod.Name,
                        IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation assignment } property
                            when assignment.Target == property && assignment.Value.ConstantValue is { HasValue: true, Value: true } => property.Property.Name,
                        _ => null,
                    };
                    if (name is not null && name.StartsWith("ThrowOn", System.StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The out verdict is written straight into the function's own <c>out</c> (or <c>ref</c>) parameter: the report goes
    /// to the caller, who reads it, as a findings list handed back through the caller's <c>out</c> does.
    /// </summary>
    private static bool HandsTheOutVerdictToTheCaller(IInvocationOperation invocation, OutVerdict outVerdict)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { RefKind: RefKind.Out }
                && argument.Value is IParameterReferenceOperation { Parameter: { RefKind: RefKind.Out or RefKind.Ref } own }
                && own.ContainingSymbol is IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction }
                && HasMember(own.Type, outVerdict.ValidityMember))
            {
                return true;
            }
        }

        return false;

        static bool HasMember(ITypeSymbol type, string name)
        {
            for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (!current.GetMembers(name).IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private enum OutJudgement
    {
        /// <summary>The out verdict does not decide: judge the returned value as usual.</summary>
        ReturnDecides,

        /// <summary>The out verdict is read on every path (or stored where others read it): nothing is ignored.</summary>
        Checked,

        /// <summary>Some path never reads the out local, and the returned value is no verdict that could stand in for it.</summary>
        Unread,

        /// <summary><c>out _</c> and the returned value is no verdict: the verdict is thrown away.</summary>
        Discarded,
    }

    /// <summary>
    /// A validator delivering its verdict through an <c>out</c> argument: the out local is the stored result. When it is
    /// read on every path, a discarded <c>bool</c> or void return is no ignored validation (<c>TryValidate(x, out var report);
    /// if (!report.IsValid) ...</c>); when the call also returns a verdict, an unread out local leaves the decision to it.
    /// </summary>
    private static OutJudgement JudgeOutVerdict(
        Site context, IInvocationOperation invocation, OutVerdict outVerdict, bool returnIsVerdict, ValidationAnalyzerOptions options)
    {
        if (outVerdict.Local is null)
        {
            if (HandsTheOutVerdictToTheCaller(invocation, outVerdict))
            {
                // `void Validate(string d, out Report report) => TryValidate(d, out report);` (a fix-shapes round's adapter,
                // whose throw fix had turned it into a validator that threw): the caller gets the report and decides.
                return OutJudgement.Checked;
            }

            if (returnIsVerdict)
            {
                return OutJudgement.ReturnDecides;
            }

            return outVerdict.IsDiscard && options.DiscardIsIgnored ? OutJudgement.Discarded : OutJudgement.Checked;
        }

        if (!IsInGraphRoot(invocation)
            || !ValidationResultFlow.HasUnreadPath(context.GetControlFlowGraph(), outVerdict.Local, invocation.Syntax, ValidationStore.OutArgument, context.IsValidationCall, context.CancellationToken))
        {
            return OutJudgement.Checked;
        }

        return returnIsVerdict ? OutJudgement.ReturnDecides : OutJudgement.Unread;
    }

    /// <summary>The first local designated by the patterns matching the call's result that some path leaves unread.</summary>
    private static ILocalSymbol? FirstUnreadPatternLocal(Site context, IInvocationOperation invocation, IOperation patternOwner, bool hasVerdictMember)
    {
        if (ValidationPatterns.GetStores(patternOwner, hasVerdictMember) is not { } locals)
        {
            return null; // the patterns test the verdict: a condition
        }

        var graph = context.GetControlFlowGraph();
        foreach (var candidate in locals)
        {
            if (ValidationResultFlow.HasUnreadPath(graph, candidate, invocation.Syntax, ValidationStore.Pattern, context.IsValidationCall, context.CancellationToken))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// How the call's value is used, looking through conversions, <c>ConfigureAwait(..)</c>, <c>await</c> and a synchronous wait (<c>.Result</c>, <c>.GetAwaiter().GetResult()</c>; a dropping <c>.Wait()</c> is a discard). Only
    /// statement-level discards and plain stores into a local are candidates; everything else passes the value on.
    /// </summary>
    internal static Usage GetUsage(IInvocationOperation invocation, out ILocalSymbol? local, out IOperation? patternOwner)
    {
        local = null;
        patternOwner = null;
        IOperation current = invocation;
        var parent = current.Parent;
        if (parent is IConditionalAccessOperation conditional && conditional.WhenNotNull == current)
        {
            current = conditional; // see MayBeIgnoredResult
            parent = conditional.Parent;
        }

        for (var depth = 0; depth < MaxShapeDepth && parent is not null && current is not IConditionalAccessOperation; depth++)
        {
            if (parent is IConversionOperation or IAwaitOperation
                || parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == current
                || parent is IPropertyReferenceOperation { Property: { Name: "Result", IsStatic: false } result } resultRead && resultRead.Instance == current
                    && TaskTypes.IsTaskOfResult(result.ContainingType))
            {
                current = parent is IPropertyReferenceOperation ? OptionalCallAround(parent) : parent; // `_optional?.ValidateAsync(x).Result`
                parent = current.Parent;
                continue;
            }

            if (parent is IInvocationOperation { TargetMethod: { Name: "AsTask", IsStatic: false, Parameters.IsEmpty: true } asTask } converted && converted.Instance == current
                && TaskTypes.IsTaskOrValueTask(asTask.ContainingType))
            {
                current = parent; // a ValueTask verdict as a Task
                parent = current.Parent;
                continue;
            }

            if (parent is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Arguments.IsEmpty: true } getAwaiter && getAwaiter.Instance == current
                && getAwaiter.Parent is IInvocationOperation { TargetMethod.Name: "GetResult", Arguments.IsEmpty: true } getResult && getResult.Instance == getAwaiter)
            {
                current = OptionalCallAround(getResult); // `.GetAwaiter().GetResult()`: the verdict itself, as through an await
                parent = current.Parent;
                continue;
            }

            if (parent is IInvocationOperation { TargetMethod: { Name: "Wait", IsStatic: false } wait } waitCall && waitCall.Instance == current
                && TaskTypes.IsNonGenericTask(wait.ContainingType))
            {
                // `ValidateAsync(x).Wait();` waits for the verdict and drops it; a wait whose bool is read still drops it,
                // but that read is the author's (a timeout), and nothing is left to branch on there.
                return OptionalCallAround(waitCall).Parent is IExpressionStatementOperation { Syntax.Parent: not LambdaExpressionSyntax } ? Usage.Discarded : Usage.Used;
            }

            break;
        }

        switch (parent)
        {
            case IExpressionStatementOperation statement:
                // `x => Validate(x)` as an Action: the lambda's author chose the delegate type (Assert.Throws(() => ..)).
                return statement.Syntax.Parent is LambdaExpressionSyntax ? Usage.Used : Usage.Discarded;
            case ISimpleAssignmentOperation { Target: IDiscardOperation, Parent: IExpressionStatementOperation } discard when discard.Value == current:
                return Usage.DiscardAssignment;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: { RefKind: RefKind.None } target }, Parent: IExpressionStatementOperation } assignment
                when assignment.Value == current:
                local = target;
                return Usage.Stored;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { RefKind: RefKind.None } declared } }:
                local = declared;
                return Usage.Stored;
            case IIsPatternOperation isPattern when isPattern.Value == current:
                patternOwner = isPattern;
                return Usage.Pattern;
            case ISwitchOperation switchStatement when switchStatement.Value == current:
                patternOwner = switchStatement;
                return Usage.Pattern;
            case ISwitchExpressionOperation switchExpression when switchExpression.Value == current:
                patternOwner = switchExpression;
                return Usage.Pattern;
            default:
                return Usage.Used;
        }
    }

    /// <summary>The graph exists only for member bodies and initializers (never for attribute arguments of broken code).</summary>
    private static bool IsInGraphRoot(IOperation operation)
        => Shapes.Root(operation).Kind is OperationKind.Block or OperationKind.MethodBody or OperationKind.ConstructorBody
            or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;

    /// <summary>
    /// Where one call is judged: the diagnostic sink, and the control-flow graph of the member body holding the call,
    /// asked for on first use (only stored or out verdicts need it) from the root of the call's operation tree and shared
    /// with the other calls of the body (<see cref="FlowGraphs"/>).
    /// </summary>
    private sealed class Site
    {
        private readonly System.Action<Diagnostic> _report;
        private readonly IOperation _operation;
        private readonly ValidationCallClassifier _classifier;
        private ControlFlowGraph? _graph;
        private System.Func<IInvocationOperation, bool>? _isValidationCall;

        public Site(System.Action<Diagnostic> report, IOperation operation, ValidationCallClassifier classifier, System.Threading.CancellationToken cancellationToken)
        {
            _report = report;
            _operation = operation;
            _classifier = classifier;
            CancellationToken = cancellationToken;
        }

        public System.Threading.CancellationToken CancellationToken { get; }

        /// <summary>Whether another call in the body is a validation call (for <see cref="ValidationResultFlow"/>'s combined checks).</summary>
        public System.Func<IInvocationOperation, bool> IsValidationCall
            => _isValidationCall ??= other => _classifier.Classify(other, _classifier.GetOptions(other.Syntax.SyntaxTree), CancellationToken).IsValidation;

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);

        /// <summary>Only called after <see cref="IsInGraphRoot"/> held.</summary>
        public ControlFlowGraph GetControlFlowGraph() => _graph ??= FlowGraphs.Of(_operation, CancellationToken);
    }
}
