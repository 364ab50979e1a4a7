using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>False positives of the 2026-12-06 triages: left open in the first pass (efcore, jellyfin), and found by the second (stryker-net, Humanizer, Discord.Net, Nancy).</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task StoredBoolReadFromTheInputByAThrowingValidator_DoesNotReport_AVerdictDoes()
    {
        // efcore's DotNetEfConfigLoader (triage FP-S): `verbose = ValidateBoolValue(path, property)` returns the parsed
        // `property.Value.GetBoolean()` and throws on a non-boolean; a later duplicate key overwrites it unread, as for the
        // string values next to it. Controls: a bool validator returning a comparison, a literal, a call naming a verdict,
        // or one that never throws is a verdict, stored unread on a path.
        var source = """
            #nullable enable
            using System;
            using System.Text.Json;

            public static class ConfigLoader
            {
                public static (string? Context, bool Verbose, bool NoColor) Load(JsonDocument document, string path)
                {
                    string? context = null;
                    var verbose = false;
                    var noColor = false;
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        switch (property.Name)
                        {
                            case "context":
                                context = ValidateValue(path, property);
                                break;
                            case "verbose":
                                verbose = ValidateBoolValue(path, property);
                                break;
                            case "noColor":
                                noColor = ValidateParsed(property.Value.ToString());
                                break;
                        }
                    }

                    return (context, verbose, noColor);
                }

                public static bool Check(JsonProperty property, string text)
                {
                    var a = {|#0:ValidateKind(property)|};
                    var b = {|#1:ValidateNotEmpty(text)|};
                    var c = {|#2:ValidateState(property)|};
                    var d = {|#3:ValidateQuietly(property)|};
                    if (text.Length > 3) return true;
                    return a && b && c && d;
                }

                private static string ValidateValue(string path, JsonProperty property)
                    => property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : throw new InvalidOperationException(path);

                private static bool ValidateBoolValue(string path, JsonProperty property)
                    => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? property.Value.GetBoolean()
                        : throw new InvalidOperationException(path + property.Name);

                private static bool ValidateParsed(string text)
                {
                    if (text.Length == 0)
                    {
                        throw new ArgumentException("empty", nameof(text));
                    }

                    return bool.Parse(text);
                }

                private static bool ValidateKind(JsonProperty property)
                    => property.Value.ValueKind == JsonValueKind.True ? true : throw new InvalidOperationException();

                private static bool ValidateNotEmpty(string text)
                {
                    if (text is null) throw new ArgumentNullException(nameof(text));
                    return text.Length > 0;
                }

                private static bool ValidateState(JsonProperty property)
                    => property.Value.ValueKind != JsonValueKind.Undefined ? GetIsValid(property) : throw new InvalidOperationException();

                private static bool ValidateQuietly(JsonProperty property) => property.Value.GetBoolean();

                private static bool GetIsValid(JsonProperty property) => property.Value.ValueKind == JsonValueKind.True;
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("ValidateKind"),
            Verify.Diagnostic().WithLocation(1).WithArguments("ValidateNotEmpty"),
            Verify.Diagnostic().WithLocation(2).WithArguments("ValidateState"),
            Verify.Diagnostic().WithLocation(3).WithArguments("ValidateQuietly"));
    }

    [Fact]
    public async Task DiscardedChangeFlagOfASelfRepairingValidator_DoesNotReport_AVerdictDoes()
    {
        // jellyfin's `item.ValidateImages();` (triage FP-D): the method removes the images whose files are gone and returns
        // whether it removed any; the item handed on is the repaired one. Controls: the same shape returning a verdict-named
        // local, only literals, or a computed expression is a verdict, discarded.
        var source = """
            using System.Collections.Generic;
            using System.IO;

            public sealed class Item
            {
                private readonly List<string> _images = new();
                private bool _dirty;

                public bool ValidateImages()
                {
                    List<string> deleted = null;
                    foreach (var image in _images)
                    {
                        if (!File.Exists(image))
                        {
                            (deleted ??= new List<string>()).Add(image);
                        }
                    }

                    var anyImagesRemoved = deleted?.Count > 0;
                    if (anyImagesRemoved)
                    {
                        _images.RemoveAll(deleted.Contains);
                    }

                    return anyImagesRemoved;
                }

                public bool ValidateLinks()
                {
                    if (_images.Count == 0)
                    {
                        return false;
                    }

                    _dirty = _images.RemoveAll(string.IsNullOrEmpty) > 0;
                    return this._dirty;
                }

                public bool ValidateNames()
                {
                    var isValid = _images.TrueForAll(i => i.Length > 0);
                    return isValid;
                }

                public bool ValidateCount()
                {
                    if (_images.Count > 10) return false;
                    return true;
                }

                public bool ValidateSizes()
                {
                    var changed = _images.RemoveAll(i => i.Length > 100) > 0;
                    return changed && _images.Count > 0;
                }
            }

            public static class Library
            {
                public static Item Refresh(Item item)
                {
                    item.ValidateImages();
                    item.ValidateLinks();
                    {|#0:item.ValidateNames()|};
                    {|#1:item.ValidateCount()|};
                    {|#2:item.ValidateSizes()|};
                    return item;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("item.ValidateNames"),
            Verify.Diagnostic().WithLocation(1).WithArguments("item.ValidateCount"),
            Verify.Diagnostic().WithLocation(2).WithArguments("item.ValidateSizes"));
    }

    [Fact]
    public async Task ChoiceEnumOfAThrowingValidator_DoesNotReport_AVerdictEnumDoes()
    {
        // stryker-net's `var provider = BaselineProviderInput.Validate();` and Humanizer's discarded
        // `ValidateFractionalSecondGrammar(…)`: the enum is the validated choice and a bad input throws. Controls: an enum
        // naming a verdict (`Allowed`/`Blocked`), and a validator that never throws, still report.
        var source = """
            using System;

            public enum BaselineProvider { Disk, Dashboard, AzureFileStorage }
            public enum PluralCategory { Zero, One, Few, Many, Other }
            public enum Verdict { Allowed, Blocked }

            public static class Inputs
            {
                public static BaselineProvider ValidateProvider(string text) => text switch
                {
                    "disk" => BaselineProvider.Disk,
                    "dashboard" => BaselineProvider.Dashboard,
                    _ => throw new ArgumentException(text, nameof(text)),
                };

                public static PluralCategory ValidateGrammar(int count)
                {
                    if (count < 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(count));
                    }

                    return count == 1 ? PluralCategory.One : PluralCategory.Many;
                }

                public static Verdict ValidateStory(string story)
                {
                    if (story is null) throw new ArgumentNullException(nameof(story));
                    return story.Length > 5 ? Verdict.Blocked : Verdict.Allowed;
                }

                public static BaselineProvider? ValidateQuietly(string text) => text.Length > 0 ? BaselineProvider.Disk : null;

                public static string Describe(string text, int count)
                {
                    var provider = ValidateProvider(text);
                    ValidateGrammar(count);
                    {|#0:ValidateStory(text)|};
                    var quiet = {|#1:ValidateQuietly(text)|};
                    if (count > 3)
                    {
                        return "early";
                    }

                    return provider.ToString() + quiet;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("ValidateStory"),
            Verify.Diagnostic().WithLocation(1).WithArguments("ValidateQuietly"));
    }

    [Fact]
    public async Task ValidatorFalseOnlyForAbsentInput_CalledWithInputTestedPresent_DoesNotReport()
    {
        // Discord.Net's EmbedBuilder (triage FP-1): `UrlValidation.Validate(url)` returns false only for a null or empty url
        // and throws on a bad one; `if (!string.IsNullOrEmpty(Url)) UrlValidation.Validate(Url);` cannot get false.
        // Controls: no test at the call site, a test of another value, a weaker test (null only, for an emptiness
        // validator), and a validator that returns false for other reasons still report.
        var source = """
            #nullable enable
            using System;

            public static class UrlValidation
            {
                public static bool Validate(string? url)
                {
                    if (string.IsNullOrEmpty(url))
                        return false;
                    if (!url.StartsWith("https://", StringComparison.Ordinal))
                        throw new InvalidOperationException("bad url " + url);
                    return true;
                }

                public static bool ValidateName(string? name)
                {
                    if (name is null)
                    {
                        return false;
                    }

                    if (name.Length == 0) throw new ArgumentException("empty", nameof(name));
                    return true;
                }

                public static bool ValidateLength(string? text)
                {
                    if (string.IsNullOrEmpty(text)) return false;
                    if (text.Length > 100) return false;
                    return text.Length > 0 ? true : throw new ArgumentException("never");
                }
            }

            public sealed class Author { public string? Url { get; set; } public string? Name { get; set; } }

            public sealed class EmbedBuilder
            {
                public string? Url { get; set; }
                public string? Other { get; set; }
                public Author Author { get; } = new();

                public EmbedBuilder Build()
                {
                    if (!string.IsNullOrEmpty(Url))
                        UrlValidation.Validate(Url);
                    if (!string.IsNullOrEmpty(Author.Url))
                        UrlValidation.Validate(Author.Url);
                    if (string.IsNullOrWhiteSpace(Other))
                        throw new InvalidOperationException("other");
                    UrlValidation.Validate(Other);
                    if (Author.Name != null)
                        UrlValidation.ValidateName(Author.Name);

                    {|#0:UrlValidation.Validate(Url)|};
                    if (!string.IsNullOrEmpty(Other))
                        {|#1:UrlValidation.Validate(Url)|};
                    if (Url is not null)
                        {|#2:UrlValidation.Validate(Url)|};
                    if (!string.IsNullOrEmpty(Url))
                        {|#3:UrlValidation.ValidateLength(Url)|};
                    return this;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("UrlValidation.Validate"),
            Verify.Diagnostic().WithLocation(1).WithArguments("UrlValidation.Validate"),
            Verify.Diagnostic().WithLocation(2).WithArguments("UrlValidation.Validate"),
            Verify.Diagnostic().WithLocation(3).WithArguments("UrlValidation.ValidateLength"));
    }

    [Fact]
    public async Task VerdictDeliveredIntoTheCallersObject_DoesNotReport_AFreshObjectDoes()
    {
        // Nancy's BindAndValidate (triage FP-6): `module.Validate(model)` stores its verdict in
        // `module.ModelValidationResult` and returns it; the module is the caller's parameter and the route reads the
        // verdict there. Controls: the same validator on an object the caller creates and drops, and a validator that
        // returns a verdict it never stores, still report.
        var source = """
            using System.Collections.Generic;

            public sealed class ModelValidationResult
            {
                public List<string> Errors { get; } = new();
                public bool IsValid => Errors.Count == 0;
            }

            public interface INancyModule
            {
                ModelValidationResult ModelValidationResult { get; set; }
                T Bind<T>() where T : new();
            }

            public sealed class Module : INancyModule
            {
                public ModelValidationResult ModelValidationResult { get; set; } = new();
                public T Bind<T>() where T : new() => new T();
            }

            public static class ValidationExtensions
            {
                public static ModelValidationResult Validate<T>(this INancyModule module, T instance)
                {
                    var result = new ModelValidationResult();
                    if (instance is null) result.Errors.Add("missing");
                    module.ModelValidationResult = module.ModelValidationResult.Errors.Count > 0 ? module.ModelValidationResult : result;
                    return module.ModelValidationResult;
                }

                public static ModelValidationResult ValidateStored<T>(INancyModule module, T instance)
                {
                    var result = new ModelValidationResult();
                    module.ModelValidationResult = result;
                    return result;
                }

                public static ModelValidationResult ValidateOnly<T>(this INancyModule module, T instance) => new ModelValidationResult();
            }

            public sealed class Order { public string Sku { get; set; } = ""; }

            public static class BindingExtensions
            {
                public static TModel BindAndValidate<TModel>(this INancyModule module) where TModel : new()
                {
                    var model = module.Bind<TModel>();
                    module.Validate(model);
                    ValidationExtensions.ValidateStored(module, model);
                    return model;
                }

                public static TModel BindFresh<TModel>() where TModel : new()
                {
                    var module = new Module();
                    var model = module.Bind<TModel>();
                    {|#0:module.Validate(model)|};
                    return model;
                }

                public static TModel BindQuick<TModel>(this INancyModule module) where TModel : new()
                {
                    var model = module.Bind<TModel>();
                    {|#1:module.ValidateOnly(model)|};
                    return model;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("module.Validate"),
            Verify.Diagnostic().WithLocation(1).WithArguments("module.ValidateOnly"));
    }
}
