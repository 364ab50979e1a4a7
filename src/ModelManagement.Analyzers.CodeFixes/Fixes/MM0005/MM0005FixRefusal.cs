namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>Why "Convert to single-flight lazy initialization" is not offered for an MM0005 diagnostic (each is one line of docs/rules/MM0005.md).</summary>
internal enum MM0005FixRefusal
{
    /// <summary>The fix is offered.</summary>
    None,

    /// <summary>ModelManagement.Patterns (AsyncLazy&lt;T&gt;, AsyncInitializer) is not referenced by the project.</summary>
    PatternsUnavailable,

    /// <summary>
    /// Not the single check of one member guarding an <c>if</c> without <c>else</c> whose last statement writes it
    /// (<c>_x = …;</c>, <c>_flag = true;</c>), nor an early return (<c>if (_x != null) return _x;</c>) followed by such a
    /// write, nor <c>_x ??= await …</c>, nor a flag's check whose block ends by awaiting a private <c>async</c> method of
    /// the type that ends with the flag's write and has no <c>return</c>: combined conditions, a <c>return</c>/<c>break</c>
    /// inside the block, a generic method.
    /// </summary>
    UnsupportedShape,

    /// <summary>
    /// The checked state is not a private field declared alone in this document, nor a private auto-property (another
    /// accessibility, <c>int _a, _b;</c>, a property with accessor bodies, <c>init</c>, virtual or an interface's, a partial type).
    /// </summary>
    NotPrivateField,

    /// <summary>The containing type is a struct, a record, an interface, or has a primary constructor.</summary>
    UnsupportedType,

    /// <summary>The member is written somewhere else too (another method, a constructor, a <c>ref</c>/<c>out</c> argument).</summary>
    WrittenElsewhere,

    /// <summary>A flag is read somewhere other than its check: replacing it would change what that code sees.</summary>
    FlagReadElsewhere,

    /// <summary>
    /// The flag is set at the end of the awaited own method (<c>if (!_loaded) await LoadAsync();</c>), and that method is
    /// also called or named somewhere other than the check: it would load again there, unseen by the initializer.
    /// </summary>
    InitializationMethodUsedElsewhere,

    /// <summary>
    /// Early-return form (<c>if (_x != null) return R;</c>) where the statements after the first write of the state are not
    /// exactly <c>return R;</c> (or the end of the function after a bare <c>return;</c>), or the check does not just return,
    /// or nothing after it writes the state: once loaded, the method would run code the early return skipped.
    /// </summary>
    EarlyReturnSkipsMore,

    /// <summary>A reader of the value is not in an async method, lambda or local function (or sits in a <c>lock</c>), so it cannot await.</summary>
    ReaderNotAsync,

    /// <summary>
    /// A reader in another function tests whether the value is there (<c>_x != null</c>, <c>_x ?? d</c>, <c>_x?.M()</c>):
    /// awaiting the lazy value there would start the load where the code only peeked.
    /// </summary>
    ReaderTestsForNull,

    /// <summary>The initialization uses a local or parameter of the method (it cannot move into a delegate created in the constructor), or reads the member itself.</summary>
    UsesLocalState,

    /// <summary>
    /// The loaded value may be null by its declared type (<c>_x ??= await FindAsync()</c> with <c>Task&lt;T?&gt;</c>): the
    /// check loads again after a null result, while <c>AsyncLazy&lt;T&gt;</c> would keep the null for good.
    /// </summary>
    LoadMayReturnNull,

    /// <summary>
    /// The check is <c>string.IsNullOrEmpty(_x)</c> (or <c>IsNullOrWhiteSpace</c>): it loads again after an empty result,
    /// while <c>AsyncLazy&lt;T&gt;</c> would keep the empty value for good.
    /// </summary>
    EmptyValueLoadsAgain,

    /// <summary>
    /// A preprocessor directive (<c>#if</c>, <c>#region</c>, …) inside the check or the code that moves into the
    /// initialization: one half of a pair would move and the other stay. Directives on the lines above the check stay where
    /// they are.
    /// </summary>
    DirectiveInMovedCode,

    /// <summary>
    /// An instance constructor has no body to create the helper in (<c>extern</c>, or half-typed code), while the state is an
    /// instance member.
    /// </summary>
    ConstructorWithoutBody,

    /// <summary>
    /// The state is read through another instance (<c>other._cache</c>, <c>((T)o)._cache</c>): that instance's lazy value is
    /// not this one's, and the reader may not be able to await it.
    /// </summary>
    ReadThroughAnotherInstance,

    /// <summary>
    /// The state is <c>[ThreadStatic]</c>: a field initializer runs on one thread only, so every other thread would see no
    /// helper at all (NullReferenceException) where it now sees its own unloaded value.
    /// </summary>
    ThreadStaticState,

    /// <summary>The check or the code that would move has syntax errors (half-typed code): no rewrite built on a guessed parse.</summary>
    SyntaxErrors,

    /// <summary>
    /// Code the compiler skips here (a branch of <c>#if</c>/<c>#else</c> for another configuration or target framework)
    /// inside the type names the member: it cannot be rewritten to await the lazy value, and would no longer compile there.
    /// </summary>
    MemberInInactiveCode,

    /// <summary>
    /// The type is bound to a UI thread (a WPF, Windows Forms, WinUI, MAUI, Avalonia or Blazor element, or a view model
    /// implementing <c>INotifyPropertyChanged</c>) and code moves into the helper's callback (a flag's statements, or
    /// statements before a value's load), which runs on the thread pool: a bound collection or a control would change
    /// off the UI thread. A value whose load is only the awaited call is converted.
    /// </summary>
    UiThreadAffinity,
}
