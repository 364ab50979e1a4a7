using System.Collections.Concurrent;
using System.Linq;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>Why a call counts as a validation call (MM0004). Travels in the diagnostic's properties.</summary>
internal enum ValidationReason
{
    None,
    MethodPrefix,
    Attribute,
    ValidityMember,
    Configured,
}

/// <summary>What MM0004 knows about one validation call: why it is one, and how its verdict is read.</summary>
internal readonly struct ValidationCall
{
    public ValidationCall(ValidationReason reason, bool resultIsBool, string? validityMember)
    {
        Reason = reason;
        ResultIsBool = resultIsBool;
        ValidityMember = validityMember;
    }

    public ValidationReason Reason { get; }

    /// <summary>True when the (awaited) result is <c>bool</c>: the verdict is the value itself.</summary>
    public bool ResultIsBool { get; }

    /// <summary>The <c>bool</c> member of the (awaited) result holding the verdict (<c>IsValid</c>), or <see langword="null"/>.</summary>
    public string? ValidityMember { get; }

    public bool IsValidation => Reason != ValidationReason.None;
}

/// <summary>
/// Decides whether an invocation is a validation call for MM0004. One instance per compilation: it caches the parsed
/// options per syntax tree, the symbol facts per method and the <c>bool</c> members per returned type.
/// </summary>
internal sealed class ValidationCallClassifier
{
    /// <summary>The marker attribute the runtime library ships (matched by name, any namespace).</summary>
    public const string AttributeName = "ValidatorAttribute";

    private const int MaxDepth = 32;

    private static readonly SymbolDisplayFormat QualifiedNameFormat = RelatedMethods.QualifiedNameFormat;

    /// <summary>Words in a collection parameter's name that make it the validator's findings sink.</summary>
    private static readonly string[] FindingWords = { "result", "error", "failure", "violation", "problem", "issue", "message", "warning", "finding", "diagnostic" };

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol? _task;
    private readonly INamedTypeSymbol? _taskOfT;
    private readonly INamedTypeSymbol? _valueTask;
    private readonly INamedTypeSymbol? _valueTaskOfT;
    private readonly INamedTypeSymbol? _collectionOfT;
    private readonly PerTreeCache<ValidationAnalyzerOptions> _options;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _facts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<string>> _boolMembers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ImmutableArray<string>, bool> _attributesMayBeApplied = new(NameListComparer.Instance);
    private readonly ValidityMemberReach _validityMembers;

