using System.Collections.Concurrent;
using System.Linq;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>Why a call counts as a side effect (MM0002). Travels in the diagnostic's properties.</summary>
internal enum SideEffectReason
{
    None,
    MethodPrefix,
    ReceiverSuffix,
    Attribute,
    Configured,
}

/// <summary>
/// Decides whether a call is a side effect (logging, telemetry, metrics, audit) for MM0002. One instance per
/// compilation: it caches the parsed options per syntax tree and the symbol facts per method.
/// </summary>
internal sealed class SideEffectCallClassifier
{
    /// <summary>The marker attribute's class name, matched in any namespace.</summary>
    public const string AttributeName = "SideEffectAttribute";

    /// <summary>The runtime helper the fixes insert; lambdas passed to it are guarded.</summary>
    public const string HelperMetadataName = "ModelManagement.Patterns.SideEffect";

    private const int MaxDepth = 32;

    private static readonly SymbolDisplayFormat QualifiedNameFormat = RelatedMethods.QualifiedNameFormat;

    private readonly PerTreeCache<SideEffectAnalyzerOptions> _options;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _facts = new(SymbolEqualityComparer.Default);

    public SideEffectCallClassifier(AnalyzerConfigOptionsProvider optionsProvider)
    {
        _options = new PerTreeCache<SideEffectAnalyzerOptions>(tree => SideEffectAnalyzerOptions.Read(optionsProvider.GetOptions(tree)));
    }

    /// <summary>The tree's options, parsed once and cached.</summary>
    public SideEffectAnalyzerOptions GetOptions(SyntaxTree tree) => _options.Get(tree);

    /// <summary>Classifies the invoked method; cheap name tests run before any attribute or interface walk.</summary>
    public SideEffectReason Classify(IInvocationOperation invocation, SideEffectAnalyzerOptions options, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        var receiverType = GetReceiverType(invocation);
        MethodFacts? facts = null;

        if (options.ExcludedSymbols.Count != 0)
        {
            facts = GetFacts(method, cancellationToken);
            if (facts.MatchesAny(options.ExcludedSymbols)
                || (receiverType is not null && options.ExcludedSymbols.Contains(receiverType.ToDisplayString(QualifiedNameFormat))))
            {
                return SideEffectReason.None;
            }
        }

        var prefix = options.MatchMethodPrefix(method.Name, out var rest);
        var byName = prefix == PrefixMatch.Match
            || (prefix == PrefixMatch.NeedsEvidence && HasSideEffectWord(invocation, method.Name, rest, receiverType, options))
            ? SideEffectReason.MethodPrefix
            : receiverType is not null && ReceiverMatchesSuffix(receiverType, options)
                && !NamePrefix.StartsWithWord(NamePrefix.MemberName(method.Name), LifecycleVerbs) ? SideEffectReason.ReceiverSuffix
            : SideEffectReason.None;
        if (byName != SideEffectReason.None && !RunsAnOperation(invocation, options))
        {
            return byName;
        }

        facts ??= GetFacts(method, cancellationToken);
        if (facts.HasAttribute)
        {
            return SideEffectReason.Attribute;
        }

        if (options.IncludedSymbols.Count != 0
            && (facts.MatchesAny(options.IncludedSymbols)
                || (receiverType is not null && options.IncludedSymbols.Contains(receiverType.ToDisplayString(QualifiedNameFormat)))))
        {
            return SideEffectReason.Configured;
        }

        // The receiver may implement a marked interface through a base-class method (class D : B, IAudit).
        if (receiverType is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
            && !SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, method.ContainingType?.OriginalDefinition)
            && ImplementsMarkedInterfaceMember(named, method))
        {
            return SideEffectReason.Attribute;
        }

