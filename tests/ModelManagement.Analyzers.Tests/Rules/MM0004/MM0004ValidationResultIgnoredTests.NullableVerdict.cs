using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>
/// A verdict the annotations say may be null (<c>Task&lt;Verdict?&gt;</c>): the branch tests it like an optional validator's,
/// <c>verdict?.IsValid == false</c> — <c>if (!verdict.IsValid)</c> was CS8602 (an error under TreatWarningsAsErrors) and a
/// NullReferenceException when the validator answered null (a fix-shapes round).
/// </summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    private static string NullableVerdicts(string members) => $$"""
        #nullable enable
        using System;
        using System.Threading.Tasks;

        public sealed record Verdict(bool IsValid);

        public interface IModeration
        {
            Task<Verdict?> ValidateAsync(string text);
        }

        public sealed class Publisher
        {
            private readonly IModeration _moderation;

            public Publisher(IModeration moderation) => _moderation = moderation;
        {{members}}
        }
        """;

    [Fact]
    public async Task Throw_NullableVerdict_IsTestedConditionally_Awaited_Stored_AndWaited()
    {
        var source = NullableVerdicts("""
                public async Task<string> PublishAsync(string text)
                {
                    await [|_moderation.ValidateAsync(text)|];
                    return text;
                }

                public string Publish(string text)
                {
                    var verdict = [|_moderation.ValidateAsync(text)|].Result;
                    return text;
                }

                public string PublishWaited(string text)
                {
                    [|_moderation.ValidateAsync(text)|].Wait();
                    return text;
                }
            """);
        var fixedSource = NullableVerdicts("""
                public async Task<string> PublishAsync(string text)
                {
                    var validation = await _moderation.ValidateAsync(text);
                    if (validation?.IsValid == false)
                    {
                        throw new InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                    }

                    return text;
                }

                public string Publish(string text)
                {
                    var verdict = _moderation.ValidateAsync(text).Result;
                    if (verdict?.IsValid == false)
                    {
                        throw new InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                    }

                    return text;
                }

                public string PublishWaited(string text)
                {
                    var validation = _moderation.ValidateAsync(text).Result;
                    if (validation?.IsValid == false)
                    {
                        throw new InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                    }

                    return text;
                }
            """);
        await VerifyFixAsync(source, fixedSource, Fallback, nullable: NullableContextOptions.Enable);
    }
}
