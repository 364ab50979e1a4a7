using System.Threading.Tasks;
using Xunit;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>False positives a triage of unseen repositories found (ant-design-blazor, radzen-blazor, Smartstore, couchbase).</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task ValidationEndingAnEventHandler_DoesNotReport_AnyOtherVoidMemberStillDoes()
    {
        // ant-design-blazor's field-changed handler ends in `ctx.Validate();` (it fills the form's message store): nothing
        // can read a verdict from an event handler, as after `Validate(x); return;`. A plain void member that ends in a
        // dropped verdict is still reported.
        var source = """
            using System;

            public sealed class EditContext { public bool Validate() => true; }

            public sealed class Form
            {
                private EditContext _editContext = new EditContext();
                private bool _inProgress;

                private void OnFieldChanged(object sender, EventArgs args)
                {
                    var ctx = _editContext;
                    try
                    {
                        _inProgress = true;
                        ctx.Validate();
                    }
                    finally
                    {
                        _inProgress = false;
                    }
                }

                private void OnFieldChangedToo(object sender, EventArgs args) => Console.WriteLine(_inProgress);

                public void Check()
                {
                    [|_editContext.Validate()|];
                }

                public void CheckThenLeave(bool verbose)
                {
                    try
                    {
                        _editContext.Validate();
                    }
                    finally
                    {
                        _inProgress = verbose;
                    }

                    return; // the statement after the try leaves: validated for its effect, as without the try
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task VerdictReadFromTheValidatorsStateAndReturned_DoesNotReport_AConstantReturnDoes()
    {
        // radzen-blazor's data grid: `c.Value.Validate(); return !c.Value.GetValidationMessages().Any();`.
        var source = """
            using System.Collections.Generic;
            using System.Linq;

            public sealed class EditContext
            {
                private readonly List<string> _messages = new List<string>();
                public bool Validate() { _messages.Clear(); return true; }
                public IEnumerable<string> GetValidationMessages() => _messages;
            }

            public sealed class DataGrid
            {
                private readonly Dictionary<int, EditContext> _editContexts = new Dictionary<int, EditContext>();

                public bool IsValid => _editContexts.All(c =>
                {
                    c.Value.Validate();
                    return !c.Value.GetValidationMessages().Any();
                });

                public bool IsRowValid(EditContext ctx)
                {
                    ctx.Validate();
                    return !ctx.GetValidationMessages().Any();
                }

                public bool Always(EditContext ctx)
                {
                    [|ctx.Validate()|];
                    return true;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task VerdictReadFromTheValidatorsStateAfterWaitingOnIt_DoesNotReport_WorkOnAnythingElseInBetweenDoes()
    {
        // Blazored.FluentValidation (a triage of unseen repositories): `Validate()` starts the asynchronous validators, the
        // code awaits the pending task the context keeps, then reads the verdict from the context's messages.
        var source = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            public sealed class EditContext
            {
                private readonly List<string> _messages = new List<string>();
                public Dictionary<object, object> Properties { get; } = new Dictionary<object, object>();
                public bool Validate() { _messages.Clear(); return true; }
                public IEnumerable<string> GetValidationMessages() => _messages;
            }

            public sealed class FormValidator
            {
                public EditContext CurrentEditContext { get; set; }

                public async Task<bool> ValidateAsync()
                {
                    CurrentEditContext.Validate();

                    if (CurrentEditContext.Properties.TryGetValue("pending", out var pending))
                    {
                        await (Task)pending;
                    }

                    return !CurrentEditContext.GetValidationMessages().Any();
                }

                public async Task<bool> ValidateStrictlyAsync()
                {
                    // The library's own shape: no pending task is a failure (a throw hands nothing on); the local it
                    // declared is awaited by the next statement.
                    CurrentEditContext.Validate();

                    if (!CurrentEditContext!.Properties.TryGetValue("pending", out var pending))
                    {
                        throw new System.InvalidOperationException("No pending validation found");
                    }

                    await (Task)pending;

                    return !CurrentEditContext.GetValidationMessages().Any();
                }

                public async Task<bool> ValidateWithAPackageStillLoadingAsync()
                {
                    // A type that does not resolve yet (FluentValidation's ValidationResult, its package not restored) is
                    // still a type's name, not something else the statement touches.
                    CurrentEditContext.Validate();
                    await (Task<{|CS0246:PackageValidationResult|}>)CurrentEditContext.Properties["pending"];
                    return !CurrentEditContext.GetValidationMessages().Any();
                }

                public async Task<bool> SaveAsync(EditContext ctx, string model)
                {
                    [|ctx.Validate()|];
                    await StoreAsync(model); // the content is handed on before the verdict is read
                    return !ctx.GetValidationMessages().Any();
                }

                public async Task<bool> LeavesAsync(EditContext ctx, bool quick)
                {
                    [|ctx.Validate()|];
                    if (quick)
                    {
                        return true; // a path that never reads the verdict
                    }

                    return !ctx.GetValidationMessages().Any();
                }

                private static Task StoreAsync(string model) => Task.CompletedTask;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FindingsCollectionNamedWarnings_ReadOnEveryPath_DoesNotReport()
    {
        // Smartstore's cart validators fill `IList<string> warnings`; the caller reads the list (7 reports).
        var source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class Cart { }

            public sealed class CartValidator
            {
                public Task<bool> ValidateCartAsync(Cart cart, IList<string> warnings) { warnings.Add("x"); return Task.FromResult(false); }
            }

            public sealed class OrderProcessor
            {
                private readonly CartValidator _validator = new CartValidator();

                public async Task<IList<string>> PlaceOrderAsync(Cart cart)
                {
                    var warnings = new List<string>();
                    await _validator.ValidateCartAsync(cart, warnings);
                    if (warnings.Count > 0)
                        return warnings;
                    return new List<string>();
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task BaseValidatorFindingsHandedOnThroughTheCallersOutList_DoesNotReport()
    {
        // couchbase's links: `base.TryValidateForRequest(out errors);` in an override whose own `out errors` hands the
        // base's findings to its caller (3 reports). A local `out var errors` read later is still the rule's case
        // (BoolTryValidateDiscarded_Reports).
        var source = """
            using System.Collections.Generic;

            public class AnalyticsLink
            {
                public string Name { get; set; }

                public virtual bool TryValidateForRequest(out List<string> errors)
                {
                    errors = new List<string>();
                    if (string.IsNullOrEmpty(Name)) errors.Add("Name must be set");
                    return errors.Count == 0;
                }
            }

            public sealed class S3Link : AnalyticsLink
            {
                public string Region { get; set; }

                public override bool TryValidateForRequest(out List<string> errors)
                {
                    base.TryValidateForRequest(out errors);
                    if (string.IsNullOrEmpty(Region)) errors.Add("Region must be set");
                    return errors.Count == 0;
                }
            }
            """;
        await VerifyAsync(source);
    }
    [Fact]
    public async Task AdapterHandingTheOutReportToItsCaller_DoesNotReport_ALocalReportLeftUnreadDoes()
    {
        // A fix-shapes round: `void Validate(string d, out Report report) => TryValidate(d, out report);` was reported, and
        // the throw fix turned the block-bodied twin into a validator that threw where its callers test `report.IsValid`.
        // The report goes to the caller through the function's own out (or ref) parameter; a local report is still judged.
        var source = """
            public sealed class ValidationReport
            {
                public bool IsValid { get; set; }
            }

            public interface IDraftValidator
            {
                void Validate(string draft, out ValidationReport report);
            }

            public sealed class DraftValidator : IDraftValidator
            {
                public bool TryValidate(string draft, out ValidationReport report)
                {
                    report = new ValidationReport { IsValid = draft.Length < 10 };
                    return report.IsValid;
                }

                public void Validate(string draft, out ValidationReport report) => TryValidate(draft, out report);

                public void ValidateBlock(string draft, out ValidationReport report)
                {
                    TryValidate(draft, out report);
                }

                public void Revalidate(string draft, ref ValidationReport report)
                {
                    TryValidate(draft, out report);
                }

                public string Publish(string draft)
                {
                    {|#0:TryValidate(draft, out var report)|};
                    return draft;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("TryValidate"));
    }
}
