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