        return SideEffectReason.None;
    }

    /// <summary>
    /// Starting, stopping, opening or disposing a logger or a telemetry client (<c>await _instanceLogger.StopAsync();</c>,
    /// azure-webjobs-sdk's <c>LogWriter</c>) runs the logging subsystem's lifecycle; it records nothing. The receiver suffix
    /// alone does not make such a call a side effect (a name prefix, <c>[SideEffect]</c> or configuration still do).
    /// </summary>
    /// <remarks>
    /// So does maintaining or querying what it recorded: an activity log's <c>ClearAllActivitiesAsync()</c> behind an
    /// admin action whose whole job is the delete (Smartstore), a <c>GetEntriesAsync</c> or <c>DeleteOlderThanAsync</c> —
    /// swallowing their failure would report a success that did not happen.
    /// </remarks>
    private static readonly ImmutableArray<string> LifecycleVerbs = ImmutableArray.Create(
        "Start", "Stop", "Open", "Close", "Dispose", "Initialize", "Connect", "Disconnect", "Shutdown", "Pause", "Resume",
        "Clear", "Delete", "Purge", "Remove", "Truncate", "Get", "Find", "Query", "Read", "Search", "List", "Count", "Export");

    /// <summary>
    /// A call named like a side effect that takes an awaitable operation as a delegate
    /// (<c>await tracer.Trace("store", () =&gt; ExecuteInLock(…))</c>, <c>await metrics.MeasureAsync("save", () =&gt; WriteAsync(order))</c>)
    /// runs and awaits that operation: its failure is the operation's, not the instrumentation's (quartz's
    /// <c>JobStoreActivityTracer.Trace</c>). Only the name-based reasons give way; [SideEffect] and configured symbols still count.
    /// </summary>
    private static bool RunsAnOperation(IInvocationOperation invocation, SideEffectAnalyzerOptions options)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { ReturnsVoid: false } invoke }
                && Shapes.IsAwaitable(invoke.ReturnType))
            {
                if (!DelegatesToASideEffect(argument.Value, options))
                {
                    return true;
                }
            }
        }

        // No operation, or every operation it is given is itself a side effect by name (bitwarden's
        // `processor.LogOrganizationEventsForProcessedRequests(LogOrganizationEvents)`): the whole call still is one.
        return false;
    }

    /// <summary>A method group or a one-call lambda whose method is named like a side effect (<c>LogEvents</c>, <c>e =&gt; LogAsync(e)</c>).</summary>
    private static bool DelegatesToASideEffect(IOperation value, SideEffectAnalyzerOptions options)
    {
        IMethodSymbol? target = Shapes.DelegateTarget(value) switch
        {
            IMethodReferenceOperation reference => reference.Method,
            IAnonymousFunctionOperation { Body.Operations: { Length: 1 } body } => body[0] switch
            {
                IReturnOperation { ReturnedValue: { } returned } => Called(returned),
                IExpressionStatementOperation statement => Called(statement.Operation),
                _ => null,
            },
            _ => null,
        };
        return target is not null && options.MatchMethodPrefix(target.Name, out _) == PrefixMatch.Match;

        static IMethodSymbol? Called(IOperation operation)
        {
            while (operation is IAwaitOperation or IConversionOperation)
            {
                operation = operation is IAwaitOperation awaited ? awaited.Operation : ((IConversionOperation)operation).Operand;
            }

            return (operation as IInvocationOperation)?.TargetMethod;
        }
    }

    /// <summary>
    /// True when <paramref name="method"/> (a method or local function containing the await) is itself a side-effect
    /// call: name prefix, [SideEffect], configured, or a member of a type whose name has a receiver suffix.
    /// </summary>
    public bool IsSideEffectMember(IMethodSymbol method, SideEffectAnalyzerOptions options, CancellationToken cancellationToken)
    {
        var facts = GetFacts(method, cancellationToken);
        if (options.ExcludedSymbols.Count != 0 && facts.MatchesAny(options.ExcludedSymbols))
        {
            return false;
        }

        var name = method.Name;
        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            name = name.Substring(dot + 1); // explicit interface implementation: "Ns.IAudit.LogAsync"
        }

        var prefix = options.MatchMethodPrefix(name, out var rest);
        if (prefix == PrefixMatch.Match || facts.HasAttribute)
        {
            return true;
        }

        if (prefix == PrefixMatch.NeedsEvidence)
        {
            if (options.HasSideEffectWord(name, rest))
            {
                return true;
            }

            if (method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction))
            {
                foreach (var typeName in facts.ContainingTypeNames)
                {
                    if (options.HasSideEffectWord(typeName))
                    {
                        return true;
                    }
                }
            }
        }

        if (options.IncludedSymbols.Count != 0 && facts.MatchesAny(options.IncludedSymbols))
        {
            return true;
        }

        if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
        {
            return false;
        }

        foreach (var typeName in facts.ContainingTypeNames)
        {
            if (options.MatchesReceiverSuffix(typeName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The evidence a receiver-checked prefix (<c>Record</c>, <c>Track</c>, <c>Trace</c>) needs: a side-effect word in the
    /// rest of the method name (<c>RecordEventAsync</c>), in the receiver's type name (<c>IEventService</c>, or a type
    /// parameter's constraints) or in the receiver's own name (<c>_auditLog</c>, <c>events</c>).
    /// </summary>
    private static bool HasSideEffectWord(
        IInvocationOperation invocation, string methodName, int rest, ITypeSymbol? receiverType, SideEffectAnalyzerOptions options)
    {
        if (options.HasSideEffectWord(methodName, rest))
        {
            return true;
        }

        var receiver = invocation.Instance;
        if (receiver is null && invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            receiver = invocation.Arguments[0].Value;
        }

        for (var i = 0; i < MaxDepth && receiver is IConversionOperation { IsImplicit: true } conversion; i++)
        {
            receiver = conversion.Operand;
        }

        if (IsUnitOfWork(receiverType) || (receiver is IMemberReferenceOperation { Instance: { } owner } && IsUnitOfWork(owner.Type)))
        {
            // A unit of work's writes belong to the batch its owner completes (ServiceControl's audit ingestion:
            // `IAuditIngestionUnitOfWork.RecordSagaSnapshot`, `unitOfWork.Monitoring.RecordKnownEndpoint`, whose failures
            // must fail the batch): the domain words in its name or its parts' names are what it stores, not telemetry.
            return false;
        }

        var excludedRoot = OwnNounRoot(invocation, methodName);
        if (receiverType is ITypeParameterSymbol typeParameter)
        {
            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                if (options.HasSideEffectWord(constraint.Name, excludedRoot: excludedRoot))
                {
                    return true;
                }
            }
        }
        else if (receiverType is not null && options.HasSideEffectWord(receiverType.Name, excludedRoot: excludedRoot))
        {
            return true;
        }

        var receiverName = receiver switch
        {
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
        return receiverName is not null && options.HasSideEffectWord(receiverName, excludedRoot: excludedRoot);
    }

    /// <summary>A type named for a unit of work (<c>IAuditIngestionUnitOfWork</c>), or implementing one.</summary>
    private static bool IsUnitOfWork(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.Name.IndexOf("UnitOfWork", System.StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.Name.IndexOf("UnitOfWork", System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The verb root whose own nouns confirm nothing. For an own method, every verb's: <c>TrackChannelAsync</c> in MODiX's
    /// <c>ChannelTrackingBehavior</c> upserts the channel into the datastore (the handler's whole job), and a
    /// <c>RouteTracingBehavior</c>'s <c>TraceRouteAsync</c> is its work. On another receiver (its type, constraints or name),
    /// <c>Track</c>'s: a tracker tracks parcels, progress or changes as much as usage (an independent consumer's
    /// <c>IShipmentTracker.TrackAsync(parcel)</c> was wrapped and its failures swallowed), while a tracer only traces.
    /// </summary>
    private static string? OwnNounRoot(IInvocationOperation invocation, string methodName)
    {
        var root = VerbRoot(methodName);
        return IsOwnCall(invocation) || root == "Track" ? root : null;
    }

    private static bool IsOwnCall(IInvocationOperation invocation)
        => invocation.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    /// <summary>The root a receiver-checked prefix shares with its nouns: <c>Track</c> (Tracker, Tracking), <c>Trac</c> for <c>Trace</c> (Tracer, Tracing), <c>Record</c>.</summary>
    private static string VerbRoot(string methodName)
    {
        var name = NamePrefix.MemberName(methodName);
        var end = 1;
        while (end < name.Length && !char.IsUpper(name[end]) && name[end] != '_')
        {
            end++;
        }

        var verb = name.Substring(0, end);
        return verb.Length > 3 && verb.EndsWith("e", System.StringComparison.Ordinal) ? verb.Substring(0, verb.Length - 1) : verb;
    }

    private static ITypeSymbol? GetReceiverType(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance.Type;
        }

        var method = invocation.TargetMethod;
        if (method.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            var value = invocation.Arguments[0].Value;
            for (var i = 0; i < MaxDepth && value is IConversionOperation { IsImplicit: true } conversion; i++)
            {
                value = conversion.Operand;
            }

            return value.Type;
        }

        return method.IsStatic ? method.ContainingType : null;
    }

    private static bool ReceiverMatchesSuffix(ITypeSymbol type, SideEffectAnalyzerOptions options)
    {
        if (type is ITypeParameterSymbol typeParameter)
        {
            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                if (options.MatchesReceiverSuffix(constraint.Name))
                {
                    return true;
                }
            }

            return false;
        }

        return type.Name.Length != 0 && options.MatchesReceiverSuffix(type.Name);
    }

    private static bool ImplementsMarkedInterfaceMember(INamedTypeSymbol receiver, IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        foreach (var @interface in receiver.AllInterfaces)
        {
            var interfaceMarked = HasAttribute(@interface);
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol interfaceMethod
                    && (interfaceMarked || HasAttribute(interfaceMethod))
                    && receiver.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation
                    && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, definition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: AttributeName })
            {
                return true;
            }
        }

        return false;
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
        private ImmutableArray<string> _qualifiedNames;

        private MethodFacts(bool hasAttribute, ImmutableArray<ISymbol> related, ImmutableArray<string> containingTypeNames)
        {
            HasAttribute = hasAttribute;
            _related = related;
            ContainingTypeNames = containingTypeNames;
        }

        /// <summary>[SideEffect] on the method, an overridden or implemented member, or one of their types (or base classes).</summary>
        public bool HasAttribute { get; }

        /// <summary>Simple names of the types declaring the method or a member it overrides or implements.</summary>
        public ImmutableArray<string> ContainingTypeNames { get; }

        public static MethodFacts Create(IMethodSymbol method)
        {
            var methods = RelatedMethods.Collect(method);

            var related = ImmutableArray.CreateBuilder<ISymbol>();
            var typeNames = ImmutableArray.CreateBuilder<string>();
            var hasAttribute = false;
            foreach (var relatedMethod in methods)
            {
                related.Add(relatedMethod);
                hasAttribute |= HasAttribute(relatedMethod);
                var type = relatedMethod.ContainingType;
                if (type is not null && !typeNames.Contains(type.Name))
                {
                    typeNames.Add(type.Name);
                }

                for (var depth = 0; type is not null && type.SpecialType != SpecialType.System_Object && depth < MaxDepth; depth++)
                {
                    if (!related.Contains(type, SymbolEqualityComparer.Default))
                    {
                        related.Add(type);
                        hasAttribute |= HasAttribute(type);
                    }

                    type = type.BaseType;
                }
            }

            return new MethodFacts(hasAttribute, related.ToImmutable(), typeNames.ToImmutable());
        }

        public bool MatchesAny(ImmutableHashSet<string> names)
            => RelatedMethods.AnyQualifiedNameIn(_related, ref _qualifiedNames, names);
    }
}