    public ValidationCallClassifier(Compilation compilation, AnalyzerConfigOptionsProvider optionsProvider)
    {
        _compilation = compilation;
        _options = new PerTreeCache<ValidationAnalyzerOptions>(tree => ValidationAnalyzerOptions.Read(optionsProvider.GetOptions(tree)));
        _task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        _taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        _valueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        _valueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        _collectionOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.ICollection`1");
        _validityMembers = new ValidityMemberReach(compilation);
    }

    /// <summary>
    /// The test run before a call is bound: whether a call whose callee is written <paramref name="calleeName"/> (null:
    /// not a name) may be a validation call. It may when the name matches a validator prefix, when a delegate's
    /// <c>Invoke</c> would, and whenever a reason other than the name can exist in this compilation — a validator attribute
    /// or configured symbols (<see cref="NeedsFacts"/>), or a type with a validity member (<see cref="ValidityMemberReach"/>).
    /// A bound call invokes a method of the written name or a delegate's <c>Invoke</c>, so without those reasons every
    /// other call is no validation call and its member body is never bound.
    /// </summary>
    public bool MayBeValidationByName(string? calleeName, ValidationAnalyzerOptions options, CancellationToken cancellationToken)
        => calleeName is null
            || options.MatchesMethodPrefix(calleeName)
            || options.MatchesMethodPrefix("Invoke")
            || NeedsFacts(options, cancellationToken)
            || _validityMembers.AnyMayExist(options.ValidityMembers, cancellationToken);

    /// <summary>The tree's options, parsed once and cached.</summary>
    public ValidationAnalyzerOptions GetOptions(SyntaxTree tree) => _options.Get(tree);

    /// <summary>
    /// The result type a caller acts on: <c>T</c> of <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>, the type itself otherwise;
    /// <see langword="null"/> for <c>void</c>, a bare <c>Task</c>/<c>ValueTask</c> or an error type.
    /// </summary>
    public ITypeSymbol? GetResultType(IMethodSymbol method)
    {
        if (method.ReturnsVoid || method.ReturnType is not { } type || type.TypeKind == TypeKind.Error)
        {
            return null;
        }

        if (type is INamedTypeSymbol named)
        {
            var definition = named.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, _task) || SymbolEqualityComparer.Default.Equals(definition, _valueTask))
            {
                return null;
            }

            if ((SymbolEqualityComparer.Default.Equals(definition, _taskOfT) || SymbolEqualityComparer.Default.Equals(definition, _valueTaskOfT))
                && named.TypeArguments.Length == 1)
            {
                var argument = named.TypeArguments[0];
                return argument.TypeKind == TypeKind.Error ? null : argument;
            }
        }

        return type;
    }

    /// <summary>Classifies the invoked method; the cheap name test runs before attribute, interface and member walks.</summary>
    public ValidationCall Classify(IInvocationOperation invocation, ValidationAnalyzerOptions options, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        var resultType = GetResultType(method);
        if (resultType is null)
        {
            return default; // void and Task validators throw instead; nothing to ignore
        }

        var resultIsBool = resultType.SpecialType == SpecialType.System_Boolean;
        var validityMember = resultIsBool ? null : FindValidityMember(resultType, options);
        MethodFacts? facts = null;
        if (options.ExcludedSymbols.Count != 0)
        {
            facts = GetFacts(method, cancellationToken);
            if (facts.MatchesAny(options.ExcludedSymbols))
            {
                return default;
            }
        }

        var reason = ValidationReason.None;
        if (options.MatchesMethodPrefix(NamePrefix.MemberName(method.Name)))
        {
            reason = ValidationReason.MethodPrefix;
        }
        else
        {
            if (facts is not null || NeedsFacts(options, cancellationToken))
            {
                facts ??= GetFacts(method, cancellationToken);
                if (facts.HasAttribute(options))
                {
                    return new ValidationCall(ValidationReason.Attribute, resultIsBool, validityMember); // declared: no shape heuristics
                }

                if (options.IncludedSymbols.Count != 0 && facts.MatchesAny(options.IncludedSymbols))
                {
                    return new ValidationCall(ValidationReason.Configured, resultIsBool, validityMember);
                }
            }

            if (validityMember is not null && VerdictTypes.IsNamedLikeVerdict(resultType) && !IsFactoryOf(method, resultType))
            {
                reason = ValidationReason.ValidityMember;
            }
        }

        if (reason == ValidationReason.None || IsFluentOrGuard(invocation, resultType, resultIsBool || validityMember is not null))
        {
            return default;
        }

        if (reason == ValidationReason.MethodPrefix && !resultIsBool && validityMember is null && !VerdictTypes.CanBeVerdict(resultType, method.Name))
        {
            return default; // `User ValidateTokenAsync(..)` hands back data and throws on failure: no verdict to ignore
        }

        return new ValidationCall(reason, resultIsBool, validityMember);
    }

    /// <summary>
    /// A static method of the verdict type itself (or of its non-generic twin: <c>Result.Ok&lt;T&gt;(…)</c> for
    /// <c>Result&lt;T&gt;</c>): a factory that builds a verdict — <c>ValidationResult.Success()</c>, <c>Result.Fail(…)</c>,
    /// dd-trace's <c>ConfigurationResult&lt;T&gt;.NotFound()</c> seeding a lookup loop — not a validator judging content.
    /// Only the validity-member reason is dropped for it: a <c>Validate…</c>/<c>Check…</c> name, <c>[Validator]</c> or a
    /// configured symbol still make one a validation call.
    /// </summary>
    private static bool IsFactoryOf(IMethodSymbol method, ITypeSymbol resultType)
        => method.IsStatic
            && method.MethodKind == MethodKind.Ordinary
            && method.ContainingType is { } declaring
            && (SymbolEqualityComparer.Default.Equals(declaring.OriginalDefinition, resultType.OriginalDefinition)
                || (declaring.Name == resultType.Name
                    && SymbolEqualityComparer.Default.Equals(declaring.ContainingSymbol, resultType.ContainingSymbol)));

    /// <summary>
    /// Whether a call of <paramref name="method"/> can be a validation call at all, judged from the symbol alone: what
    /// <see cref="Classify"/> and <see cref="FindOutVerdict"/> decide before they look at the call itself (excluded
    /// symbols, a result or an out parameter to ignore, a reason: name, attribute, configuration, validity member). MM0004
    /// asks it before it asks for the call's operation, so a body without such a call never gets an operation tree.
    /// <paramref name="resultMayBeIgnored"/> is false when the syntax passes the result on and only an <c>out</c> argument
    /// made the call a candidate: then only an <c>out</c> verdict can go unread.
    /// </summary>
    public bool MayBeValidation(IMethodSymbol method, ValidationAnalyzerOptions options, bool resultMayBeIgnored, CancellationToken cancellationToken)
    {
        var resultType = resultMayBeIgnored ? GetResultType(method) : null;
        var outVerdict = false;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.Out
                && parameter.Type.TypeKind != TypeKind.Error
                && parameter.Type.SpecialType != SpecialType.System_Boolean
                && FindValidityMember(parameter.Type, options) is not null)
            {
                outVerdict = true;
                break;
            }
        }

        if (resultType is null && !outVerdict)
        {
            return false;
        }

        if (options.ExcludedSymbols.Count != 0 && GetFacts(method, cancellationToken).MatchesAny(options.ExcludedSymbols))
        {
            return false;
        }

        // The cheap reasons first (the name, a verdict result type read from member names); the method's attributes, and
        // those of the members it overrides or implements, only for a call neither makes a candidate.
        return options.MatchesMethodPrefix(NamePrefix.MemberName(method.Name))
            || (resultType is not null && resultType.SpecialType != SpecialType.System_Boolean
                && FindValidityMember(resultType, options) is not null)
            || MethodReason(method, options, cancellationToken) != ValidationReason.None;
    }

    /// <summary>Cheap test run before any other: does the method have an <c>out</c> parameter at all?</summary>
    public static bool HasOutParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.Out)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first <c>out</c> argument whose parameter type is a verdict (has a validity member), when the invoked method is a
    /// validator by its name, an attribute or <c>mm0004.included_symbols</c> (an out parameter's type alone does not make
    /// one: <c>TryGetValue(key, out Report r)</c> is a lookup). The return type does not matter: <c>void</c> validators that
    /// report through an out argument do not throw.
    /// </summary>
    public OutVerdict FindOutVerdict(IInvocationOperation invocation, ValidationAnalyzerOptions options, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { RefKind: RefKind.Out } parameter
                || parameter.Type.TypeKind == TypeKind.Error
                || parameter.Type.SpecialType == SpecialType.System_Boolean
                || FindValidityMember(parameter.Type, options) is not { } member)
            {
                continue;
            }

            var reason = MethodReason(method, options, cancellationToken);
            if (reason == ValidationReason.None)
            {
                return default;
            }

            var value = argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value;
            return value switch
            {
                ILocalReferenceOperation { Local.RefKind: RefKind.None } reference => new OutVerdict(reason, member, reference.Local, isDiscard: false),
                IDiscardOperation => new OutVerdict(reason, member, local: null, isDiscard: true),
                _ => new OutVerdict(reason, member, local: null, isDiscard: false),
            };
        }

        return default;
    }

    /// <summary>
    /// The local a validator fills with its findings (<c>Validator.TryValidateObject(model, context, results, true)</c>):
    /// an argument that is a local, passed by value (or <c>out</c>) to a parameter whose type is a generic collection and whose
    /// name says it receives findings (<c>results</c>, <c>errors</c>, <c>failures</c>, <c>violations</c>, <c>problems</c>,
    /// <c>issues</c>, <c>messages</c>, <c>warnings</c>, <c>findings</c>, <c>diagnostics</c>). Null when there is none: an input
    /// collection (<c>ValidateAll(stories)</c>) is no sink.
    /// </summary>
    public ILocalSymbol? FindFindingsSink(IInvocationOperation invocation)
        => FindingsArgument(invocation) is ILocalReferenceOperation { Local: { RefKind: RefKind.None } local } && !IsOutArgument(invocation, local) ? local : null;

    /// <summary>
    /// <c>TryValidate(x, out var errors)</c> hands back a list it made: reading it is not acting on the verdict (the
    /// dropped <c>bool</c> is the rule's own case). Only the function's own <c>out</c> parameter passes such a list on.
    /// </summary>
    private static bool IsOutArgument(IInvocationOperation invocation, ILocalSymbol local)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind == RefKind.Out && argument.Value is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the findings go into a collection the function's own caller passed (a by-value parameter): the caller
    /// reads them, as dotnet-monitor's <c>ValidationHelper.TryValidateItems(items, context, results)</c> hands its
    /// <c>Validator.TryValidateObject(item, itemContext, results)</c> findings to <c>IValidatableObject.Validate</c>.
    /// </summary>
    public bool PassesFindingsToCaller(IInvocationOperation invocation)
        => FindingsArgument(invocation) is IParameterReferenceOperation { Parameter: { RefKind: RefKind.None or RefKind.Out, Type.IsReferenceType: true } } // `out errors`: the caller's own out list
            or IMemberReferenceOperation { Instance: IParameterReferenceOperation { Parameter.Type.IsReferenceType: true } }; // `to.Warnings`: the caller's view model (Smartstore's WishlistMapper)

    /// <summary>
    /// The findings-named collection members (<c>Warnings</c>, <c>Errors</c>, …, a property or field of a generic
    /// collection type) of an argument's type, which a validator taking that object fills (Smartstore's cart validators
    /// add to <c>ctx.Warnings</c>); empty when there are none.
    /// </summary>
    public System.Collections.Generic.IEnumerable<ISymbol> FindingsMembers(ITypeSymbol? type)
    {
        if (_collectionOfT is null || type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } named)
        {
            yield break;
        }

        var depth = 0;
        for (INamedTypeSymbol? current = named; current is not null && depth < 8; current = current.BaseType, depth++)
        {
            foreach (var member in current.GetMembers())
            {
                var memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, IsStatic: false } property => property.Type,
                    IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field => field.Type,
                    _ => null,
                };
                if (memberType is not null && NamesFindings(member.Name) && IsGenericCollection(memberType))
                {
                    yield return member;
                }
            }
        }
    }

    private IOperation? FindingsArgument(IInvocationOperation invocation)
    {
        if (_collectionOfT is null)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value is IConversionOperation conversion ? conversion.Operand : argument.Value;
            // By value (the caller's list, filled), or `out` (couchbase's `base.TryValidateForRequest(out errors)`: the list
            // handed back, which the caller's own `out errors` passes on).
            if (argument.Parameter is { RefKind: RefKind.None or RefKind.Out } parameter
                && value is ILocalReferenceOperation or IParameterReferenceOperation
                    or IMemberReferenceOperation { Instance: IParameterReferenceOperation } // `to.Warnings`
                && NamesFindings(parameter.Name)
                && IsGenericCollection(parameter.Type))
            {
                return value;
            }
        }

        return null;
    }

    private static bool NamesFindings(string name)
    {
        foreach (var word in FindingWords)
        {
            if (name.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsGenericCollection(ITypeSymbol type)
    {
        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _collectionOfT))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, _collectionOfT))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why the method itself is a validator (name, attribute, configuration), ignoring what it returns; excluded wins.</summary>
    private ValidationReason MethodReason(IMethodSymbol method, ValidationAnalyzerOptions options, CancellationToken cancellationToken)
    {
        MethodFacts? facts = null;
        if (options.ExcludedSymbols.Count != 0)
        {
            facts = GetFacts(method, cancellationToken);
            if (facts.MatchesAny(options.ExcludedSymbols))
            {
                return ValidationReason.None;
            }
        }

        if (options.MatchesMethodPrefix(NamePrefix.MemberName(method.Name)))
        {
            return ValidationReason.MethodPrefix;
        }

        if (facts is null && !NeedsFacts(options, cancellationToken))
        {
            return ValidationReason.None;
        }

        facts ??= GetFacts(method, cancellationToken);
        if (facts.HasAttribute(options))
        {
            return ValidationReason.Attribute;
        }

        return options.IncludedSymbols.Count != 0 && facts.MatchesAny(options.IncludedSymbols) ? ValidationReason.Configured : ValidationReason.None;
    }

    /// <summary>
    /// Builders and guards are not verdicts: a method returning its receiver's type (<c>options.ValidateOnStart()</c>,
    /// <c>result.AddError(..)</c>) is a fluent chain, and one returning its first argument's type without any verdict
    /// (<c>T ValidateNotNull&lt;T&gt;(T value)</c>) throws on failure and hands the value back — unless the result may be
    /// null where the argument may not (<c>string? Validate(string prompt)</c>: the error message, null when valid).
    /// </summary>
    private static bool IsFluentOrGuard(IInvocationOperation invocation, ITypeSymbol resultType, bool isVerdict)
    {
        var method = invocation.TargetMethod;
        ITypeSymbol? receiverType = invocation.Instance?.Type;
        if (method.IsExtensionMethod && method.ReducedFrom is { } reduced && reduced.Parameters.Length > 0)
        {
            receiverType = method.ReceiverType;
        }
        else if (method.IsExtensionMethod && method.Parameters.Length > 0)
        {
            receiverType = method.Parameters[0].Type;
        }

        if (receiverType is not null && SameType(receiverType, resultType))
        {
            return true;
        }

        // `string? Validate(string prompt)` (nullable enabled): null for valid input, else the error — a verdict, not the
        // input handed back, which would be as non-null as it came in.
        return !isVerdict && method.Parameters.Length > 0 && SameType(method.Parameters[0].Type, resultType)
            && !(method.ReturnNullableAnnotation == NullableAnnotation.Annotated && method.Parameters[0].NullableAnnotation == NullableAnnotation.NotAnnotated
                && resultType.IsReferenceType);
    }

    private static bool SameType(ITypeSymbol a, ITypeSymbol b)
        => SymbolEqualityComparer.Default.Equals(a.OriginalDefinition, b.OriginalDefinition);

    /// <summary>
    /// The first configured validity member that <paramref name="type"/> (or a base, or a type parameter's constraint)
    /// has as an accessible <c>bool</c> instance property or field, or <see langword="null"/>. The declared member names
    /// (read from metadata or declarations without building member symbols) are looked at first: most types returned by
    /// calls have no member of those names, and their members are then never built.
    /// </summary>
    public string? FindValidityMember(ITypeSymbol type, ValidationAnalyzerOptions options)
        => MayDeclareAny(type, options.ValidityMembers, 0) ? options.FindValidityMember(GetBoolMembers(type)) : null;

    private static bool MayDeclareAny(ITypeSymbol type, ImmutableArray<string> names, int depth)
    {
        if (type is ITypeParameterSymbol typeParameter)
        {
            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                if (depth < MaxDepth && MayDeclareAny(constraint, names, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        for (ITypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current is not INamedTypeSymbol named || depth++ >= MaxDepth)
            {
                return true; // an array, a pointer or a very deep hierarchy: let the member walk decide
            }

            var memberNames = named.MemberNames;
            foreach (var name in names)
            {
                if (memberNames.Contains(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a method's attributes or qualified names can matter: symbols are configured, or a configured validator
    /// attribute can be on something the compilation uses (<see cref="AttributeReach"/>: declared in source or by a
    /// library, or ModelManagement.Patterns' own applied by the source or a library). Otherwise the overridden and
    /// implemented members are never collected.
    /// </summary>
    private bool NeedsFacts(ValidationAnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (options.IncludedSymbols.Count != 0 || options.ExcludedSymbols.Count != 0)
        {
            return true;
        }

        var names = options.AttributeNames;
        if (_attributesMayBeApplied.TryGetValue(names, out var may))
        {
            return may;
        }

        return _attributesMayBeApplied.GetOrAdd(names, AttributeReach.AnyCanBeApplied(_compilation, names, cancellationToken));
    }

    /// <summary>Names of the accessible-looking <c>bool</c> instance properties and fields of the type and its bases.</summary>
    private ImmutableArray<string> GetBoolMembers(ITypeSymbol type)
    {
        var key = type.OriginalDefinition;
        if (_boolMembers.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        ITypeSymbol? current = type;
        for (var depth = 0; current is not null && current.SpecialType != SpecialType.System_Object && depth < MaxDepth; depth++)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };
                if (memberType?.SpecialType == SpecialType.System_Boolean && !builder.Contains(member.Name))
                {
                    builder.Add(member.Name);
                }
            }

            current = current.BaseType;
        }

        if (type is ITypeParameterSymbol typeParameter)
        {
            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                foreach (var name in GetBoolMembers(constraint))
                {
                    if (!builder.Contains(name))
                    {
                        builder.Add(name);
                    }
                }
            }
        }

        return _boolMembers.GetOrAdd(key, builder.ToImmutable());
    }

    private MethodFacts GetFacts(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var key = (method.ReducedFrom ?? method).OriginalDefinition;
        if (_facts.TryGetValue(key, out var facts))
        {
            return facts;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return _facts.GetOrAdd(key, MethodFacts.Create(key));
    }

    /// <summary>What a method's symbol says, independent of options: computed once per method and compilation.</summary>
    private sealed class MethodFacts
    {
        private readonly ImmutableArray<ISymbol> _related;
        private readonly ImmutableArray<string> _attributeNames;
        private ImmutableArray<string> _qualifiedNames;

        private MethodFacts(ImmutableArray<ISymbol> related, ImmutableArray<string> attributeNames)
        {
            _related = related;
            _attributeNames = attributeNames;
        }

        public static MethodFacts Create(IMethodSymbol method)
        {
            var methods = RelatedMethods.Collect(method);

            var related = ImmutableArray.CreateBuilder<ISymbol>();
            var attributeNames = ImmutableArray.CreateBuilder<string>();
            foreach (var relatedMethod in methods)
            {
                related.Add(relatedMethod);
                foreach (var attribute in relatedMethod.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: { Length: > 0 } name } && !attributeNames.Contains(name))
                    {
                        attributeNames.Add(name);
                    }
                }

                if (relatedMethod.ContainingType is { } containingType && !related.Contains(containingType, SymbolEqualityComparer.Default))
                {
                    related.Add(containingType);
                }
            }

            return new MethodFacts(related.ToImmutable(), attributeNames.ToImmutable());
        }

        /// <summary>A configured validator attribute on the method or a member it overrides or implements.</summary>
        public bool HasAttribute(ValidationAnalyzerOptions options)
        {
            foreach (var name in _attributeNames)
            {
                if (options.IsValidatorAttribute(name))
                {
                    return true;
                }
            }

            return false;
        }

        public bool MatchesAny(ImmutableHashSet<string> names)
            => RelatedMethods.AnyQualifiedNameIn(_related, ref _qualifiedNames, names);
    }
}
