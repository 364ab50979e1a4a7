namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Why an MM0001 rewrite is not offered: a closed set, each value tested and explained (with the hand-written
/// alternative) in docs/rules/MM0001.md, "When no fix is offered".
/// </summary>
internal enum MM0001RefusalReason
{
    /// <summary>The lazy rewrite is offered, so the factory is not considered.</summary>
    None = 0,

    // ---- neither rewrite

    /// <summary>A struct, record or static class: no instance constructor of a class to move code out of.</summary>
    UnsupportedTypeKind,

    /// <summary>The type has compile errors: a rewrite would build on the compiler's guesses.</summary>
    CompileErrors,

    /// <summary>
    /// The file is compiled for several target frameworks (a multi-targeted project) and they decide differently: a
    /// synchronous reader only one framework compiles (<c>#if NET8_0_OR_GREATER</c>) asks for the factory there and allows
    /// the lazy rewrite elsewhere, or one framework refuses both. One file takes one rewrite, so none is applied.
    /// </summary>
    TargetFrameworksDisagree,

    /// <summary>The fix could not bind or analyse the site: the diagnostic is stale (its span no longer holds the wait, e.g. after an edit).</summary>
    CannotAnalyze,

    /// <summary>The wait runs where no instance exists to defer it to: a static constructor or initializer, a base/this-constructor argument.</summary>
    NoInstanceToDeferTo,

    /// <summary>Several constructors block, or constructors do not all chain to the blocking one.</summary>
    ConstructorShape,

    /// <summary>No await reproduces the wait (a timeout overload, a used WaitAny index, a position where await is not allowed).</summary>
    NoAwaitEquivalent,

    /// <summary>
    /// The wait (<c>.Result</c>, <c>.Wait()</c>, <c>WaitAll</c>, <c>WaitAny</c>) sits in a <c>try</c> whose handler deals with
    /// the <see cref="System.AggregateException"/> it throws (<c>catch (AggregateException ex) when (ex.InnerException is
    /// IOException)</c>): an await throws the inner exception itself, so the handler would no longer run.
    /// </summary>
    AggregateExceptionHandled,

    /// <summary>
    /// The wait (<c>.Result</c>, <c>.Wait()</c>, <c>WaitAll</c>, <c>WaitAny</c>) sits in a <c>try</c> with a handler that its
    /// <see cref="System.AggregateException"/> never reached but the awaited exception would (<c>catch
    /// (InvalidOperationException) { _models = Builtin; }</c>), or the reverse (a filter reading the exception: <c>when (ex
    /// is not OperationCanceledException)</c>): a failed load would turn into the fallback, or the other way round.
    /// </summary>
    HandlerWouldCatchDifferently,

    /// <summary>A blocking initializer the rewrite cannot move (several partial parts, a property without getter).</summary>
    UnsupportedInitializer,

    /// <summary>An own synchronous method on the blocking path cannot become async (public, virtual, ref parameters, iterator, …).</summary>
    OwnMethodCannotBecomeAsync,

    /// <summary>An own synchronous method on the blocking path is also called outside construction.</summary>
    OwnMethodUsedElsewhere,

    // ---- the lazy rewrite

    /// <summary>The project does not reference ModelManagement.Patterns (AsyncInitializer).</summary>
    PatternsNotReferenced,

    /// <summary>Moved code that cannot live in an async method (ref locals, unsafe code, goto, yield, a constructor local it assigns, …).</summary>
    MovedCodeCannotMove,

    /// <summary>The constructor may return before the wait.</summary>
    EarlyReturn,

    /// <summary>
    /// A wait done for its side effect (<c>_store.OpenAsync().Wait();</c>) is followed by constructor statements that stay
    /// and call into other objects (<c>_pump.Stop();</c>, <c>_dispatcher.Receive();</c>): deferred, the side effect would
    /// happen after them, not before. The factory keeps the order.
    /// </summary>
    LaterCallsWouldRunFirst,

    /// <summary><c>this</c> escapes, or the constructor calls into the type, before the initializer could exist.</summary>
    ThisEscapesBeforeInitializer,

    /// <summary>
    /// A class with a primary constructor: a parameter the moved initializer reads is read by an initializer that stays
    /// (or by the base type's arguments) too; read by the initialization method, it would be captured into the instance
    /// as well, which the compiler warns about (CS9124).
    /// </summary>
    PrimaryConstructorParameterAlsoInitializes,

    /// <summary>
    /// The type is bound to a UI thread (a WPF, Windows Forms, WinUI, MAUI, Avalonia or Blazor element, or a view model
    /// implementing <c>INotifyPropertyChanged</c>): the initializer would run the moved code on the thread pool, where its
    /// controls and bound collections must not be touched. The factory, whose awaits keep the creator's context, is considered.
    /// </summary>
    UiThreadAffinity,

    /// <summary>The state is static, visible outside the type, or not a field or auto-property of the type.</summary>
    StateNotPrivateInstanceMember,

    /// <summary>The state is read through another instance (<c>other._models</c>).</summary>
    StateReadThroughAnotherInstance,

    /// <summary>
    /// Code the compiler skips here (a branch of <c>#if</c>/<c>#else</c> for another configuration or target framework)
    /// inside the type names the state (or, for initialization run for its side effect, holds an <c>async</c> member): a
    /// reader there would get no await of the initialization and run before it in that configuration.
    /// </summary>
    StateInInactiveCode,

    /// <summary>An async member both runs inside the initialization and can be called after construction: awaiting the initializer there would wait for itself.</summary>
    InitializationMethodCalledElsewhere,

    /// <summary>An async member that reads the state cannot await first (a static, expression-less or extern member).</summary>
    AsyncReaderCannotAwait,

    /// <summary>
    /// An <c>async void</c> member (an event handler, a timer callback) would await the initialization, itself or through an
    /// own member it calls, or an <c>async</c> lambda that returns nothing (<c>store.Changed += async (s, e) =&gt; await
    /// ReloadAsync();</c>) calls such a member: a failed load would escape it, where nothing can catch it, and end the process.
    /// </summary>
    AsyncVoidReader,

    /// <summary>
    /// A teardown member (<c>Dispose</c>, <c>DisposeAsync</c>, <c>Close…</c>) reads the state: awaiting the initialization
    /// there would start the load only to release it, and a failed load would fail the disposal.
    /// </summary>
    TeardownReadsState,

    /// <summary>
    /// The moved code uses a <see cref="System.Threading.CancellationToken"/> the constructor received or made
    /// (<c>pending.Wait(token)</c>, <c>store.LoadAsync(token).Result</c>): deferred, the token would cancel the load
    /// whenever it fires after construction — and every retry after it — instead of only the constructor's wait.
    /// </summary>
    ConstructorTokenWouldOutliveConstruction,

    /// <summary>
    /// The moved code reads ambient state (<c>AsyncLocal&lt;T&gt;.Value</c>, <c>Activity.Current</c>, the current culture or
    /// principal, <c>IHttpContextAccessor.HttpContext</c>, a <c>[ThreadStatic]</c> field), directly or in a source member it
    /// calls: deferred to the first async use, it would read another caller's value, or none (<see cref="MM0001AmbientState"/>).
    /// </summary>
    AmbientStateWouldBeReadLater,

    /// <summary>
    /// A <c>Stopwatch</c> the constructor starts before the wait is handed to the moved code (<c>var sw = Stopwatch.StartNew();
    /// try { _w = load.Result; } finally { Log(sw.ElapsedMilliseconds); }</c>): deferred, what it measures would include the
    /// time until the first async use (lazy only; the factory runs the load right after construction).
    /// </summary>
    StopwatchStartedBeforeTheWait,

    /// <summary>
    /// A creation of the type sits in a <c>try</c> with a <c>catch</c> and the instance can leave the <c>try</c> block
    /// (<c>try { return new RemoteCatalog(store); } catch (IOException) { return new BuiltinCatalog(); }</c>): deferred,
    /// a failed load would surface at the first async use, past the handler (lazy only; the factory keeps it at creation).
    /// </summary>
    ConstructionFailureHandledByCreator,

    /// <summary>A lambda created in the constructor reads the state (it may run before the initialization).</summary>
    LambdaInConstructorReadsState,

    /// <summary>Synchronous code (a property, a sync method, another constructor) reads the state: it cannot await the initialization.</summary>
    SynchronousReader,

    /// <summary>What the initialization reads is changed after construction, so a later initialization would see other values.</summary>
    InputChangedAfterConstruction,

    /// <summary>No async member would ever run the initialization.</summary>
    NoAsyncMember,

    // ---- the factory rewrite (considered when the lazy one is refused)

    /// <summary>The type is abstract or has derived types: a factory cannot create them.</summary>
    TypeIsInherited,

    /// <summary>Several constructors, or a ref/out/in/params parameter: one factory cannot replace them.</summary>
    FactoryConstructorShape,

    /// <summary>A creation the factory cannot replace: not by <c>new</c>, with an object initializer, outside C#, <c>typeof</c>, a <c>new()</c> constraint, a type argument in a base list (<c>IClassFixture&lt;T&gt;</c>).</summary>
    CreationCannotBeReplaced,

    /// <summary>A creation in synchronous code: it cannot await the factory.</summary>
    CreationInSynchronousCode,

    /// <summary>
    /// Code the compiler skips here (a branch of <c>#if</c>/<c>#else</c> for another configuration or target framework) in
    /// a project that can see the type names it: a creation there would not be replaced, and the private constructor would
    /// not compile in that configuration.
    /// </summary>
    TypeInInactiveCode,

    /// <summary>
    /// The constructor is listed in the project's <c>PublicAPI.Shipped.txt</c> (Microsoft.CodeAnalysis.PublicApiAnalyzers):
    /// making it private would break callers outside the solution.
    /// </summary>
    ConstructorIsShippedPublicApi,

    /// <summary>
    /// The constructor is visible to other assemblies (public, or internal with <c>InternalsVisibleTo</c>) of a library
    /// opened as a project of its own (<c>dotnet format analyzers Lib.csproj</c>): the projects that reference it are not
    /// loaded, so their <c>new T(…)</c> could not be rewritten and would stop compiling (CS1729/CS0122).
    /// </summary>
    ConstructorUsedByProjectsNotLoaded,

    /// <summary>
    /// Nothing in the loaded solution creates the type with <c>new</c>: something the fix cannot see does (a DI
    /// container's assembly scanning, reflection, XAML, a plugin host), which the factory's private constructor would break.
    /// </summary>
    NoCreationToReplace,

    /// <summary>
    /// A creation is stored into a member under a check of it (<c>_c ??= new C(s)</c>, <c>if (_c == null) _c = new C(s);</c>):
    /// with the factory's await between the check and the write, two callers would both create (the race MM0005 reports).
    /// </summary>
    CreationStoredLazily,

    /// <summary>
    /// The type declares (or inherits) test methods: the test framework creates it by reflection through its public
    /// constructor, so a private one fails every test at run time, not at compile time.
    /// </summary>
    TestClass,
}
