using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>
/// A fix-shapes round on the skip-the-item and return-the-verdict fixes (2026-12-08): returns that did not compile, and
/// skips that changed more than the rejected item's fate.
/// </summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task Fix_SkipOnlyWhereTheRestOfThePassIsAboutTheItem_ElseThrows()
    {
        // Throws: a gate released at the end of the pass (the skip left it taken and every later item stalled), a counter
        // the body reads (every later line number shifted), an item added to the result before it is validated (the
        // rejected item stayed in the returned list), a loop in a `try` whose catch rolls the batch back. Skips: a
        // deconstructing `foreach`, an item guarded by `continue` and trimmed into a local first, a count of handed-on items.
        var source = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using Domain;

            public sealed class Importer
            {
                private readonly IStoryValidator _validator;
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);
                private readonly List<string> _sent = new List<string>();

                public Importer(IStoryValidator validator) => _validator = validator;

                public void SendAll(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        _gate.Wait();
                        [|_validator.Validate(item)|];
                        _sent.Add(item);
                        _gate.Release();
                    }
                }

                public List<string> Numbered(IEnumerable<string> lines)
                {
                    var result = new List<string>();
                    var lineNo = 1;
                    foreach (var line in lines)
                    {
                        [|_validator.Validate(line)|];
                        result.Add($"{lineNo}: {line}");
                        lineNo++;
                    }

                    return result;
                }

                public List<string> Accumulate(IEnumerable<string> items)
                {
                    var seen = new List<string>();
                    foreach (var item in items)
                    {
                        seen.Add(item);
                        [|_validator.Validate(item)|];
                        _sent.Add(item);
                    }

                    return seen;
                }

                public bool ImportAtomically(IEnumerable<string> items)
                {
                    try
                    {
                        foreach (var item in items)
                        {
                            [|_validator.Validate(item)|];
                            _sent.Add(item);
                        }

                        return true;
                    }
                    catch (Exception)
                    {
                        _sent.Clear(); // all or nothing
                        return false;
                    }
                }

                public int Pairs(Dictionary<string, string> map)
                {
                    var imported = 0;
                    foreach (var (key, text) in map)
                    {
                        [|_validator.Validate(text)|];
                        _sent.Add(key + "=" + text);
                        imported++;
                    }

                    return imported;
                }

                public void Trimmed(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        if (item == null) continue;
                        var trimmed = item.Trim();
                        [|_validator.Validate(trimmed)|];
                        _sent.Add(trimmed);
                    }
                }
            }
            """;
        const string Throw = """
                        if (!validation.IsValid)
                        {
                            throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                        }
            """;
        const string Skip = """
                        if (!validation.IsValid)
                        {
                            continue;
                        }
            """;
        var fixedSource = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using Domain;

            public sealed class Importer
            {
                private readonly IStoryValidator _validator;
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);
                private readonly List<string> _sent = new List<string>();

                public Importer(IStoryValidator validator) => _validator = validator;

                public void SendAll(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        _gate.Wait();
                        var validation = _validator.Validate(item);

            """ + Throw + """


                        _sent.Add(item);
                        _gate.Release();
                    }
                }

                public List<string> Numbered(IEnumerable<string> lines)
                {
                    var result = new List<string>();
                    var lineNo = 1;
                    foreach (var line in lines)
                    {
                        var validation = _validator.Validate(line);

            """ + Throw + """


                        result.Add($"{lineNo}: {line}");
                        lineNo++;
                    }

                    return result;
                }

                public List<string> Accumulate(IEnumerable<string> items)
                {
                    var seen = new List<string>();
                    foreach (var item in items)
                    {
                        seen.Add(item);
                        var validation = _validator.Validate(item);

            """ + Throw + """


                        _sent.Add(item);
                    }

                    return seen;
                }

                public bool ImportAtomically(IEnumerable<string> items)
                {
                    try
                    {
                        foreach (var item in items)
                        {
                            var validation = _validator.Validate(item);
                            if (!validation.IsValid)
                            {
                                throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                            }

                            _sent.Add(item);
                        }

                        return true;
                    }
                    catch (Exception)
                    {
                        _sent.Clear(); // all or nothing
                        return false;
                    }
                }

                public int Pairs(Dictionary<string, string> map)
                {
                    var imported = 0;
                    foreach (var (key, text) in map)
                    {
                        var validation = _validator.Validate(text);

            """ + Skip + """


                        _sent.Add(key + "=" + text);
                        imported++;
                    }

                    return imported;
                }

                public void Trimmed(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        if (item == null) continue;
                        var trimmed = item.Trim();
                        var validation = _validator.Validate(trimmed);

            """ + Skip + """


                        _sent.Add(trimmed);
                    }
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource.Replace("\n\n            \n", "\n").Replace(";\n\n\n", ";\n"), Fallback);
    }

    [Fact]
    public async Task Fix_ReturnTheVerdict_NotFromAFinally_NorBeforeAnOutParameter_NorAcrossNullability_ThoseThrow()
    {
        // The fix wrote `return validation;` inside a finally (CS0157), before `normalized` was assigned (CS0177), and
        // returned a `Result<string?>` as a `Result<string>` (CS8619). Each now gets the throw, as the fallback refuses them.
        var source = """
            #nullable enable
            using System.Collections.Generic;
            using Domain;

            public sealed class Result<T>
            {
                public bool IsValid { get; set; }
                public T? Value { get; set; }
            }

            public interface INameValidator { Result<string?> ValidateRaw(string name); }

            public sealed class InputValidator
            {
                private readonly IStoryValidator _validator;
                private readonly INameValidator _names;
                private readonly List<string> _saved = new List<string>();

                public InputValidator(IStoryValidator validator, INameValidator names)
                {
                    _validator = validator;
                    _names = names;
                }


                public ValidationResult Audit(string s)
                {
                    try
                    {
                        _saved.Add(s);
                        return new ValidationResult { IsValid = true };
                    }
                    finally
                    {
                        [|_validator.Validate(s)|];
                    }
                }

                public ValidationResult Normalize(string input, out string normalized)
                {
                    [|_validator.Validate(input)|];
                    normalized = input.Trim();
                    return new ValidationResult { IsValid = true };
                }

                public Result<string> CheckName(string name)
                {
                    [|_names.ValidateRaw(name)|];
                    return new Result<string> { IsValid = true, Value = name };
                }
            }
            """;
        var fixedSource = """
            #nullable enable
            using System.Collections.Generic;
            using Domain;

            public sealed class Result<T>
            {
                public bool IsValid { get; set; }
                public T? Value { get; set; }
            }

            public interface INameValidator { Result<string?> ValidateRaw(string name); }

            public sealed class InputValidator
            {
                private readonly IStoryValidator _validator;
                private readonly INameValidator _names;
                private readonly List<string> _saved = new List<string>();

                public InputValidator(IStoryValidator validator, INameValidator names)
                {
                    _validator = validator;
                    _names = names;
                }


                public ValidationResult Audit(string s)
                {
                    try
                    {
                        _saved.Add(s);
                        return new ValidationResult { IsValid = true };
                    }
                    finally
                    {
                        var validation = _validator.Validate(s);
                        if (!validation.IsValid)
                        {
                            throw new System.InvalidOperationException("Validation failed: Validate rejected the content.");
                        }
                    }
                }

                public ValidationResult Normalize(string input, out string normalized)
                {
                    var validation = _validator.Validate(input);
                    if (!validation.IsValid)
                    {
                        throw new System.InvalidOperationException("Validation failed: Validate rejected the content.");
                    }

                    normalized = input.Trim();
                    return new ValidationResult { IsValid = true };
                }

                public Result<string> CheckName(string name)
                {
                    var validation = _names.ValidateRaw(name);
                    if (!validation.IsValid)
                    {
                        throw new System.InvalidOperationException("Validation failed: ValidateRaw rejected the content.");
                    }

                    return new Result<string> { IsValid = true, Value = name };
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback, nullable: NullableContextOptions.Enable);
    }

    [Fact]
    public async Task Fix_ReturnTheVerdict_FromANonAsyncTaskFunction_InACompletedTask_NotAFaultedOne()
    {
        // A fix-shapes round: `Task<ValidationResult> CheckLaterAsync(string s) { Validate(s); return Task.FromResult(ok); }`
        // got `return Task.FromException<ValidationResult>(…)` — the caller's 400 with field errors became a 500 again.
        var source = """
            using System.Threading.Tasks;
            using Domain;

            public sealed class LaterChecks
            {
                private readonly IStoryValidator _validator;

                public LaterChecks(IStoryValidator validator) => _validator = validator;

                public Task<ValidationResult> CheckLaterAsync(string s)
                {
                    [|_validator.Validate(s)|];
                    return Task.FromResult(new ValidationResult { IsValid = true });
                }
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using Domain;

            public sealed class LaterChecks
            {
                private readonly IStoryValidator _validator;

                public LaterChecks(IStoryValidator validator) => _validator = validator;

                public Task<ValidationResult> CheckLaterAsync(string s)
                {
                    var validation = _validator.Validate(s);
                    if (!validation.IsValid)
                    {
                        return Task.FromResult(validation);
                    }

                    return Task.FromResult(new ValidationResult { IsValid = true });
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task Fix_LoopInsideTheFinallyOfAnAsyncVoidHandler_SkipsTheItem()
    {
        // A fix-shapes round: `async void OnClosing` flushed its pending items in a finally and got no fix
        // (ThrowWouldGoUnobserved, "no return may leave a finally") — a `continue` of a loop inside the finally may stand.
        var source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Domain;

            public sealed class Window
            {
                private readonly IStoryValidator _validator;

                public Window(IStoryValidator validator) => _validator = validator;

                public List<string> Pending { get; } = new List<string>();

                public List<string> Flushed { get; } = new List<string>();

                public async void OnClosing(object sender, System.EventArgs e)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    finally
                    {
                        foreach (var item in Pending)
                        {
                            await [|_validator.ValidateAsync(item)|];
                            Flushed.Add(item);
                        }
                    }
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Domain;

            public sealed class Window
            {
                private readonly IStoryValidator _validator;

                public Window(IStoryValidator validator) => _validator = validator;

                public List<string> Pending { get; } = new List<string>();

                public List<string> Flushed { get; } = new List<string>();

                public async void OnClosing(object sender, System.EventArgs e)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    finally
                    {
                        foreach (var item in Pending)
                        {
                            var validation = await _validator.ValidateAsync(item);
                            if (!validation.IsValid)
                            {
                                continue;
                            }

                            Flushed.Add(item);
                        }
                    }
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task Fix_SkipNotWhereAFinallyReleasesThePass_TheItemWasRecordedFirst_ACatchRollsBack_OrTheFunctionReturnsAVerdict()
    {
        // A second fix-shapes round: a gate released in a `finally` after the validation stayed taken; `if (!_ids.Add(item))
        // continue;` and `var position = Insert(item);` recorded the rejected item first; a catch that rolls back and
        // rethrows was skipped; a function returning the verdict's type (its return refused for an `out` parameter)
        // reported success with a failed item; a count alone after the validation hands nothing on (the lines go on after the
        // loop). All throw; `string.IsNullOrEmpty(item)` and `new Entry(item)` only derive.
        var source = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using Domain;

            public sealed record Entry(string Text);

            public sealed class Importer
            {
                private readonly IStoryValidator _validator;
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);
                private readonly HashSet<string> _ids = new HashSet<string>();
                private readonly List<object> _sent = new List<object>();

                public Importer(IStoryValidator validator) => _validator = validator;

                public void Gated(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        _gate.Wait();
                        [|_validator.Validate(item)|];
                        try { _sent.Add(item); }
                        finally { _gate.Release(); }
                    }
                }

                public void Dedup(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        if (!_ids.Add(item)) continue;
                        [|_validator.Validate(item)|];
                        _sent.Add(item);
                    }
                }

                public void Atomic(IEnumerable<string> items)
                {
                    try
                    {
                        foreach (var item in items)
                        {
                            [|_validator.Validate(item)|];
                            _sent.Add(item);
                        }
                    }
                    catch
                    {
                        _sent.Clear();
                        throw;
                    }
                }

                public ValidationResult CheckMany(string[] items, out int count)
                {
                    foreach (var item in items)
                    {
                        [|_validator.Validate(item)|];
                        _sent.Add(item);
                    }

                    count = items.Length;
                    return new ValidationResult { IsValid = true };
                }

                public void Derived(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        if (string.IsNullOrEmpty(item)) continue;
                        var entry = new Entry(item);
                        [|_validator.Validate(entry.Text)|];
                        _sent.Add(entry);
                    }
                }

                public int CountedOnly(string[] lines)
                {
                    var counted = 0;
                    foreach (var line in lines)
                    {
                        [|_validator.Validate(line)|];
                        counted++;
                    }

                    _sent.Add(lines);
                    return counted;
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using Domain;

            public sealed record Entry(string Text);

            public sealed class Importer
            {
                private readonly IStoryValidator _validator;
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);
                private readonly HashSet<string> _ids = new HashSet<string>();
                private readonly List<object> _sent = new List<object>();

                public Importer(IStoryValidator validator) => _validator = validator;

                public void Gated(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        _gate.Wait();
                        var validation = _validator.Validate(item);
                        if (!validation.IsValid)
                        {
                            throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                        }

                        try { _sent.Add(item); }
                        finally { _gate.Release(); }
                    }
                }

                public void Dedup(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        if (!_ids.Add(item)) continue;
                        var validation = _validator.Validate(item);
                        if (!validation.IsValid)
                        {
                            throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                        }

                        _sent.Add(item);
                    }
                }

                public void Atomic(IEnumerable<string> items)
                {
                    try
                    {
                        foreach (var item in items)
                        {
                            var validation = _validator.Validate(item);
                            if (!validation.IsValid)
                            {
                                throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                            }

                            _sent.Add(item);
                        }
                    }
                    catch
                    {
                        _sent.Clear();
                        throw;
                    }
                }

                public ValidationResult CheckMany(string[] items, out int count)
                {
                    foreach (var item in items)
                    {
                        var validation = _validator.Validate(item);
                        if (!validation.IsValid)
                        {
                            throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                        }

                        _sent.Add(item);
                    }

                    count = items.Length;
                    return new ValidationResult { IsValid = true };
                }

                public void Derived(IEnumerable<string> items)
                {
                    foreach (var item in items)
                    {
                        if (string.IsNullOrEmpty(item)) continue;
                        var entry = new Entry(item);
                        var validation = _validator.Validate(entry.Text);
                        if (!validation.IsValid)
                        {
                            continue;
                        }

                        _sent.Add(entry);
                    }
                }

                public int CountedOnly(string[] lines)
                {
                    var counted = 0;
                    foreach (var line in lines)
                    {
                        var validation = _validator.Validate(line);
                        if (!validation.IsValid)
                        {
                            throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                        }

                        counted++;
                    }

                    _sent.Add(lines);
                    return counted;
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback);
    }
}
