using System.Threading.Tasks;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>False positives the 2026-12-05 triage of unseen repositories found (Blazorise, Nethereum).</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task OwnValidatorKeepingItsVerdictInTheComponent_CalledFromAMemberReturningNothing_DoesNotReport()
    {
        // Blazorise's `InitializeInput` runs `ValidateAsync`, which sets the component's Status and Message; Nethereum's
        // "Check" button runs `ValidateFormula()`, which sets the `error` the dialog shows. Controls: the same validator
        // dropped where a value is handed on, another object's validator, and an own one that records nothing.
        var source = """
            using System.Threading.Tasks;

            public enum ValidationStatus { None, Success, Error }

            public sealed class Checker { public bool Validate(string text) => text.Length > 0; }

            public class ValidationComponent
            {
                private bool _initialized;
                private string _error;
                private string _formula;
                private readonly Checker _checker = new Checker();

                public ValidationStatus Status { get; private set; }

                public string Message { get; private set; }

                public Task<ValidationStatus> ValidateAsync(object value)
                {
                    Status = value is null ? ValidationStatus.Error : ValidationStatus.Success;
                    Message = Status == ValidationStatus.Error ? "required" : null;
                    return Task.FromResult(Status);
                }

                private bool ValidateFormula()
                {
                    this._error = string.IsNullOrEmpty(_formula) ? "empty" : null;
                    return _error is null;
                }

                private bool ValidateQuietly() => _formula != null;

                public async Task InitializeInput(object input)
                {
                    await ValidateAsync(input);
                    _initialized = true;
                }

                private void Check()
                {
                    ValidateFormula();
                    _initialized = false;
                }

                public string Formula()
                {
                    [|ValidateFormula()|];
                    return _formula;
                }

                public void Other(string text)
                {
                    [|_checker.Validate(text)|];
                    _initialized = true;
                }

                public void Quiet()
                {
                    [|ValidateQuietly()|];
                    _initialized = true;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnValidatorShowingItsResultInItsControls_CalledFromAConstructorOrAHelperReturningNothing_DoesNotReport()
    {
        // Triage FP18 (Pixeval's NavigationSettingsPage): the view's own validator fills its status bar and enables its
        // Apply button from the result it returns; the constructor and a helper call it for that effect. Controls: a
        // caller handing a value on, and an own validator whose control writes do not use the result.
        var source = """
            #nullable enable
            using System;
            using System.Collections.Generic;

            public sealed class Button { public bool IsEnabled { get; set; } }
            public sealed class InfoBar { public string? Text { get; set; } public bool IsVisible { get; set; } }
            public sealed class ParseResult
            {
                public ParseResult(object? configuration, IReadOnlyList<string> diagnostics) { Configuration = configuration; Diagnostics = diagnostics; }
                public object? Configuration { get; }
                public IReadOnlyList<string> Diagnostics { get; }
                public bool IsValid => Diagnostics.Count == 0;
            }

            public static class Parser
            {
                public static ParseResult Parse(string? text) => new ParseResult(text, string.IsNullOrEmpty(text) ? new[] { "empty" } : Array.Empty<string>());
            }

            public sealed class SettingsPage
            {
                private readonly Button CanApplyButton = new Button();
                private readonly InfoBar StatusInfoBar = new InfoBar();
                private string? _text;

                public SettingsPage(string text)
                {
                    _text = text;
                    ValidateCurrentText();
                }

                private void Insert(string snippet)
                {
                    _text += snippet;
                    ValidateCurrentText();
                }

                public string? Describe()
                {
                    [|ValidateCurrentText()|];
                    return _text;
                }

                public void Touch()
                {
                    [|ValidateQuietly()|];
                    Insert("x");
                }

                private ParseResult ValidateCurrentText()
                {
                    var result = Parser.Parse(_text);
                    CanApplyButton.IsEnabled = result.Configuration is not null;
                    StatusInfoBar.IsVisible = !result.IsValid;
                    return result;
                }

                private ParseResult ValidateQuietly()
                {
                    var result = Parser.Parse(_text);
                    this.StatusInfoBar.Text = "checked";
                    return result;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ValidatorReportingEveryFailureBeforeReturningFalse_CalledFromAMemberReturningNothing_DoesNotReport()
    {
        // Triage FP16 (graphql-dotnet/server's AuthorizationVisitorBase): each failure goes into the validation context
        // (`HandleNodeNotAuthorized(info); return false;`), and the visitor callbacks drop the bool by design, also through
        // an expression-bodied overload. Controls: a validator with one silent `return false`, one returning a computed
        // bool, and the reporting validator dropped where a value is handed on.
        var source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class ValidationContext
            {
                public List<string> Errors { get; } = new List<string>();
                public void ReportError(string error) => Errors.Add(error);
            }

            public sealed class ValidationInfo
            {
                public ValidationInfo(string obj, ValidationContext context) { Obj = obj; Context = context; }
                public string Obj { get; }
                public ValidationContext Context { get; }
            }

            public abstract class AuthorizationVisitorBase
            {
                protected abstract bool IsAuthenticated { get; }
                protected abstract bool InPolicy(string obj);

                public async ValueTask EnterAsync(string field, ValidationContext context)
                {
                    await ValidateAsync(field, context);
                }

                public async ValueTask LeaveAsync(ValidationInfo info)
                {
                    await ValidateAsync(info);
                    await [|ValidatePartlyAsync(info)|];
                    await [|ValidateComputedAsync(info)|];
                }

                public async Task<string> DescribeAsync(ValidationInfo info)
                {
                    await [|ValidateAsync(info)|];
                    return info.Obj;
                }

                private ValueTask<bool> ValidateAsync(string obj, ValidationContext context)
                    => ValidateAsync(new ValidationInfo(obj, context));

                protected virtual async ValueTask<bool> ValidateAsync(ValidationInfo info)
                {
                    await Task.Yield();
                    if (!IsAuthenticated)
                    {
                        HandleNodeNotAuthorized(info);
                        return false;
                    }

                    if (!InPolicy(info.Obj))
                    {
                        info.Context.ReportError("policy");
                        return false;
                    }

                    return true;
                }

                protected async ValueTask<bool> ValidatePartlyAsync(ValidationInfo info)
                {
                    await Task.Yield();
                    if (!IsAuthenticated)
                    {
                        HandleNodeNotAuthorized(info);
                        return false;
                    }

                    if (!InPolicy(info.Obj))
                    {
                        return false;
                    }

                    return true;
                }

                protected async ValueTask<bool> ValidateComputedAsync(ValidationInfo info)
                {
                    await Task.Yield();
                    HandleNodeNotAuthorized(info);
                    return IsAuthenticated;
                }

                protected virtual void HandleNodeNotAuthorized(ValidationInfo info)
                    => info.Context.ReportError("Access denied for '" + info.Obj + "'.");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task BoolValidatorThatOnlyReturnsTrue_DoesNotReport_OneThatCanReturnFalseDoes()
    {
        // Nethereum's `TryValidateUnitValue`: `return true;` or a throw, so the dropped bool is a constant.
        var source = """
            using System;

            public sealed class UnitConversion
            {
                public bool TryValidateUnitValue(int unit)
                {
                    if (unit % 10 == 0)
                    {
                        return true;
                    }

                    throw new ArgumentException("Invalid unit value, it should be a power of 10");
                }

                public bool ValidateScale(int scale)
                {
                    if (scale < 0)
                    {
                        return false;
                    }

                    return true;
                }

                public decimal ToWei(decimal amount, int unit, int scale)
                {
                    TryValidateUnitValue(unit);
                    [|ValidateScale(scale)|];
                    return amount * unit;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FindingsReadInTheBodyOfALaterLoop_DoNotReport_ButALoopBeforeTheCallOrALambdaReadDoes()
    {
        // Blazorise's EditContextValidator: the second findings list is only read inside a loop bounded by the first; the
        // path that skips the loop has no data to pair the findings with. Controls: a loop that ran before the call, and a
        // read in a lambda the loop creates, are no reads of this call's findings.
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var results = new List<string>();
                    _ = ValidateDraft(story, results);
                    var formatted = new List<string>();
                    ValidateDraft(story.Trim(), formatted);
                    for (var i = 0; i < results.Count; i++)
                    {
                        story += results[i] + formatted[i];
                    }

                    var early = new List<string>();
                    foreach (var line in story.Split('\n'))
                    {
                        story += early.Count;
                    }

                    [|ValidateDraft(story, early)|];
                    var late = new List<string>();
                    [|ValidateDraft(story, late)|];
                    var readers = new List<Func<int>>();
                    while (readers.Count < 2)
                    {
                        readers.Add(() => late.Count);
                    }

                    return story + readers.Count;
            """, members: """
                private static bool ValidateDraft(string story, ICollection<string> errors) { if (story.Length == 0) errors.Add("empty"); return errors.Count == 0; }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task VerdictFoldedIntoAStickyFlagByAnIf_DoesNotReport_ButAnIfOfAnotherFlagDoes()
    {
        // Silverback's MessageValidator: `if (result) result = nextResult;` keeps the first failure; the path that skips the
        // read is the one where the flag is already false. A read under an unrelated flag still leaves a path unread.
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    bool result = true;
                    foreach (var line in story.Split('.'))
                    {
                        bool nextResult = IsTidy(line);
                        if (result)
                            result = nextResult;
                    }

                    bool other = true;
                    bool verbose = story.Length > 3;
                    foreach (var line in story.Split(','))
                    {
                        bool next = [|IsTidy(line)|];
                        if (verbose)
                        {
                            other = next;
                        }
                    }

                    return result && other ? story : Fallback();
            """, members: """
                [ModelManagement.Patterns.Validator]
                private static bool IsTidy(string line) => line.Length < 80;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FindingsInAContextMemberReadAfter_OrInTheCallersObject_DoNotReport_ButAnUnreadContextDoes()
    {
        // Smartstore's cart validators (the triage of unseen repositories): the findings go into `ctx.Warnings`, which the
        // next statement reads, or into the caller's view model (`to.Warnings`), which the view shows. A context whose
        // findings nobody reads still drops the verdict.
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var ctx = new CartContext();
                    ValidateItem(ctx, story);
                    foreach (var warning in ctx.Warnings)
                    {
                        story += warning;
                    }

                    var other = new CartContext();
                    [|ValidateItem(other, story)|];
                    Map(story, new CartView());
                    return story;
            """, members: """
                public sealed class CartContext { public List<string> Warnings { get; } = new List<string>(); }
                public sealed class CartView { public List<string> Warnings { get; } = new List<string>(); }
                private static bool ValidateItem(CartContext ctx, string item) { if (item.Length == 0) ctx.Warnings.Add("empty"); return ctx.Warnings.Count == 0; }
                private static bool ValidateCart(string item, ICollection<string> warnings) { if (item.Length == 0) warnings.Add("empty"); return warnings.Count == 0; }
                private static void Map(string story, CartView to) => ValidateCart(story, to.Warnings);
            """);
        await VerifyAsync(source);
    }
}
