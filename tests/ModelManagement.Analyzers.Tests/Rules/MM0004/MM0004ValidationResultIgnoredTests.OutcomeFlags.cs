using System.Threading.Tasks;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>
/// A result with no configured validity member that says how it went — <c>Failed</c> (tested as it is) or <c>Succeeded</c>
/// (negated) — still gets the throw fix (a consumer round: a discarded <c>IValidateOptions&lt;T&gt;.Validate(…)</c>,
/// whose <c>ValidateOptionsResult</c> has both, and whose <c>Skip</c> result neither succeeds nor fails).
/// </summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    private const string OutcomeTypes = """
        public sealed class OptionsResult { public bool Succeeded { get; set; } public bool Skipped { get; set; } public bool Failed { get; set; } }
        public sealed class IdentityResult { public bool Succeeded { get; set; } }
        public interface IOptionsValidator { OptionsResult Validate(string name, object options); }
        public interface IUserValidator { System.Threading.Tasks.Task<IdentityResult> ValidateAsync(string user); }
        """;

    [Fact]
    public async Task Fix_ResultWithAFailureFlag_BranchesOnIt_OneWithASuccessFlag_OnItsNegation()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Startup
            {
                private readonly IOptionsValidator _options;
                private readonly IUserValidator _users;

                public Startup(IOptionsValidator options, IUserValidator users) { _options = options; _users = users; }

                public void Configure(object settings)
                {
                    {|MM0004:_options.Validate("main", settings)|};
                }

                public async Task RegisterAsync(string user)
                {
                    await {|MM0004:_users.ValidateAsync(user)|};
                }
            }
            """ + OutcomeTypes;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Startup
            {
                private readonly IOptionsValidator _options;
                private readonly IUserValidator _users;

                public Startup(IOptionsValidator options, IUserValidator users) { _options = options; _users = users; }

                public void Configure(object settings)
                {
                    var validation = _options.Validate("main", settings);
                    if (validation.Failed)
                    {
                        throw new System.InvalidOperationException("Validation failed: Validate rejected the content.");
                    }
                }

                public async Task RegisterAsync(string user)
                {
                    var validation = await _users.ValidateAsync(user);
                    if (!validation.Succeeded)
                    {
                        throw new System.InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                    }
                }
            }
            """ + OutcomeTypes;
        await VerifyFixAsync(source, fixedSource, Fallback); // no fallback fits: the throw carries the fallback's key
    }

    [Fact]
    public async Task Fix_TupleVerdictNamedOkOrPassed_BranchesOnIt()
    {
        // A fix-shapes round: `(bool Ok, string? Error) ValidateTitle(string)` discarded was reported (the rule reads tuple
        // elements named `Ok`, `Passed`) but never fixed, while `(bool IsValid, string? Error)` was.
        var source = /* lang=c#-test */ """
            public sealed class Titles
            {
                public (bool Ok, string Error) ValidateTitle(string title) => (title.Length < 80, null);
                public (bool Passed, string Reason) ValidateBody(string body) => (body.Length > 0, null);

                public string Publish(string title, string body)
                {
                    {|MM0004:ValidateTitle(title)|};
                    {|MM0004:ValidateBody(body)|}; // the body too
                    return title + body;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            public sealed class Titles
            {
                public (bool Ok, string Error) ValidateTitle(string title) => (title.Length < 80, null);
                public (bool Passed, string Reason) ValidateBody(string body) => (body.Length > 0, null);

                public string Publish(string title, string body)
                {
                    var validation = ValidateTitle(title);
                    if (!validation.Ok)
                    {
                        throw new System.InvalidOperationException("Validation failed: ValidateTitle rejected the content.");
                    }

                    var validation1 = ValidateBody(body); // the body too
                    if (!validation1.Passed)
                    {
                        throw new System.InvalidOperationException("Validation failed: ValidateBody rejected the content.");
                    }

                    return title + body;
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback, iterations: 2);
    }

    [Fact]
    public async Task Throw_FluentValidationResult_ThrowsItsValidationExceptionWithTheErrors()
    {
        // An MM0005/MM0004 round over real command handlers: the throw fix on a FluentValidation result wrote
        // `new InvalidOperationException("Validation failed: …")`, which drops the errors and surfaces as a 500 where the
        // library's ValidationException is what middleware maps (to a 400). Where the compilation has that exception, the
        // fix throws it with the result's errors.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;
            using FluentValidation;

            public sealed class CreateCompanyHandler
            {
                private readonly IValidator<string> _validator;

                public CreateCompanyHandler(IValidator<string> validator) => _validator = validator;

                public async Task<int> HandleAsync(string name, CancellationToken ct)
                {
                    await {|MM0004:_validator.ValidateAsync(name, ct)|};
                    return name.Length;
                }

                public int Handle(string name)
                {
                    var result = {|MM0004:_validator.Validate(name)|};
                    return name.Length;
                }
            }
            """ + FluentValidationTypes;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;
            using FluentValidation;

            public sealed class CreateCompanyHandler
            {
                private readonly IValidator<string> _validator;

                public CreateCompanyHandler(IValidator<string> validator) => _validator = validator;

                public async Task<int> HandleAsync(string name, CancellationToken ct)
                {
                    var validation = await _validator.ValidateAsync(name, ct);
                    if (!validation.IsValid)
                    {
                        throw new ValidationException(validation.Errors);
                    }

                    return name.Length;
                }

                public int Handle(string name)
                {
                    var result = _validator.Validate(name);
                    if (!result.IsValid)
                    {
                        throw new ValidationException(result.Errors);
                    }

                    return name.Length;
                }
            }
            """ + FluentValidationTypes;
        await VerifyFixAsync(source, fixedSource, Fallback, iterations: 2);
    }

    private const string FluentValidationTypes = """

        namespace FluentValidation.Results
        {
            public class ValidationFailure { public string ErrorMessage { get; set; } }

            public class ValidationResult
            {
                public System.Collections.Generic.List<ValidationFailure> Errors { get; } = new System.Collections.Generic.List<ValidationFailure>();
                public bool IsValid => Errors.Count == 0;
            }
        }

        namespace FluentValidation
        {
            public class ValidationException : System.Exception
            {
                public ValidationException(System.Collections.Generic.IEnumerable<Results.ValidationFailure> errors) { }
            }

            public interface IValidator<T>
            {
                Results.ValidationResult Validate(T instance);
                System.Threading.Tasks.Task<Results.ValidationResult> ValidateAsync(T instance, System.Threading.CancellationToken cancellation = default);
            }
        }
        """;
}
