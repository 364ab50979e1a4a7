using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>False positives of the third 2026-12-06 triage of unseen repositories (wabbajack, Intersect-Engine).</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task DataNamedAfterTheVerbValidate_IsNoVerdict_ValidityAndValidationAndResultAre()
    {
        // wabbajack's NexusApi (triage FP-6): `Validate()` calls the Nexus "validate" endpoint and returns the account
        // data `(ValidateInfo info, ResponseMetadata header)`; `ValidateCached` awaits it to refresh the login. "Valid" in a
        // type name counts as Valid, Invalid, Validity or Validation, not inside the verb Validate/Validator.
        var source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ValidateInfo { public string Name { get; set; } = ""; public bool IsPremium { get; set; } }
            public sealed class ResponseMetadata { public int DailyRemaining { get; set; } }
            public sealed class ValidatorSettings { public int Depth { get; set; } }
            public sealed class ValidityInfo { public string Reason { get; set; } = ""; }
            public sealed class ValidationInfo { public string Reason { get; set; } = ""; }
            public sealed class ValidateResult { public string Reason { get; set; } = ""; }

            public class NexusApi
            {
                private (ValidateInfo Info, ResponseMetadata Header) _last;

                public virtual async Task<(ValidateInfo Info, ResponseMetadata Header)> Validate(CancellationToken token = default)
                {
                    await Task.Delay(1, token);
                    _last = (new ValidateInfo(), new ResponseMetadata());
                    return _last;
                }

                public ValidatorSettings ValidateSettings(int depth) => depth < 0 ? throw new ArgumentOutOfRangeException(nameof(depth)) : new ValidatorSettings { Depth = depth };

                public ValidityInfo ValidateLicense(string key) => new ValidityInfo();

                public ValidationInfo ValidateModlist(string name) => new ValidationInfo();

                public ValidateResult ValidateArchive(string path) => new ValidateResult();

                public async Task<(ValidateInfo Info, ResponseMetadata Header)> ValidateCached(string key, CancellationToken token = default)
                {
                    await Validate(token);
                    ValidateSettings(3);
                    {|#0:ValidateLicense(key)|};
                    {|#1:ValidateModlist(key)|};
                    {|#2:ValidateArchive(key)|};
                    return _last;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("ValidateLicense"),
            Verify.Diagnostic().WithLocation(1).WithArguments("ValidateModlist"),
            Verify.Diagnostic().WithLocation(2).WithArguments("ValidateArchive"));
    }

    [Fact]
    public async Task DiscardedChangesFlagOfASelfRepairingValidator_DoesNotReport_ALiteralVerdictDoes()
    {
        // Intersect-Engine's Player.ValidateLists (triage FP-3): `var changes = false; changes |= SlotHelper.ValidateSlotList(…);
        // … return changes;` sizes the player's slot lists and says whether it changed any, called for that repair on a new
        // or seeded character. `changes` names a change like `changed`; a validator returning literals only is still a
        // verdict (the slot-list check's `false` means "does not fit").
        var source = """
            using System.Collections.Generic;

            public sealed class Player
            {
                public List<int> Items { get; } = new();
                public List<int> Bank { get; } = new();

                public bool ValidateLists()
                {
                    var changes = false;
                    changes |= ValidateSlotList(Items, 35);
                    changes |= ValidateSlotList(Bank, 100);
                    return changes;
                }

                public static bool ValidateSlotList(List<int> slots, int capacity)
                {
                    if (slots.Capacity == capacity)
                    {
                        return true;
                    }

                    if (slots.Count > capacity)
                    {
                        return false;
                    }

                    slots.Capacity = capacity;
                    return true;
                }
            }

            public static class Seed
            {
                public static Player NewCharacter()
                {
                    var player = new Player();
                    player.ValidateLists();
                    {|#0:Player.ValidateSlotList(player.Bank, 10)|};
                    return player;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Player.ValidateSlotList"));
    }
}
