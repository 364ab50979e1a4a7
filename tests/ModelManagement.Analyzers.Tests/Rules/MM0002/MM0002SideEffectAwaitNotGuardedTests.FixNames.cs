using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>
/// The caught exception's name (shared UniqueNames.TakenAround): <c>ex</c> unless declaring it there would not compile
/// (an enclosing local, local function or parameter) or would change what the catch uses (a token field named <c>ex</c>).
/// </summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public async Task WrapInTryCatch_ExDeclaredOnlyInSiblingScopes_KeepsEx(LanguageVersion languageVersion)
    {
        // Was ex1 and ex2 for nothing: the pattern variable of a lambda, a sibling catch and a later block are no conflict.
        var source = Service("""
                    Func<object, bool> isText = o => o is string ex && ex.Length > 0;
                    try { result = result.Trim(); } catch (InvalidOperationException ex) { result = ex.Message; }
                    await [|_history.LogResultAsync(result)|];
                    await [|_telemetry.FlushAsync()|];
                    { var ex = result.Length; }
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    Func<object, bool> isText = o => o is string ex && ex.Length > 0;
                    try { result = result.Trim(); } catch (InvalidOperationException ex) { result = ex.Message; }
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    try
                    {
                        await _telemetry.FlushAsync();
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    { var ex = result.Length; }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap, languageVersion, iterations: 2);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "{ var ex = result.Length; }")]
    [InlineData(LanguageVersion.Latest, "{ var ex = result.Length; }")]
    [InlineData(LanguageVersion.CSharp7_3, "var ex = result.Length;")]
    [InlineData(LanguageVersion.Latest, "void ex() { }")]
    [InlineData(LanguageVersion.CSharp7_3, "void ex() { }")]
    public async Task WrapInTryCatch_ExDeclaredInAnEnclosingScope_PicksEx1(LanguageVersion languageVersion, string declaration)
    {
        // A later local or a local function of the enclosing block clashes with a catch variable (CS0136); a block that
        // encloses the await does too. The first row: the await sits inside the block that declares ex.
        var inside = declaration.StartsWith("{", System.StringComparison.Ordinal);
        var source = Service(inside
            ? "        {\n            await [|_history.LogResultAsync(result)|];\n            var ex = result.Length;\n        }"
            : "        await [|_history.LogResultAsync(result)|];\n        " + declaration, parameters: "string prompt");
        var guarded = """
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (Exception ex1) when (SideEffect.ReportAndSwallow(ex1))
                    {
                    }
            """;
        var fixedSource = Service(inside
            ? "        {\n" + Indent(guarded) + "\n            var ex = result.Length;\n        }"
            : guarded + "\n        " + declaration, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap, languageVersion);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "!(ex1 is OperationCanceledException)")]
    [InlineData(LanguageVersion.Latest, "ex1 is not OperationCanceledException")]
    public async Task WrapInTryCatch_TokenFieldNamedEx_PicksEx1SoTheFilterStillReadsTheField(LanguageVersion languageVersion, string notCanceled)
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result, ex)|];
            """, parameters: "string prompt", members: "    private readonly CancellationToken ex = CancellationToken.None;\n");
        var fixedSource = Service($$"""
                    try
                    {
                        await _history.LogResultAsync(result, ex);
                    }
                    catch (Exception ex1) when ({{notCanceled}} || !ex.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex1);
                    }
            """, parameters: "string prompt", members: "    private readonly CancellationToken ex = CancellationToken.None;\n");
        await VerifyFixAsync(source, fixedSource, Wrap, languageVersion);
    }

    private static string Indent(string lines) => "    " + lines.Replace("\n", "\n    ");
}
