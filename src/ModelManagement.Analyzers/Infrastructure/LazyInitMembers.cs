using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Recognises the shared state MM0005 tracks (a field or auto-property of <c>this</c> or a static one) and the tests
/// of it that decide "initialization still needed": <c>!_flag</c>, <c>_x == null</c>, <c>_x is null</c>,
/// <c>_x == default</c>, <c>_x is not { }</c>, <c>!_x.HasValue</c>, <c>string.IsNullOrEmpty(_x)</c>, the left operand of
/// <c>??</c>, and their negations.
/// </summary>
internal static class LazyInitMembers
{
    /// <summary>
    /// The tracked member <paramref name="operation"/> reads or writes (conversions unwrapped), or null. Flow captures
    /// of <c>this</c> made by the control-flow graph resolve through <paramref name="captures"/>.
    /// </summary>
    public static ISymbol? GetTrackedMember(IOperation? operation, IReadOnlyDictionary<CaptureId, IOperation>? captures)
    {
        operation = Shapes.WithoutConversions(operation);
        if (operation is IFlowCaptureReferenceOperation capture && captures is not null && captures.TryGetValue(capture.Id, out var captured))
        {
            operation = Shapes.WithoutConversions(captured); // the graph captures an assignment target before a right side that branches
        }

        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsConst: false } field } reference
                when field.IsStatic || IsThis(reference.Instance, captures):
                return field.OriginalDefinition;
            case IPropertyReferenceOperation { Property: { Parameters.Length: 0 } property } reference
                when (property.IsStatic || IsThis(reference.Instance, captures)) && !IsSetFromOutside(property) && IsAutoProperty(property):
                return property.OriginalDefinition;
            default:
                return null;
        }
    }

    /// <summary>
    /// True when <paramref name="condition"/> tests a tracked member; <paramref name="needsInitializationWhenTrue"/>
    /// says which outcome of the condition means "not initialized yet".
    /// </summary>
    public static bool TryGetCheck(
        IOperation? condition,
        IReadOnlyDictionary<CaptureId, IOperation>? captures,
        out ISymbol? member,
        out bool needsInitializationWhenTrue)
    {
        member = null;
        needsInitializationWhenTrue = false;
        condition = Shapes.WithoutConversions(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                if (TryGetCheck(not.Operand, captures, out member, out var inner))
                {
                    needsInitializationWhenTrue = !inner;
                    return true;
                }

                return false;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                var equals = binary.OperatorKind == BinaryOperatorKind.Equals;
                if (TryGetComparison(binary.LeftOperand, binary.RightOperand, captures, out member, out var equalMeansNeeded)
                    || TryGetComparison(binary.RightOperand, binary.LeftOperand, captures, out member, out equalMeansNeeded))
                {
                    needsInitializationWhenTrue = equals == equalMeansNeeded;
                    return true;
                }

                return false;

            case IIsPatternOperation isPattern:
                member = GetTrackedMember(isPattern.Value, captures);
                return member is not null && TryGetPatternSense(isPattern.Pattern, out needsInitializationWhenTrue);

            case IPropertyReferenceOperation { Property.Name: "HasValue", Instance: { } instance } hasValue
                when hasValue.Property.ContainingType.SpecialType == SpecialType.None
                    && hasValue.Property.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T:
                member = GetTrackedMember(instance, captures);
                needsInitializationWhenTrue = false;
                return member is not null;

            case IInvocationOperation emptiness when IsEmptinessTest(emptiness):
                member = GetTrackedMember(emptiness.Arguments[0].Value, captures);
                needsInitializationWhenTrue = true;
                return member is not null;

            case IIsNullOperation { Operand: IFlowCaptureReferenceOperation reference }
                when captures is not null && captures.TryGetValue(reference.Id, out var captured)
                    && captured.Syntax.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce
                    && coalesce.Left == captured.Syntax:
                member = GetTrackedMember(captured, captures);
                needsInitializationWhenTrue = true;
                return member is not null;

            default:
                member = GetTrackedMember(condition, captures);
                if (member is null || condition!.Type?.SpecialType != SpecialType.System_Boolean)
                {
                    member = null;
                    return false;
                }

                needsInitializationWhenTrue = false; // `if (_initialized)`: false means "not yet"
                return true;
        }
    }

    /// <summary>
    /// <c>string.IsNullOrEmpty(x)</c> or <c>string.IsNullOrWhiteSpace(x)</c>: the usual test of a cached token or text, a null
    /// test that also counts an empty value as "not yet" (a fix-shapes round: a token holder's cache raced like its
    /// <c>_token == null</c> twin).
    /// </summary>
    public static bool IsEmptinessTest(IInvocationOperation invocation)
        => invocation is { TargetMethod: { IsStatic: true, Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", ContainingType.SpecialType: SpecialType.System_String }, Arguments.Length: 1 };

    /// <summary>A condition that is such a test, negated or not (<c>!string.IsNullOrWhiteSpace(_x)</c>).</summary>
    public static bool IsEmptinessCheck(IOperation? condition)
    {
        condition = Shapes.WithoutConversions(condition);
        for (var depth = 0; depth < 8 && condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not; depth++)
        {
            condition = Shapes.WithoutConversions(not.Operand);
        }

        return condition is IInvocationOperation invocation && IsEmptinessTest(invocation);
    }

    /// <summary>
    /// A bare <c>bool</c> member as the test (<c>_loaded</c>, <c>!_loaded</c>): <see cref="TryGetCheck"/> guesses its sense
    /// ("true means done"), which a flag like <c>_stale</c> or <c>_expired</c> has the other way round.
    /// </summary>
    public static bool IsBareFlag(IOperation? condition)
    {
        condition = Shapes.WithoutConversions(condition);
        for (var depth = 0; depth < 8 && condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not; depth++)
        {
            condition = Shapes.WithoutConversions(not.Operand);
        }

        return condition is IFieldReferenceOperation or IPropertyReferenceOperation { Property.Name: not "HasValue" }
            && condition.Type?.SpecialType == SpecialType.System_Boolean;
    }

    /// <summary>The null test the control-flow graph makes for <c>_x ??= …</c> on a tracked member.</summary>
    public static bool TryGetCoalesceAssignmentCheck(IOperation condition, IReadOnlyDictionary<CaptureId, IOperation>? captures, out ISymbol? member)
    {
        member = null;
        if (condition is IIsNullOperation { Operand: IFlowCaptureReferenceOperation reference }
            && captures is not null && captures.TryGetValue(reference.Id, out var captured)
            && captured.Syntax.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } assignment
            && assignment.Left == captured.Syntax)
        {
            member = GetTrackedMember(captured, captures);
        }

        return member is not null;
    }

    /// <summary>Like <see cref="MayBeCheck"/>, plus the null tests the control-flow graph makes for <c>??</c>.</summary>
    public static bool MayBeCheckInGraph(IOperation condition)
        => condition is IIsNullOperation || MayBeCheck(condition);

    /// <summary>True when <paramref name="condition"/> could be a check: cheap, for the graph's blocks.</summary>
    public static bool MayBeCheck(IOperation? condition) => MayTest(condition, trackedOnly: false);

    /// <summary>
    /// The per-block gate, on the operation tree before any graph is built: like <see cref="MayBeCheck"/>, with an operand
    /// that is a tracked member (<see cref="GetTrackedMember"/>: an own field, an own auto-property nobody outside sets),
    /// as every check <see cref="TryGetCheck"/> accepts has. A test of another object's state (<c>options.Enabled</c>,
    /// <c>response.IsSuccessStatusCode</c>) checks nothing this instance initializes.
    /// </summary>
    public static bool MayBeTrackedCheck(IOperation? condition) => MayTest(condition, trackedOnly: true);

    /// <summary>The left side of <c>??</c> is a tracked member (<see cref="MayBeTrackedCheck"/>).</summary>
    public static bool IsTrackedMemberReference(IOperation? operation) => IsOperand(operation, trackedOnly: true);

    private static bool MayTest(IOperation? condition, bool trackedOnly)
    {
        for (var depth = 0; condition is not null && depth < 16; depth++)
        {
            switch (condition)
            {
                case IConversionOperation conversion:
                    condition = conversion.Operand;
                    continue;
                case IUnaryOperation unary:
                    condition = unary.Operand;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                    if (MayTest(logical.LeftOperand, trackedOnly))
                    {
                        return true;
                    }

                    condition = logical.RightOperand;
                    continue;
                case IBinaryOperation binary:
                    return IsOperand(binary.LeftOperand, trackedOnly) || IsOperand(binary.RightOperand, trackedOnly);
                case IIsPatternOperation isPattern:
                    return IsOperand(isPattern.Value, trackedOnly);
                case IPropertyReferenceOperation { Property.Name: "HasValue" } hasValue:
                    return IsOperand(hasValue.Instance, trackedOnly);
                case IInvocationOperation emptiness when IsEmptinessTest(emptiness):
                    return IsOperand(emptiness.Arguments[0].Value, trackedOnly);
                default:
                    return IsOperand(condition, trackedOnly);
            }
        }

        return false;
    }

    private static bool IsOperand(IOperation? operation, bool trackedOnly)
        => trackedOnly ? GetTrackedMember(operation, captures: null) is not null : IsMemberReference(operation);

    public static bool IsMemberReference(IOperation? operation)
        => Shapes.WithoutConversions(operation) is IFieldReferenceOperation or IPropertyReferenceOperation;

    /// <summary>
    /// A public property with a public <c>set</c> (a Razor page's <c>[BindProperty] public string? LogoutId { get; set;
    /// }</c>): it holds input anyone may supply, and <c>LogoutId ??= await CreateAsync()</c> gives a missing one a default
    /// rather than loading state once (Duende's logout page, copied into 53 samples). An <c>internal</c> or
    /// <c>protected</c> setter is the type's own state still (wolverine's <c>Acknowledged { get; internal set; }</c>).
    /// </summary>
    public static bool IsSetFromOutside(IPropertySymbol property)
        => property.SetMethod is { IsInitOnly: false, DeclaredAccessibility: Accessibility.Public }
            && property.DeclaredAccessibility == Accessibility.Public
            && property.ContainingType is { DeclaredAccessibility: not Accessibility.Private };

    /// <summary>
    /// An auto-property declared in source: every accessor without a body, not abstract or extern — or with bodies that only
    /// pass the value through one backing store, C# 14's <c>field</c> or a field: <c>{ get =&gt; field; set =&gt; field =
    /// value; }</c>, <c>{ get; set =&gt; field = value; }</c>, <c>{ get =&gt; _models; set =&gt; _models = value; }</c> (a
    /// fix-shapes round: the same race as <c>{ get; set; }</c>, not reported).
    /// </summary>
    public static bool IsAutoProperty(IPropertySymbol property)
    {
        if (property.IsAbstract || property.IsExtern || property.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        if (property.DeclaringSyntaxReferences[0].GetSyntax() is not PropertyDeclarationSyntax { AccessorList: { } accessors, ExpressionBody: null })
        {
            return false;
        }

        string? store = null;
        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Body is not null)
            {
                return false;
            }

            if (accessor.ExpressionBody is not { Expression: var body })
            {
                continue;
            }

            var passed = accessor.Keyword.ValueText switch
            {
                "get" => StoreName(body),
                "set" or "init" when body is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Right: IdentifierNameSyntax { Identifier.ValueText: "value" } } assignment
                    => StoreName(assignment.Left),
                _ => null,
            };
            if (passed is null || (store is not null && store != passed))
            {
                return false;
            }

            store = passed;
        }

        return true;
    }

    /// <summary>The backing store an accessor passes through: <c>field</c>, <c>_x</c> or <c>this._x</c>; null for anything else.</summary>
    private static string? StoreName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
        _ when expression.RawKind != 0 && expression.ToString() == "field" => "field", // C# 14's FieldExpression
        _ => null,
    };

    private static bool TryGetComparison(
        IOperation memberSide,
        IOperation valueSide,
        IReadOnlyDictionary<CaptureId, IOperation>? captures,
        out ISymbol? member,
        out bool equalMeansNeeded)
    {
        equalMeansNeeded = true;
        member = GetTrackedMember(memberSide, captures);
        if (member is null)
        {
            return false;
        }

        var value = Shapes.WithoutConversions(valueSide);
        if (value is IDefaultValueOperation)
        {
            return true;
        }

        if (value is null || !value.ConstantValue.HasValue)
        {
            member = null;
            return false;
        }

        switch (value.ConstantValue.Value)
        {
            case null:
            case false:
                return true;
            case true:
                equalMeansNeeded = false; // `_loaded == true`
                return true;
            default:
                member = null;
                return false;
        }
    }

    private static bool TryGetPatternSense(IPatternOperation pattern, out bool needsInitializationWhenTrue)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant when Shapes.WithoutConversions(constant.Value) is { ConstantValue: { HasValue: true, Value: null } }:
                needsInitializationWhenTrue = true; // `_x is null`
                return true;
            case INegatedPatternOperation negated when TryGetPatternSense(negated.Pattern, out var inner):
                needsInitializationWhenTrue = !inner;
                return true;
            case IRecursivePatternOperation { PropertySubpatterns.Length: 0, DeconstructionSubpatterns.Length: 0 }:
            case IDeclarationPatternOperation { MatchesNull: false }:
            case ITypePatternOperation:
                // `_x is { }`, `_x is Catalog c`: true means "already there" — when the pattern only tests for null. A
                // narrower type (`_body is T typed` on an `object` field) is a type test: false is no "not loaded yet".
                needsInitializationWhenTrue = false;
                return TestsOnlyForNull(pattern);
            default:
                needsInitializationWhenTrue = false;
                return false;
        }
    }

    /// <summary>
    /// Whether every non-null value of the pattern's input matches its type: the input's own type (nullable value types
    /// unwrapped), a base class or an interface of it.
    /// </summary>
    private static bool TestsOnlyForNull(IPatternOperation pattern)
    {
        var input = pattern.InputType;
        var narrowed = pattern.NarrowedType;
        if (input is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var underlying] })
        {
            input = underlying;
        }

        if (input is null || narrowed is null || SymbolEqualityComparer.Default.Equals(input, narrowed) || narrowed.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        for (var type = input.BaseType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, narrowed))
            {
                return true;
            }
        }

        foreach (var implemented in input.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, narrowed))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsThis(IOperation? instance, IReadOnlyDictionary<CaptureId, IOperation>? captures)
    {
        instance = Shapes.WithoutConversions(instance);
        if (instance is IFlowCaptureReferenceOperation reference && captures is not null && captures.TryGetValue(reference.Id, out var captured))
        {
            instance = Shapes.WithoutConversions(captured);
        }

        return instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
    }
}
