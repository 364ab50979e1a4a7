namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// Keys and values of the <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that
/// <see cref="MM0001BlockingWaitInConstructorAnalyzer"/> attaches to each MM0001 diagnostic, for the code fix.
/// </summary>
internal static class MM0001Properties
{
    /// <summary>
    /// Key: the blocking form at the diagnostic location: <see cref="Result"/>, <see cref="Wait"/>,
    /// <see cref="GetResult"/>, <see cref="WaitAll"/>, <see cref="WaitAny"/>, <see cref="Run"/>, <see cref="Join"/> or <see cref="Call"/>.
    /// </summary>
    public const string Form = "Form";

    /// <summary>
    /// Key: where the location runs during construction: <see cref="SiteConstructor"/>, <see cref="SiteStaticConstructor"/>,
    /// <see cref="SiteConstructorInitializer"/>, <see cref="SitePrimaryConstructorBase"/>, <see cref="SiteFieldInitializer"/>,
    /// <see cref="SiteStaticFieldInitializer"/>, <see cref="SitePropertyInitializer"/> or <see cref="SiteStaticPropertyInitializer"/>.
    /// </summary>
    public const string Site = "Site";

    /// <summary>Key: the awaited member as the message names it (message argument {1}), e.g. <c>LoadModelsAsync()</c>.</summary>
    public const string AwaitedMember = "AwaitedMember";

    /// <summary>Key, <see cref="Call"/> only: the simple name of the called method, local function or property.</summary>
    public const string Callee = "Callee";

    /// <summary>Key, <see cref="Call"/> only: <see cref="CalleeMethod"/>, <see cref="CalleeStaticMethod"/>, <see cref="CalleeLocalFunction"/> or <see cref="CalleeProperty"/>.</summary>
    public const string CalleeKind = "CalleeKind";

    /// <summary>Key, <see cref="Call"/> only: the blocking form reached inside the callee (<see cref="Result"/> … <see cref="WaitAny"/>).</summary>
    public const string CalleeForm = "CalleeForm";

    /// <summary>Key, <see cref="Call"/> only: the chain of the type's own members from the call site to the one that blocks, e.g. <c>LoadCatalogue() -> ReadIndex()</c>.</summary>
    public const string Path = "Path";

    /// <summary>Form: <c>.Result</c> of Task&lt;T&gt; or ValueTask&lt;T&gt;.</summary>
    public const string Result = "Result";

    /// <summary>Form: <c>Task.Wait(...)</c>, any overload.</summary>
    public const string Wait = "Wait";

    /// <summary>Form: <c>GetAwaiter().GetResult()</c> on a task, value task or ConfigureAwait(...) result.</summary>
    public const string GetResult = "GetResult";

    /// <summary>Form: <c>Task.WaitAll(...)</c>.</summary>
    public const string WaitAll = "WaitAll";

    /// <summary>Form: <c>Task.WaitAny(...)</c>.</summary>
    public const string WaitAny = "WaitAny";

    /// <summary>Form: <c>JoinableTaskFactory.Run(...)</c> (vs-threading) or <c>AsyncContext.Run(...)</c> (Nito.AsyncEx), any overload.</summary>
    public const string Run = "Run";

    /// <summary>Form: <c>JoinableTask.Join(...)</c> (vs-threading), any overload.</summary>
    public const string Join = "Join";

    /// <summary>Form: a call to the type's own method, local function or property that blocks (directly or further down).</summary>
    public const string Call = "Call";

    /// <summary>Site: an instance constructor body (including a primary constructor's parameter captures).</summary>
    public const string SiteConstructor = "Constructor";

    /// <summary>Site: a static constructor body.</summary>
    public const string SiteStaticConstructor = "StaticConstructor";

    /// <summary>Site: the arguments of a constructor's <c>this(...)</c> or <c>base(...)</c> initializer.</summary>
    public const string SiteConstructorInitializer = "ConstructorInitializer";

    /// <summary>Site: the base-type arguments of a primary constructor (<c>class C(int x) : B(x)</c>).</summary>
    public const string SitePrimaryConstructorBase = "PrimaryConstructorBase";

    /// <summary>Site: an instance field initializer.</summary>
    public const string SiteFieldInitializer = "FieldInitializer";

    /// <summary>Site: a static field initializer.</summary>
    public const string SiteStaticFieldInitializer = "StaticFieldInitializer";

    /// <summary>Site: an instance property (or field-like event) initializer.</summary>
    public const string SitePropertyInitializer = "PropertyInitializer";

    /// <summary>Site: a static property (or field-like event) initializer.</summary>
    public const string SiteStaticPropertyInitializer = "StaticPropertyInitializer";

    /// <summary>CalleeKind: an instance method of the type.</summary>
    public const string CalleeMethod = "Method";

    /// <summary>CalleeKind: a static method of the type.</summary>
    public const string CalleeStaticMethod = "StaticMethod";

    /// <summary>CalleeKind: a local function declared in the constructor (or initializer lambda-free code) and called there.</summary>
    public const string CalleeLocalFunction = "LocalFunction";

    /// <summary>CalleeKind: a property or indexer accessor of the type.</summary>
    public const string CalleeProperty = "Property";
}
