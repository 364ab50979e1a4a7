using System.Threading.Tasks;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>False positives the 2026-12-07 triage of unseen repositories found (Wayfarer).</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task OwnValidatorCollectingFindingsInAMemberTheCallerReadsAfter_DoesNotReport_OneNobodyReadsStillDoes()
    {
        // Wayfarer's content pipeline: each file's findings are added to `_errors`, which the caller returns as its verdict;
        // the throw fix had turned the aggregate validation into a fail-fast one. Controls: the same call where the caller
        // never reads `_errors` again, and a validator that collects nothing.
        var source = """
            using System.Collections.Generic;

            public sealed record ValidationError(string File, string Message);

            public sealed class ValidationResult
            {
                public ValidationResult(IReadOnlyList<ValidationError> errors) => Errors = errors;
                public IReadOnlyList<ValidationError> Errors { get; }
                public bool IsValid => Errors.Count == 0;
            }

            public sealed class ContentValidationPipeline
            {
                private readonly List<ValidationError> _errors = new List<ValidationError>();

                public ValidationResult ValidateContentDirectory(string[] files)
                {
                    _errors.Clear();
                    foreach (var file in files)
                    {
                        ValidateFile(file); // its findings land in _errors
                    }

                    return new ValidationResult(this._errors);
                }

                public int CountFiles(string[] files)
                {
                    var count = 0;
                    foreach (var file in files)
                    {
                        [|ValidateFile(file)|];
                        count++;
                    }

                    return count;
                }

                public int CountNames(string[] files)
                {
                    var count = 0;
                    foreach (var file in files)
                    {
                        [|ValidateName(file)|];
                        count++;
                    }

                    return count + _errors.Count;
                }

                public ValidationResult ValidateFile(string file)
                {
                    var local = new List<ValidationError>();
                    if (file.Length == 0) local.Add(new ValidationError(file, "empty name"));
                    _errors.AddRange(local);
                    return new ValidationResult(local);
                }

                public ValidationResult ValidateName(string file)
                    => new ValidationResult(file.Length == 0 ? new[] { new ValidationError(file, "empty") } : new ValidationError[0]);
            }
            """;
        await VerifyAsync(source);
    }
}

/// <summary>The fix in a batch loop: skip the invalid item rather than abort the batch (a scenario round's registry import).</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task Fix_ValidatingTheItemAForeachHandsOnWithoutAFallback_SkipsTheItem_OtherwiseThrows()
    {
        // The legacy import's loop: the thrown exception used to abort the whole batch (the demo died with exit 134 and a
        // test expecting the junk entries to be skipped failed). A validation of something other than the item, or of an item
        // nothing after it in the loop hands on (a part of what goes on after the loop), still throws.
        var source = """
            using System.Collections.Generic;
            using Domain;

            public sealed class LegacyImport
            {
                private readonly IStoryValidator _validator;
                private readonly List<string> _catalog = new List<string>();

                public LegacyImport(IStoryValidator validator) => _validator = validator;

                public int Import(IEnumerable<string> manifests, string header)
                {
                    var imported = 0;
                    foreach (var manifest in manifests)
                    {
                        // the old catalog has some junk in it
                        [|_validator.Validate(manifest.Trim())|];
                        _catalog.Add(manifest);
                        imported++;
                    }

                    foreach (var manifest in manifests)
                    {
                        [|_validator.Validate(header)|];
                        _catalog.Add(manifest);
                    }

                    foreach (var line in header.Split('.'))
                    {
                        [|_validator.Validate(line)|]; // a part of what goes on after the loop
                    }

                    return imported;
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using Domain;

            public sealed class LegacyImport
            {
                private readonly IStoryValidator _validator;
                private readonly List<string> _catalog = new List<string>();

                public LegacyImport(IStoryValidator validator) => _validator = validator;

                public int Import(IEnumerable<string> manifests, string header)
                {
                    var imported = 0;
                    foreach (var manifest in manifests)
                    {
                        // the old catalog has some junk in it
                        var validation = _validator.Validate(manifest.Trim());
                        if (!validation.IsValid)
                        {
                            continue;
                        }

                        _catalog.Add(manifest);
                        imported++;
                    }

                    foreach (var manifest in manifests)
                    {
                        var validation = _validator.Validate(header);
                        if (!validation.IsValid)
                        {
                            throw new System.InvalidOperationException("Validation failed: Validate rejected the content.");
                        }

                        _catalog.Add(manifest);
                    }

                    foreach (var line in header.Split('.'))
                    {
                        var validation = _validator.Validate(line); // a part of what goes on after the loop
                        if (!validation.IsValid)
                        {
                            throw new System.InvalidOperationException("Validation failed: Validate rejected the content.");
                        }
                    }

                    return imported;
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback);
    }
}

/// <summary>The fix in a validator itself: return the failed verdict (hmcts' vh-bookings-api, a triage).</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task Fix_InAFunctionReturningTheVerdictsType_ReturnsTheFailedVerdict()
    {
        // The throw fix turned the controller's 400 with field errors into a 500 (the API's middleware maps the exception);
        // the function hands its caller a verdict of the same type, so the failed one goes back. A function returning
        // something else still throws.
        var source = """
            using System.Threading.Tasks;
            using Domain;

            public sealed class ParticipantService
            {
                private readonly IStoryValidator _validator;

                public ParticipantService(IStoryValidator validator) => _validator = validator;

                public async Task<ValidationResult> ValidateRepresentativeAsync(string request)
                {
                    await [|_validator.ValidateAsync(request)|]; // a leftover of the line below
                    var result = _validator.Validate(request.Trim());
                    return result;
                }

                public async Task<int> CountAsync(string request)
                {
                    await [|_validator.ValidateAsync(request)|];
                    return request.Length;
                }
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using Domain;

            public sealed class ParticipantService
            {
                private readonly IStoryValidator _validator;

                public ParticipantService(IStoryValidator validator) => _validator = validator;

                public async Task<ValidationResult> ValidateRepresentativeAsync(string request)
                {
                    var validation = await _validator.ValidateAsync(request); // a leftover of the line below
                    if (!validation.IsValid)
                    {
                        return validation;
                    }

                    var result = _validator.Validate(request.Trim());
                    return result;
                }

                public async Task<int> CountAsync(string request)
                {
                    var validation = await _validator.ValidateAsync(request);
                    if (!validation.IsValid)
                    {
                        throw new System.InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                    }

                    return request.Length;
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback);
    }
}
