using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>False positives of the 2026-12-06 triage left open in the first pass (efcore, jellyfin).</summary>
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
}
