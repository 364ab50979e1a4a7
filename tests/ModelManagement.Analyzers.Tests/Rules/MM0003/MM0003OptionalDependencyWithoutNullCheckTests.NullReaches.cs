using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>
/// MM0003 on the shapes real code takes: a member is optional only when null can reach it through the constructors'
/// flow; a member that keeps its value keeps its checked state inside lambdas and local functions; data is not a
/// dependency; extension calls dereference; a failed <c>x?.Value != null</c> check leaves every use reported alike.
/// </summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    // ----- (a) null must be able to reach the member -----

    [Fact]
    public async Task StoreInNonNullBranchWithDefaultInTheOther_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null)
                {
                    if (registry is null)
                    {
                        _registry = new DefaultRegistry();
                    }
                    else
                    {
                        _registry = registry;
                    }
                }

                public void Publish(string model) => _registry.Register(model);
            }

            public interface INotifier { void Notify(string text); }

            public sealed class ConsoleNotifier : INotifier { public void Notify(string text) => System.Console.WriteLine(text); }

            public sealed class Publisher
            {
                public Publisher(INotifier notifier = null)
                {
                    if (notifier != null)
                    {
                        Notifier = notifier;
                    }
                    else
                    {
                        Notifier = new ConsoleNotifier();
                    }
                }

                public INotifier Notifier { get; }

                public void Done() => Notifier.Notify("done");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NonNullInitializerOverwrittenOnlyUnderCheck_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry = new DefaultRegistry();

                public NarrativeGenerator(IModelRegistry registry = null)
                {
                    if (registry != null)
                    {
                        _registry = registry;
                    }
                }

                public void Publish(string model) => _registry.Register(model);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FallbackAssignedAfterTheStoreOrBeforeAnEarlyReturn_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private IModelRegistry _registry;
                private IModelRegistry _backup;

                public NarrativeGenerator(IModelRegistry registry = null, IModelRegistry backup = null)
                {
                    _registry = registry;
                    if (_registry == null)
                    {
                        _registry = new DefaultRegistry();
                    }

                    if (backup == null)
                    {
                        _backup = new DefaultRegistry();
                        return;
                    }

                    _backup = backup;
                }

                public void Publish(string model)
                {
                    _registry.Register(model);
                    _backup.Register(model);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ChainedConstructorGivesDefaultAndStoreIsGuarded_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator() => _registry = new DefaultRegistry();

                public NarrativeGenerator(IModelRegistry registry = null) : this()
                {
                    if (registry != null)
                    {
                        _registry = registry;
                    }
                }

                public void Publish(string model) => _registry.Register(model);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnMethodCalledByTheConstructorDefaultsTheMember_DoesNotReport()
    {
        // The triage (ChoETL, 529 reports): every constructor stores the optional configuration, then calls an own method
        // that replaces null with a default; so does a helper two calls deep, and an expression-bodied one.
        var source = /* lang=c#-test */ """
            public class Reader
            {
                public IModelRegistry Configuration { get; private set; }

                public Reader(IModelRegistry configuration = null)
                {
                    Configuration = configuration;
                    Init();
                }

                public Reader(int capacity, IModelRegistry configuration = null)
                {
                    Configuration = configuration;
                    this.Init();
                }

                private void Init()
                {
                    if (Configuration == null)
                    {
                        Configuration = new DefaultRegistry();
                    }
                }

                public void Publish(string model) => Configuration.Register(model);
            }

            public sealed class Writer
            {
                private IModelRegistry _registry;
                private IModelRegistry _audit;

                public Writer(IModelRegistry registry = null, IModelRegistry audit = null)
                {
                    _registry = registry;
                    _audit = audit;
                    Setup();
                }

                private void Setup() => EnsureDefaults();

                private void EnsureDefaults() { _registry ??= new DefaultRegistry(); _audit = _audit ?? new DefaultRegistry(); }

                public void Publish(string model) { _registry.Register(model); _audit.Register(model); }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnMethodThatMayLeaveTheMemberNull_Reports()
    {
        // Controls: a default on one path only, a virtual method a derived type may replace, a call before the store, and
        // a method that does not touch the member.
        var source = /* lang=c#-test */ """
            public class Reader
            {
                private IModelRegistry _a;
                private IModelRegistry _b;
                private IModelRegistry _c;
                private IModelRegistry _d;

                public Reader(bool fast, IModelRegistry a = null, IModelRegistry b = null, IModelRegistry c = null, IModelRegistry d = null)
                {
                    _a = a;
                    _b = b;
                    Defaults(fast);
                    Overridable();
                    EnsureC();
                    _c = c;
                    _d = d;
                    Unrelated();
                }

                private void Defaults(bool fast)
                {
                    if (!fast)
                    {
                        _a ??= new DefaultRegistry();
                    }
                }

                protected virtual void Overridable() => _b ??= new DefaultRegistry();

                private void EnsureC() => _c ??= new DefaultRegistry();

                private void Unrelated() => System.Console.WriteLine("ready");

                public void Publish(string model)
                {
                    [|_a|].Register(model);
                    [|_b|].Register(model);
                    [|_c|].Register(model);
                    [|_d|].Register(model);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MemberUsedAfterAnOwnMethodThatDefaultsIt_DoesNotReport()
    {
        // The s33 triage (perfview's ZippedETLWriter.WriteArchive): a public method first calls a private helper whose
        // first statement is `if (Log == null) Log = new StringWriter();`, then uses Log — a property, as there, and a
        // field defaulted by an expression-bodied `??=` helper; a sealed type's public helper counts too.
        var source = /* lang=c#-test */ """
            public sealed class ArchiveWriter
            {
                private IModelRegistry _audit;

                public ArchiveWriter(IModelRegistry log = null, IModelRegistry audit = null)
                {
                    Log = log;
                    _audit = audit;
                }

                public IModelRegistry Log { get; set; }

                public bool WriteArchive(string model)
                {
                    var inputs = PrepForWrite(model);
                    Log.Register(model);
                    return inputs > 0;
                }

                public void Audit(string model)
                {
                    this.EnsureAudit();
                    _audit.Register(model);
                    _audit.Register(model + "!");
                }

                public void Both(string model)
                {
                    PrepForWrite(model);
                    EnsureAudit();
                    Log.Register(_audit.DefaultModel);
                }

                private int PrepForWrite(string model)
                {
                    if (Log == null)
                    {
                        Log = new DefaultRegistry();
                    }

                    return model.Length;
                }

                public void EnsureAudit() => _audit ??= new DefaultRegistry();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MemberUsedAfterAnOwnMethodThatMayLeaveItNull_Reports()
    {
        // Controls for the one above: a use before the call, a helper that defaults on one path only, a virtual one, an
        // async one, the helper called on another instance, a use in a lambda created before the call, a helper that only
        // calls the one that assigns (member bodies follow a helper whose own text assigns the member), and the helper
        // called in a different member.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public class Writer
            {
                private IModelRegistry _a;
                private IModelRegistry _b;
                private IModelRegistry _c;
                private IModelRegistry _d;
                private IModelRegistry _e;
                private IModelRegistry _f;
                private IModelRegistry _g;

                public Writer(IModelRegistry a = null, IModelRegistry b = null, IModelRegistry c = null, IModelRegistry d = null,
                    IModelRegistry e = null, IModelRegistry f = null, IModelRegistry g = null)
                {
                    _a = a;
                    _b = b;
                    _c = c;
                    _d = d;
                    _e = e;
                    _f = f;
                    _g = g;
                }

                public void Early(string model)
                {
                    [|_a|].Register(model);
                    EnsureA();
                }

                public void OnePath(bool fast, string model)
                {
                    Defaults(fast);
                    [|_b|].Register(model);
                }

                public void Virtual(string model)
                {
                    Overridable();
                    [|_c|].Register(model);
                }

                public async Task Async(string model)
                {
                    await EnsureDAsync();
                    [|_d|].Register(model);
                }

                public void Other(Writer other, string model)
                {
                    other.EnsureE();
                    [|_e|].Register(model);
                }

                public Action Later(string model)
                {
                    Action use = () => [|_a|].Register(model);
                    EnsureA();
                    return use;
                }

                public void Indirect(string model)
                {
                    Setup();
                    [|_f|].Register(model);
                }

                public void Elsewhere(string model) => [|_g|].Register(model);

                public void Prepare() => _g ??= new DefaultRegistry();

                private void EnsureA() => _a ??= new DefaultRegistry();

                private void Defaults(bool fast)
                {
                    if (!fast)
                    {
                        _b ??= new DefaultRegistry();
                    }
                }

                protected virtual void Overridable() => _c ??= new DefaultRegistry();

                private async Task EnsureDAsync()
                {
                    _d ??= new DefaultRegistry();
                    await Task.Yield();
                }

                private void EnsureE() => _e ??= new DefaultRegistry();

                private void Setup() => EnsureF();

                private void EnsureF() => _f ??= new DefaultRegistry();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrivateHelperEveryCallerReachesAfterTheCheck_DoesNotReport_OneUsedOnceUncheckedDoes()
    {
        // The triage (Nethereum's backfiller and sparse tree): private helpers called only under `_x != null &&`, after
        // `if (_x == null) return;`, or handed on as `_x == null ? null : Helper`; they recurse into themselves. Controls:
        // a helper with one unchecked caller, a public one, and a member that a method may set back to null.
        var source = /* lang=c#-test */ """
            using System;

            public sealed class Backfiller
            {
                private readonly IModelRegistry _registry;
                private IModelRegistry _swappable;

                public Backfiller(IModelRegistry registry = null, IModelRegistry swappable = null)
                {
                    _registry = registry;
                    _swappable = swappable;
                }

                public int Run(string model, int depth)
                {
                    Func<string, bool> rule = _registry == null ? null : (Func<string, bool>)IsKnown;
                    if (_registry != null && !Register(model))
                    {
                        return -1;
                    }

                    if (_swappable != null)
                    {
                        Swap(model);
                    }

                    return rule?.Invoke(model) == true ? 1 : 0;
                }

                public void Flush(string model)
                {
                    if (_registry == null)
                    {
                        return;
                    }

                    FlushLevel(model, 0);
                }

                public void Publish(string model) => Announce(model);

                public void Checked(string model)
                {
                    if (_registry is not null)
                    {
                        Announce(model);
                    }
                }

                public void Clear() => _swappable = null;

                private bool IsKnown(string model) => _registry.Count > 0;

                private bool Register(string model)
                {
                    _registry.Register(model);
                    return true;
                }

                private void FlushLevel(string model, int level)
                {
                    _registry.Register(model);
                    if (level < 3)
                    {
                        FlushLevel(model, level + 1);
                    }
                }

                private void Announce(string model) => [|_registry|].Register(model);

                private void Swap(string model) => [|_swappable|].Register(model);

                public void Open(string model) => [|_registry|].Register(model);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task HandlerSubscribedOnlyUnderACheckOfTheStoredParameter_DoesNotReport_OtherwiseItDoes()
    {
        // The s33 triage (perfview's RubberBandAdorner): the constructor stores the optional callback, then subscribes the
        // private handler only under `if (createMenu != null)` — a check of the parameter it stored — and the unsubscription
        // checks the member. Controls: the subscription before the store, a parameter written between, a second store of
        // the member, a store under a condition, a check of another parameter, and a member some method sets again.
        var source = /* lang=c#-test */ """
            using System;

            public sealed class Canvas
            {
                public event EventHandler Click;

                public void Raise() => Click?.Invoke(this, EventArgs.Empty);
            }

            public sealed class Adorner
            {
                private readonly Canvas _canvas;
                private readonly IModelRegistry _menu;

                public Adorner(Canvas canvas, IModelRegistry createMenu = null)
                {
                    _canvas = canvas;
                    _menu = createMenu;
                    if (createMenu != null)
                    {
                        _canvas.Click += OnClick;
                    }
                }

                public void Detach()
                {
                    if (_menu != null)
                    {
                        _canvas.Click -= OnClick;
                    }
                }

                private void OnClick(object sender, EventArgs e) => _menu.Register("menu");
            }

            public sealed class Controls
            {
                private readonly IModelRegistry _early;
                private readonly IModelRegistry _rewritten;
                private readonly IModelRegistry _twice;
                private readonly IModelRegistry _conditional;
                private readonly IModelRegistry _other;
                private IModelRegistry _swappable;

                public Controls(Canvas canvas, bool flag, IModelRegistry early = null, IModelRegistry rewritten = null, IModelRegistry twice = null,
                    IModelRegistry conditional = null, IModelRegistry other = null, IModelRegistry swappable = null)
                {
                    if (early != null) { ShowEarly(); }
                    _early = early;
                    _rewritten = rewritten;
                    rewritten = rewritten ?? new DefaultRegistry();
                    if (rewritten != null) { canvas.Click += (s, e) => ShowRewritten(); }
                    _twice = twice;
                    if (twice != null) { canvas.Click += (s, e) => ShowTwice(); }
                    _twice = null;
                    if (flag) { _conditional = conditional; }
                    if (conditional != null) { canvas.Click += (s, e) => ShowConditional(); }
                    _other = other;
                    if (early != null) { canvas.Click += (s, e) => ShowOther(); }
                    _swappable = swappable;
                    if (swappable != null) { canvas.Click += (s, e) => ShowSwappable(); }
                }

                public void Reset() => _swappable = null;

                private void ShowEarly() => [|_early|].Register("early");

                private void ShowRewritten() => [|_rewritten|].Register("rewritten");

                private void ShowTwice() => [|_twice|].Register("twice");

                private void ShowConditional() => [|_conditional|].Register("conditional");

                private void ShowOther() => [|_other|].Register("other");

                private void ShowSwappable() => [|_swappable|].Register("swappable");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ConstructorUseUnderACheckOfTheParameterItJustStored_DoesNotReport_OtherwiseItDoes()
    {
        // The s34 triage (hazelcast's ClientMessage): `FirstFrame = LastFrame = firstFrame; if (firstFrame != null) {
        // LastFrame.Flags |= Final; }` — the member holds what the parameter holds, and the parameter was checked. Controls:
        // the use before the store, a second store of the member between, a parameter written between, and a check of
        // another parameter.
        var source = /* lang=c#-test */ """
            public sealed class Frame
            {
                public int Flags;
                public Frame Next;

                public void Seal() => Flags |= 2;
            }

            public sealed class Message
            {
                public Frame FirstFrame { get; private set; }
                public Frame LastFrame { get; private set; }

                public Message(Frame firstFrame = null)
                {
                    FirstFrame = LastFrame = firstFrame;
                    if (firstFrame != null)
                    {
                        firstFrame.Next = null;
                        LastFrame.Flags |= 1; // the parameter it holds was just checked
                    }
                }

                public void Append(Frame frame)
                {
                    if (LastFrame != null) LastFrame.Next = frame;
                    LastFrame = frame;
                }
            }

            public sealed class Controls
            {
                private readonly Frame _before;
                private Frame _twice;
                private readonly Frame _rewritten;
                private readonly Frame _other;

                public Controls(Frame before = null, Frame twice = null, Frame rewritten = null, Frame other = null)
                {
                    if (before != null) { [|_before|].Flags = 1; }
                    _before = before;
                    _twice = twice;
                    _twice = null;
                    if (twice != null) { [|_twice|].Flags = 1; }
                    _rewritten = rewritten;
                    rewritten = rewritten ?? new Frame();
                    if (rewritten != null) { [|_rewritten|].Flags = 1; }
                    _other = other;
                    if (before != null) { [|_other|].Flags = 1; }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InternalHelperEveryCallerInTheAssemblyReachesAfterTheCheck_DoesNotReport_OtherwiseItDoes()
    {
        // The third triage (aws-lambda-dotnet's LambdaBootstrap): `internal InitializeAsync` (internal for its tests) is
        // called once, after `_initializer != null &&`. Its callers are looked for in the whole compilation: a second,
        // unchecked call from another type reports, and so does a virtual internal helper (an override may be called
        // from anywhere) and an internal helper with one unchecked call.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public class Bootstrap
            {
                private readonly Func<Task<bool>> _initializer;
                private readonly Func<Task<bool>> _warmer;

                public Bootstrap(Func<Task<bool>> initializer = null, Func<Task<bool>> warmer = null)
                {
                    _initializer = initializer;
                    _warmer = warmer;
                }

                public async Task RunAsync()
                {
                    if (_initializer != null && !await InitializeAsync())
                    {
                        return;
                    }

                    if (_warmer != null)
                    {
                        await WarmAsync();
                        await PrimeAsync();
                    }

                    await WarmUpAsync();
                }

                internal async Task<bool> InitializeAsync()
                {
                    try
                    {
                        return await _initializer();
                    }
                    catch (Exception)
                    {
                        return false;
                    }
                }

                internal async Task<bool> WarmAsync() => await [|_warmer|]();

                internal virtual async Task<bool> PrimeAsync() => await [|_warmer|]();

                internal async Task<bool> WarmUpAsync() => await [|_initializer|]();
            }

            public static class Warmers
            {
                public static Task WarmAsync(Bootstrap bootstrap) => bootstrap.WarmAsync();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task HelperOfAHelperEveryCallerReachesAfterTheCheck_DoesNotReport_AnUncheckedOuterUseDoes()
    {
        // The second triage (dotnetcore/Util's OrCondition): `AppendTo` checks both conditions and calls private
        // `AppendAllCondition`, which calls private `Or`, which uses `_condition2`. Controls: the same chain whose outer
        // helper is also called unchecked, and a chain through a lambda of a helper (which may run later), still report.
        var source = /* lang=c#-test */ """
            using System;
            using System.Text;

            public interface ISqlCondition { void AppendTo(StringBuilder builder); }

            public sealed class OrCondition : ISqlCondition
            {
                private readonly ISqlCondition _condition1;
                private readonly ISqlCondition _condition2;
                private readonly ISqlCondition _other;

                public OrCondition(ISqlCondition condition1, ISqlCondition condition2 = null, ISqlCondition other = null)
                {
                    _condition1 = condition1;
                    _condition2 = condition2;
                    _other = other;
                }

                public void AppendTo(StringBuilder builder)
                {
                    if (_condition1 != null && _condition2 != null)
                    {
                        AppendAllCondition(builder);
                        return;
                    }

                    if (_other != null)
                    {
                        AppendOther(builder);
                        AppendLater(builder);
                    }

                    AppendOther(builder);
                }

                private void AppendAllCondition(StringBuilder builder)
                {
                    builder.Append('(');
                    Or(builder);
                    builder.Append(')');
                }

                private void Or(StringBuilder builder)
                {
                    _condition1.AppendTo(builder);
                    builder.Append(" Or ");
                    _condition2.AppendTo(builder);
                }

                private void AppendOther(StringBuilder builder) => WriteOther(builder);

                private void WriteOther(StringBuilder builder) => [|_other|].AppendTo(builder);

                private void AppendLater(StringBuilder builder)
                {
                    Action later = () => WriteLater(builder);
                    later();
                }

                private void WriteLater(StringBuilder builder) => [|_other|].AppendTo(builder);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task GuardedStoreWithoutInitializer_Reports()
    {
        // When the argument is null the field keeps its default: null reaches it.
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null)
                {
                    if (registry != null)
                    {
                        _registry = registry;
                    }
                }

                public void Publish(string model) => [|_registry|].Register(model);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DefaultOnlyOnAnUnrelatedBranch_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(bool standalone, IModelRegistry registry = null)
                {
                    if (standalone)
                    {
                        _registry = new DefaultRegistry();
                    }
                    else
                    {
                        _registry = registry;
                    }
                }

                public void Publish(string model) => [|_registry|].Register(model);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OneOfTwoConstructorsLetsNullThrough_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry ?? new DefaultRegistry();

                public NarrativeGenerator(int capacity, IModelRegistry registry = null) => _registry = registry;

                public void Publish(string model) => [|_registry|].Register(model);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ConstructorFlowThroughTryCatchAndLoops_ReportsOnlyWhatNullReaches()
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;
                private readonly IModelRegistry _other;

                public NarrativeGenerator(IModelRegistry registry = null, IModelRegistry other = null)
                {
                    try
                    {
                        if (registry == null)
                        {
                            throw new ArgumentNullException(nameof(registry));
                        }

                        _registry = registry;
                    }
                    catch (ArgumentNullException)
                    {
                        _registry = new DefaultRegistry();
                    }

                    var attempts = 0;
                    while (attempts++ < 3)
                    {
                        if (other == null)
                        {
                            continue;
                        }

                        _other = other;
                    }
                }

                public void Publish()
                {
                    _registry.Register("a");
                    [|_other|].Register("b");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task GuardedStoreInCSharp73WithNullableOff_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry = new DefaultRegistry();

                public NarrativeGenerator(IModelRegistry registry = null)
                {
                    if (!(registry is null))
                    {
                        _registry = registry;
                    }
                }

                public void Publish(string model) => _registry.Register(model);
            }
            """;
        await VerifyAsync(source, Microsoft.CodeAnalysis.NullableContextOptions.Disable, Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3);
    }

    [Fact]
    public async Task GuardedStoreWithNullableEnabled_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry? registry = null)
                {
                    _registry = registry is not null ? registry : new DefaultRegistry();
                    if (registry is { } given)
                    {
                        _registry = given;
                    }
                }

                public void Publish(string model) => _registry.Register(model);
            }
            """;
        await VerifyNullableAsync(source);
    }

    // ----- (b) lambdas and local functions created after a check -----

    [Fact]
    public async Task ReadonlyMemberCheckedBeforeLambda_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class RetryPolicy
            {
                private readonly Func<int, string, TimeSpan> _retryDelay;
                private readonly IModelRegistry _registry;

                public RetryPolicy(Func<int, string, TimeSpan> retryDelay = null, IModelRegistry registry = null)
                {
                    _retryDelay = retryDelay;
                    _registry = registry;
                }

                public IModelRegistry Registry => _registry;

                public Func<int, string, TimeSpan> OnRetry()
                {
                    var onRetry = _retryDelay != null ? (attempt, context) => _retryDelay(attempt, context) : (Func<int, string, TimeSpan>)null;
                    return onRetry;
                }

                public Action Publisher(string model)
                {
                    if (_registry == null)
                    {
                        return () => { };
                    }

                    Action publish = () => _registry.Register(model);
                    return publish;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReadonlyMemberCheckedBeforeNestedLambda_DoesNotReport_UnlessAssignedElsewhere()
    {
        // microsoft/autogen's ConversableAgent: `if (this.innerAgent != null) innerAgent.RegisterMiddleware(async (...) =>
        // msgs.Select(m => this.innerAgent.Name))`. The outer lambda mentions nothing tracked (or another value); the
        // inner lambda still starts from what was known where the outer one was created. A field reset elsewhere reports.
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            public sealed class ConversableAgent
            {
                private readonly IModelRegistry _inner;
                private readonly IModelRegistry _other;
                private IModelRegistry _resettable;

                public ConversableAgent(IModelRegistry inner = null, IModelRegistry other = null, IModelRegistry resettable = null)
                {
                    _inner = inner;
                    _other = other;
                    _resettable = resettable;
                }

                public void Detach() => _resettable = null;

                public Func<IEnumerable<string>, string> Reply()
                {
                    if (_inner != null)
                    {
                        return messages => string.Join(",", messages.Select(m => _inner.DefaultModel + m));
                    }

                    return null;
                }

                public Func<IEnumerable<string>, string> ReplyWithOther()
                {
                    if (_inner != null)
                    {
                        return messages =>
                        {
                            var model = _other?.DefaultModel;
                            return string.Join(",", messages.Select(m => _inner.DefaultModel + model + m));
                        };
                    }

                    return null;
                }

                public Func<IEnumerable<string>, string> ReplyWithResettable()
                {
                    if (_resettable != null)
                    {
                        return messages => string.Join(",", messages.Select(m => [|_resettable|].DefaultModel + m));
                    }

                    return null;
                }

                public Func<IEnumerable<string>, string> ReplyCreatedUnchecked()
                    => messages => string.Join(",", messages.Select(m => [|_inner|].DefaultModel + m));
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LocalFunctionCalledOnlyAfterCheck_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;

                public void Publish(string model)
                {
                    if (_registry is null)
                    {
                        return;
                    }

                    Register();
                    Register();

                    void Register() => _registry.Register(model);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LambdaPassedWithANullTestOfTheMember_DoesNotReport_ButATestOfAnotherDoes()
    {
        // mongo's AST rendering (47 reports): `{ "format", () => _format.Render(), _format != null }` — the callee gets the
        // condition under which to run the lambda. A test of another member, or a member assigned after construction, proves nothing.
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections;
            using System.Collections.Generic;

            public sealed class RenderedDocument : IEnumerable<string>
            {
                private readonly List<string> _parts = new List<string>();

                public void Add(string name, Func<string> render, bool condition) { if (condition) _parts.Add(name + render()); }

                public void AddIf(bool condition, Func<string> render) { if (condition) _parts.Add(render()); }

                public IEnumerator<string> GetEnumerator() => _parts.GetEnumerator();

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            public sealed class DateToString
            {
                private readonly IModelRegistry _format;
                private readonly IModelRegistry _timezone;
                private IModelRegistry _onNull;

                public DateToString(IModelRegistry format = null, IModelRegistry timezone = null, IModelRegistry onNull = null)
                {
                    _format = format;
                    _timezone = timezone;
                    _onNull = onNull;
                }

                public void Reset() => _onNull = null;

                public RenderedDocument Render() => new RenderedDocument
                {
                    { "format", () => _format.DefaultModel, _format != null },
                    { "timezone", () => _timezone.DefaultModel, (_timezone is not null) },
                    { "other", () => [|_timezone|].DefaultModel, _format != null },
                    { "onNull", () => [|_onNull|].DefaultModel, _onNull != null },
                };

                public void RenderTo(RenderedDocument document) => document.AddIf(_format is { }, () => _format.DefaultModel);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MemberOnlyEverReassignedANewValue_KeepsACheckIntoALambda_OneReassignedAPossiblyNullValueDoesNot()
    {
        // The s34 triage (couchbase's AttemptContext): `_ = _atr ?? throw …;` before a retry lambda that uses `_atr`, whose
        // only write outside the constructor is `_atr = new AtrRepository(…)` — once set it is never null again. So for
        // `??=` and a new array. Controls: a member also reassigned from a parameter, and one set to null.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class AttemptContext
            {
                private IModelRegistry _atr;
                private IModelRegistry _lazy;
                private string[] _names;
                private IModelRegistry _swapped;
                private IModelRegistry _cleared;

                public AttemptContext(IModelRegistry atr = null, IModelRegistry lazy = null, string[] names = null, IModelRegistry swapped = null, IModelRegistry cleared = null)
                {
                    _atr = atr;
                    _lazy = lazy;
                    _names = names;
                    _swapped = swapped;
                    _cleared = cleared;
                }

                public void SelectAtr() => _atr = new DefaultRegistry();

                public void Ensure() { _lazy ??= new DefaultRegistry(); _names = new[] { "a" }; }

                public void Swap(IModelRegistry other) => _swapped = other;

                public void Clear() => _cleared = null;

                public async Task CommitAsync(Func<Func<Task>, Task> repeat)
                {
                    _ = _atr ?? throw new InvalidOperationException("no ATR");
                    if (_lazy == null || _names == null || _swapped == null || _cleared == null)
                    {
                        return;
                    }

                    await repeat(async () =>
                    {
                        await _atr.RegisterAsync("commit");
                        _lazy.Register(_names[0]);
                        [|_swapped|].Register("swapped");
                        [|_cleared|].Register("cleared");
                    });
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LambdaOverMemberAssignedAfterConstruction_Reports()
    {
        // The field is reset elsewhere, so the lambda may run when it is null again.
        var source = /* lang=c#-test */ """
            using System;

            public sealed class NarrativeGenerator
            {
                private IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;

                public void Detach() => _registry = null;

                public Action Publisher(string model)
                {
                    if (_registry == null)
                    {
                        return () => { };
                    }

                    return () => [|_registry|].Register(model);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LambdaCreatedBeforeCheckOrLocalFunctionCalledUnchecked_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;

                public Action Publisher(string model)
                {
                    Action publish = () => {|#0:_registry|}.Register(model);
                    if (_registry == null)
                    {
                        return () => { };
                    }

                    return publish;
                }

                public void Publish(bool check, string model)
                {
                    if (check && _registry == null)
                    {
                        return;
                    }

                    Register();

                    void Register() => {|#1:_registry|}.Register(model);
                }
            }
            """;
        await VerifyAsync(source, Uses(1), Verify.Diagnostic().WithLocation(1).WithArguments("_registry"));
    }

    [Fact]
    public async Task ParameterCheckedBeforeLambdaAndNeverAssigned_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class FileContent
            {
                private readonly Func<Task<string>> _load;

                public FileContent(Func<Task<string>> loader = null)
                {
                    ArgumentNullException.ThrowIfNull(loader);
                    _load = async () => await loader().ConfigureAwait(false);
                }

                public Task<string> LoadAsync() => _load();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ParameterReassignedAfterCheck_LambdaReports()
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class NarrativeGenerator
            {
                private readonly Action _publish;

                public NarrativeGenerator(bool detached, IModelRegistry registry = null)
                {
                    if (registry == null)
                    {
                        throw new ArgumentNullException(nameof(registry));
                    }

                    _publish = () => [|registry|].Register("x");
                    if (detached)
                    {
                        registry = null;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    // ----- (c) dependencies, not data -----

    [Fact]
    public async Task OptionalDataValues_DoNotReport()
    {
        // A data class with dozens of optional values (as generated clients have) is not a service with dependencies.
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;

            public sealed class ModelOwner
            {
                public ModelOwner(string id = null, string name = null) { Id = id; Name = name; }

                public string Id { get; }

                public string Name { get; }
            }

            public sealed record ModelTag(string Key, string Value);

            public sealed class ModelCard
            {
                public ModelCard(string id = null, string name = null, int? size = null, ModelOwner owner = null,
                    ModelTag tag = null, string[] aliases = null, List<string> labels = null, Uri homepage = null,
                    IReadOnlyDictionary<string, string> metadata = null, object extra = null)
                {
                    Id = id;
                    Name = name;
                    Size = size;
                    Owner = owner;
                    Tag = tag;
                    Aliases = aliases;
                    Labels = labels;
                    Homepage = homepage;
                    Metadata = metadata;
                    Extra = extra;
                }

                public string Id { get; }
                public string Name { get; }
                public int? Size { get; }
                public ModelOwner Owner { get; private set; }
                public ModelTag Tag { get; }
                public string[] Aliases { get; }
                public List<string> Labels { get; }
                public Uri Homepage { get; }
                public IReadOnlyDictionary<string, string> Metadata { get; }
                public object Extra { get; }

                public void Rename(string name) => Owner = new ModelOwner(Owner.Id, name);

                public string Describe() => Name.Trim() + Size.Value + Tag.Key + Aliases[0] + Labels.Count + Homepage.Host + Metadata.Count + Extra.ToString();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DataWithParameterlessConversions_IsData_AMapperOrAnAsyncToIsADependency()
    {
        // garnet's SyncMetadata: public values plus ToByteArray() (and a static FromByteArray) is a message, not a service.
        // A conversion that takes what it converts (ToDto(model)) is a mapper's behaviour: still a dependency.
        var source = /* lang=c#-test */ """
            public sealed class SyncMetadata
            {
                public readonly string OriginNodeId;
                public readonly long Version;

                public SyncMetadata(string originNodeId, long version) { OriginNodeId = originNodeId; Version = version; }

                public byte[] ToByteArray() => System.Text.Encoding.UTF8.GetBytes(OriginNodeId + Version);

                public System.ReadOnlySpan<byte> AsSpan() => ToByteArray();

                public static SyncMetadata FromByteArray(byte[] bytes) => new SyncMetadata(System.Text.Encoding.UTF8.GetString(bytes), 0);
            }

            public sealed class ModelDto { public string Name { get; set; } }

            public sealed class ModelMapper
            {
                public ModelDto ToDto(string name) => new ModelDto { Name = name };
            }

            public sealed class Publisher
            {
                public System.Threading.Tasks.Task ToBroker() => System.Threading.Tasks.Task.CompletedTask;
            }

            public sealed class ReplicaSyncSession
            {
                private readonly SyncMetadata _metadata;
                private readonly ModelMapper _mapper;
                private readonly Publisher _publisher;

                public ReplicaSyncSession(SyncMetadata metadata = null, ModelMapper mapper = null, Publisher publisher = null)
                {
                    _metadata = metadata;
                    _mapper = mapper;
                    _publisher = publisher;
                }

                public System.Threading.Tasks.Task PublishAsync() => [|_publisher|].ToBroker();

                public string Origin() => _metadata.OriginNodeId + _metadata.ToByteArray().Length;

                public ModelDto Map(string name) => [|_mapper|].ToDto(name);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ClassWithArithmeticOperators_IsData_OneWithOnlyEqualityOperatorsIsNot()
    {
        // Real-code hunt: TorchSharp's distributions take `Tensor probs = null`; a tensor (operators +, *, …) is a value,
        // not a service that may be absent. Declaring only == / != says nothing about that.
        var source = /* lang=c#-test */ """
            public class Tensor
            {
                private readonly double[] _values;
                public Tensor(double[] values) => _values = values;
                public Tensor Sum() => new Tensor(new[] { System.Linq.Enumerable.Sum(_values) });
                public void Print() => System.Console.WriteLine(_values.Length);
                public static Tensor operator +(Tensor a, Tensor b) => a;
                public static Tensor operator *(Tensor a, double b) => a;
            }

            public class Endpoint
            {
                public void Send(string message) => System.Console.WriteLine(message);
                public static bool operator ==(Endpoint a, Endpoint b) => ReferenceEquals(a, b);
                public static bool operator !=(Endpoint a, Endpoint b) => !ReferenceEquals(a, b);
                public override bool Equals(object obj) => ReferenceEquals(this, obj);
                public override int GetHashCode() => 0;
            }

            public sealed class Binomial
            {
                private readonly Tensor _probs;
                private readonly Endpoint _endpoint;

                public Binomial(Tensor probs = null, Endpoint endpoint = null)
                {
                    _probs = probs;
                    _endpoint = endpoint;
                }

                public void Sample()
                {
                    _probs.Print();
                    [|_endpoint|].Send("sampled");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LibraryClassWithComparisonOperators_AndASourceClassInheritingOperators_AreData()
    {
        // The operators are found by member name, in metadata (System.Version: <, >, <=, >=) and on a base class.
        var source = /* lang=c#-test */ """
            public class Tensor
            {
                public void Print() => System.Console.WriteLine("tensor");
                public static Tensor operator -(Tensor a) => a;
            }

            public class LabeledTensor : Tensor
            {
                public void Label(string name) => System.Console.WriteLine(name);
            }

            public class Probe
            {
                public void Send(string message) => System.Console.WriteLine(message);
            }

            public sealed class Release
            {
                private readonly System.Version _version;
                private readonly LabeledTensor _tensor;
                private readonly Probe _probe;

                public Release(System.Version version = null, LabeledTensor tensor = null, Probe probe = null)
                {
                    _version = version;
                    _tensor = tensor;
                    _probe = probe;
                }

                public void Describe()
                {
                    System.Console.WriteLine(_version.Major);
                    _tensor.Label("x");
                    [|_probe|].Send("described");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SelfReturningMethodsAreNoBehaviour_OptionsWithMergeAreData_AResettableSettingsIsNot()
    {
        // botbuilder's EvaluationOptions: nullable settings and `Merge(other)` returning itself. A class whose only methods
        // return its own type (`Merge`, `With…`) holds values; a settings class that creates something (garnet's
        // AadAuthenticationSettings.CreateAuthenticator) or resets itself has behaviour, whatever its name.
        var source = /* lang=c#-test */ """
            public class EvaluationOptions
            {
                public bool? StrictMode { get; set; }

                public EvaluationOptions Merge(EvaluationOptions other)
                {
                    StrictMode ??= other.StrictMode;
                    return this;
                }
            }

            public class RetrySettings
            {
                public int Count { get; set; }

                public void Reset() => Count = 0;
            }

            public sealed class Temperature
            {
                public double Value { get; }

                public Temperature(double value) => Value = value;

                public Temperature WithValue(double value) => new Temperature(value);
            }

            public sealed class Tokenizer
            {
                public int Count(string text) => text.Length;
            }

            internal sealed class Evaluator
            {
                private readonly EvaluationOptions _options;
                private readonly RetrySettings _retries;
                private readonly Temperature _temperature;
                private readonly Tokenizer _tokenizer;

                public Evaluator(EvaluationOptions options = null, RetrySettings retries = null, Temperature temperature = null, Tokenizer tokenizer = null)
                {
                    _options = options;
                    _retries = retries;
                    _temperature = temperature;
                    _tokenizer = tokenizer;
                }

                public bool IsStrict() => _options.StrictMode == true && [|_retries|].Count > 0 && _temperature.Value > 0;

                public int Tokens(string text) => [|_tokenizer|].Count(text);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task GeneratedType_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            [System.CodeDom.Compiler.GeneratedCode("client-generator", "1.0")]
            public sealed class RegistryClient
            {
                private readonly IModelRegistry _registry;

                public RegistryClient(IModelRegistry registry = null) => _registry = registry;

                public void Publish(string model) => _registry.Register(model);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ProtobufMessage_IsData_ButAGrpcStyleClientIsADependency()
    {
        // The 2026-12-06 triage (TensorFlow.NET's Saver): `SaverDef saver_def = null` is a protocol-buffers message, whose
        // generator marks each member [GeneratedCode] rather than the type, so MergeFrom/WriteTo read as behaviour. A
        // client generated next to it, implementing no IMessage, is a service.
        var source = /* lang=c#-test */ """
            namespace Google.Protobuf
            {
                public interface IMessage { void WriteTo(object output); }
                public interface IMessage<T> : IMessage where T : IMessage<T> { void MergeFrom(T message); }
            }

            public sealed partial class SaverDef : Google.Protobuf.IMessage<SaverDef>
            {
                public string SaveTensorName { get; set; }
                [System.CodeDom.Compiler.GeneratedCode("protoc", null)]
                public void MergeFrom(SaverDef other) => SaveTensorName = other.SaveTensorName;
                [System.CodeDom.Compiler.GeneratedCode("protoc", null)]
                public void WriteTo(object output) { }
            }

            public sealed class SaverClient
            {
                [System.CodeDom.Compiler.GeneratedCode("grpc_csharp_plugin", null)]
                public string Save(SaverDef request) => request.SaveTensorName;
            }

            public sealed class Saver
            {
                private readonly SaverDef _saverDef;
                private readonly SaverClient _client;

                public Saver(SaverDef saver_def = null, SaverClient client = null)
                {
                    _saverDef = saver_def;
                    _client = client;
                }

                public string Save() => _saverDef.SaveTensorName + [|_client|].Save(_saverDef);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ServicesOfEveryKind_Report()
    {
        // Interfaces, abstract classes, delegates and classes with behaviour are dependencies.
        var source = /* lang=c#-test */ """
            using System;

            public abstract class Formatter { public abstract string Format(string text); }

            public sealed class Mailer
            {
                public string Host { get; set; } = "localhost";

                public void Send(string text) { }
            }

            public sealed class NarrativeGenerator(IModelRegistry registry = null, Formatter formatter = null, Func<string, string> rewrite = null, Mailer mailer = null)
            {
                public string Run(string text)
                {
                    {|#0:registry|}.Register(text);
                    {|#1:mailer|}.Send(text);
                    return {|#2:formatter|}.Format({|#3:rewrite|}(text));
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("registry"),
            Verify.Diagnostic().WithLocation(1).WithArguments("mailer"),
            Verify.Diagnostic().WithLocation(2).WithArguments("formatter"),
            Verify.Diagnostic().WithLocation(3).WithArguments("rewrite"));
    }

    [Fact]
    public async Task DataMarkedOptionalDependency_Reports()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            public sealed class Greeter
            {
                private readonly string _prefix;

                public Greeter([OptionalDependency] string prefix = null) => _prefix = prefix;

                public string Greet(string name) => [|_prefix|].Trim() + name;
            }
            """;
        await VerifyAsync(source);
    }

    // ----- (e) extension calls -----

    [Fact]
    public async Task ExtensionCallWithUnannotatedThis_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Linq;
            using ModelManagement.Patterns;

            public interface IHook { void Run(); }

            public static class RegistryExtensions
            {
                public static string Describe(this IModelRegistry registry) => registry.DefaultModel;
            }

            public sealed class Pipeline
            {
                [OptionalDependency]
                private readonly IEnumerable<IHook> _hooks;
                private readonly IModelRegistry _registry;

                public Pipeline(IEnumerable<IHook> hooks = null, IModelRegistry registry = null)
                {
                    _hooks = hooks;
                    _registry = registry;
                }

                public int Count() => {|#0:_hooks|}.Count();

                public string Describe() => {|#1:_registry|}.Describe();
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_hooks"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_registry"));
    }

    [Fact]
    public async Task SourceExtensionThatHandlesANullThis_IsNoDereference_OneThatThrowsIs()
    {
        // Triage (OpenAI-API-dotnet): `this.Auth = apiKeys.ThisOrDefault();` where the extension replaces null by a default,
        // in a project without nullable annotations (its `this` cannot say `?`).
        var source = /* lang=c#-test */ """
            using System;
            using ModelManagement.Patterns;

            public static class RegistryExtensions
            {
                public static IModelRegistry Fallback { get; set; }

                public static IModelRegistry OrDefault(this IModelRegistry registry)
                {
                    if (registry == null)
                    {
                        registry = Fallback;
                    }

                    return registry;
                }

                public static string NameOrNone(this IModelRegistry registry) => registry?.DefaultModel ?? "none";

                public static IModelRegistry Require(this IModelRegistry registry)
                {
                    if (registry is null)
                    {
                        throw new ArgumentNullException(nameof(registry));
                    }

                    return registry;
                }
            }

            public sealed class Pipeline
            {
                private readonly IModelRegistry _registry;

                public Pipeline(IModelRegistry registry = null)
                {
                    _registry = registry;
                }

                public IModelRegistry Current() => _registry.OrDefault();

                public string Name() => _registry.NameOrNone();

                public IModelRegistry Checked() => {|#0:_registry|}.Require();
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_registry"));
    }

    [Fact]
    public async Task SourceExtensionHandingItsThisOnToAParameterThatAcceptsNull_IsNoDereference_EvenIfItThrowsForAnotherReason()
    {
        // The 2026-12-06 triage (ML.NET's Contracts, 21 reports): `_ectx.CheckValue(reader, nameof(reader))` throws when
        // the *value* is null and hands `ctx` on to `Process(ex, IExceptionContext ectx = null)`, which accepts an absent
        // context. Controls: an extension that dereferences its `this`, one that rejects a null `this` with a throw, one
        // that hands it to a parameter that dereferences it, and one that hands it to a metadata method.
        var source = /* lang=c#-test */ """
            using System;
            using System.IO;

            public interface IExceptionContext
            {
                TException Process<TException>(TException ex) where TException : Exception;
                string Name { get; }
            }

            public static class Contracts
            {
                public static TException Process<TException>(this TException ex, IExceptionContext ectx = null) where TException : Exception
                    => ectx != null ? ectx.Process(ex) : ex;

                public static Exception ExceptValue(this IExceptionContext ctx, string paramName)
                    => Process(new ArgumentNullException(paramName), ctx);

                public static void CheckValue<T>(this IExceptionContext ctx, T val, string paramName) where T : class
                {
                    if (ReferenceEquals(val, null))
                    {
                        throw ExceptValue(ctx, paramName);
                    }
                }

                public static void CheckDecode(this IExceptionContext ctx, bool f)
                {
                    if (!f)
                        throw ctx.ExceptValue("Corrupt model file");
                }

                public static void Describe(this IExceptionContext ctx, TextWriter writer) => writer.Write(ctx.Name);

                public static void Require(this IExceptionContext ctx)
                {
                    if (ctx == null)
                    {
                        throw new ArgumentNullException("ctx");
                    }
                }

                public static void Forward(this IExceptionContext ctx, TextWriter writer) => Describe(ctx, writer);

                public static void Log(this IExceptionContext ctx) => Console.WriteLine(ctx);
            }

            public sealed class ModelLoadContext
            {
                private readonly IExceptionContext _ectx;

                public ModelLoadContext(BinaryReader reader, IExceptionContext ectx = null)
                {
                    _ectx = ectx;
                    _ectx.CheckValue(reader, nameof(reader));
                    Reader = reader;
                }

                public BinaryReader Reader { get; }

                public string LoadString(int id, string[] strings)
                {
                    _ectx.CheckDecode(0 <= id && id < strings.Length);
                    return strings[id];
                }

                public void Describe(TextWriter writer) => {|#0:_ectx|}.Describe(writer);

                public void Require() => {|#1:_ectx|}.Require();

                public void Forward(TextWriter writer) => {|#2:_ectx|}.Forward(writer);

                public void Log() => {|#3:_ectx|}.Log();
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_ectx"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_ectx"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_ectx"),
            Verify.Diagnostic().WithLocation(3).WithArguments("_ectx"));
    }

    [Fact]
    public async Task ExtensionCallGuardedOrConditional_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Linq;
            using ModelManagement.Patterns;

            public interface IHook { void Run(); }

            public sealed class Pipeline([OptionalDependency] IEnumerable<IHook> hooks = null)
            {
                public int Count() => hooks == null ? 0 : hooks.Count();

                public int Other() => hooks?.Count() ?? 0;
            }
            """;
        await VerifyAsync(source);
    }

    // ----- (f) a failed `x?.Value != null` check -----

    [Fact]
    public async Task FailedConditionalAccessCheck_EveryUseOnThatPathReportedAlike()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public string Model()
                {
                    if (registry?.DefaultModel != null)
                    {
                        return registry.DefaultModel;
                    }

                    {|#0:registry|}.Register("fallback");
                    var count = {|#1:registry|}.Count;
                    return {|#2:registry|}.DefaultModel + count;
                }
            }
            """;
        await VerifyAsync(source, Uses(3, "registry"));
    }
}
