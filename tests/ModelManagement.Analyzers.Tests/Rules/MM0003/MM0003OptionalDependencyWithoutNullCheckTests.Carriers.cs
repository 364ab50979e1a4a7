using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>
/// MM0003 on a null check carried by a local (triage FP9, piranha.core's <c>PostService</c>): <c>var id = _cache == null ?
/// null : await _cache.GetAsync(…);</c> has a value only where <c>_cache</c> was checked, so <c>if (id.HasValue)
/// _cache.GetAsync(…)</c> is safe — for a member that keeps its value after construction, and a local written only by
/// plain assignments.
/// </summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    [Fact]
    public async Task NullCheckCarriedByALocalComputedFromTheDependency_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class PostService
            {
                private readonly IModelRegistry _registry;

                public PostService(IModelRegistry registry = null) => _registry = registry;

                public async System.Threading.Tasks.Task<string> GetAsync(string name)
                {
                    var id = _registry == null ? null : await _registry.FindAsync(name);
                    string model = null;
                    if (id != null)
                    {
                        model = await _registry.FindAsync(id);
                    }

                    var count = _registry != null ? (int?)_registry.Count : null;
                    if (count.HasValue)
                    {
                        _registry.Register("counted");
                    }

                    var first = _registry is null ? default(string) : _registry.DefaultModel;
                    if (first is { })
                    {
                        _registry.Register(first);
                    }

                    var cached = _registry == null ? null : _registry.DefaultModel;
                    if (name == null)
                    {
                        cached = null; // a null written later carries nothing
                    }

                    if (cached != null)
                    {
                        _registry.Register(cached);
                    }

                    return model;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("var id = name == null ? null : name + \"x\"; if (id != null) { [|_registry|].Register(id); }")] // the arm checks nothing
    [InlineData("var id = _registry == null ? \"none\" : _registry.DefaultModel; if (id != null) { [|_registry|].Register(id); }")] // both arms give a value
    [InlineData("var id = _registry == null ? null : _registry.DefaultModel; id = name; if (id != null) { [|_registry|].Register(id); }")] // reassigned
    [InlineData("var id = _registry == null ? null : _registry.DefaultModel; Reset(out id); if (id != null) { [|_registry|].Register(id); }")] // written through out
    [InlineData("var id = _registry == null ? null : _registry.DefaultModel; if (TryFind(out id) && id != null) { [|_registry|].Register(id); }")] // out in a condition
    [InlineData("var id = _registry == null ? null : _registry.DefaultModel; System.Action reset = () => id = name; reset(); if (id != null) { [|_registry|].Register(id); }")] // a lambda writes it
    [InlineData("var id = _other == null ? null : _other.DefaultModel; if (id != null) { [|_registry|].Register(id); }")] // another member checked
    [InlineData("var id = _registry == null ? null : _registry.DefaultModel; if (id == null) { [|_registry|].Register(name); }")] // the null outcome
    public async Task LocalThatCarriesNoCheckOfTheDependency_Reports(string body)
    {
        var source = /* lang=c#-test */ """
            public sealed class PostService
            {
                private readonly IModelRegistry _registry;
                private readonly IModelRegistry _other;

                public PostService(IModelRegistry registry = null, IModelRegistry other = null)
                {
                    _registry = registry;
                    _other = other;
                }

                public void Publish(string name)
                {
                    BODY
                }

                private static void Reset(out string value) => value = "reset";

                private static bool TryFind(out string value)
                {
                    value = "found";
                    return true;
                }
            }
            """.Replace("BODY", body);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CarriedCheckOfAMemberAssignedOutsideTheConstructors_Reports()
    {
        // `_registry` may be set to null by `Swap` between the local's assignment and its check: the carried check is stale.
        var source = /* lang=c#-test */ """
            public sealed class PostService
            {
                private IModelRegistry _registry;

                public PostService(IModelRegistry registry = null) => _registry = registry;

                public void Swap(IModelRegistry registry) => _registry = registry;

                public void Publish(string name)
                {
                    var id = _registry == null ? null : _registry.DefaultModel;
                    Swap(null);
                    if (id != null)
                    {
                        [|_registry|].Register(id);
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NullCheckCarriedByALocalAssignedInTheCheckedBranch_DoesNotReport()
    {
        // EventStore's RequestResponseDispatcher.CancelAll (triage FP-K): `ids` gets a value only where the factory was
        // checked, inside a lock or not, in an if or a switch section.
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            public sealed class Dispatcher
            {
                private readonly Dictionary<Guid, string> _map = new();
                private readonly Func<Guid, string> _cancelMessageFactory;
                private readonly IModelRegistry _registry;

                public Dispatcher(Func<Guid, string> cancelMessageFactory = null, IModelRegistry registry = null)
                {
                    _cancelMessageFactory = cancelMessageFactory;
                    _registry = registry;
                }

                public void CancelAll(Action<string> publish)
                {
                    Guid[] ids = null;
                    lock (_map)
                    {
                        _map.Clear();
                        if (_cancelMessageFactory != null)
                            ids = _map.Keys.ToArray();
                    }

                    if (ids != null)
                        foreach (var id in ids)
                            publish(_cancelMessageFactory(id));
                }

                public void Register(int mode)
                {
                    string name;
                    switch (mode)
                    {
                        case 1 when _registry != null:
                            name = _registry.DefaultModel;
                            break;
                        default:
                            name = null;
                            break;
                    }

                    if (name is not null)
                    {
                        _registry.Register(name);
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("Guid[] ids = null; if (_cancelMessageFactory != null) ids = Keys(); if (mode > 0) ids = Keys(); if (ids != null) publish({|MM0003:_cancelMessageFactory|}(ids[0]));")] // one value on an unchecked path
    [InlineData("Guid[] ids = null; if (_cancelMessageFactory == null) ids = Keys(); if (ids != null) publish({|MM0003:_cancelMessageFactory|}(ids[0]));")] // given where the member is null
    [InlineData("Guid[] ids = null; if (_cancelMessageFactory != null) Fill(out ids); if (ids != null) publish({|MM0003:_cancelMessageFactory|}(ids[0]));")] // written through out
    [InlineData("Guid[] ids = null; if (_cancelMessageFactory != null) ids = Keys(); Action a = () => ids = Keys(); a(); if (ids != null) publish({|MM0003:_cancelMessageFactory|}(ids[0]));")] // a lambda writes it
    [InlineData("Guid[] ids = null; if (_swappable != null) ids = Keys(); Swap(); if (ids != null) publish({|MM0003:_swappable|}(ids[0]));")] // the member is assigned outside the constructor
    public async Task LocalAssignedInBranchesThatCarriesNoCheck_Reports(string body)
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class Dispatcher
            {
                private readonly Func<Guid, string> _cancelMessageFactory;
                private Func<Guid, string> _swappable;

                public Dispatcher(Func<Guid, string> cancelMessageFactory = null, Func<Guid, string> swappable = null)
                {
                    _cancelMessageFactory = cancelMessageFactory;
                    _swappable = swappable;
                }

                public void CancelAll(Action<string> publish, int mode)
                {
                    BODY
                }

                private void Swap() => _swappable = null;

                private static Guid[] Keys() => new[] { Guid.NewGuid() };

                private static void Fill(out Guid[] ids) => ids = Keys();
            }
            """.Replace("BODY", body);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NullTestOfACoalesceAssignmentsResult_ProvesTheAssignedValue()
    {
        // ShokoServer's AnidbAnime (triage FP-O): `if ((anime ??= Lookup(id)) is not null) { anime.CountEpisodes(); }` —
        // the tested value is `anime`'s new value. Controls: the null outcome, and another parameter, still report.
        var source = /* lang=c#-test */ """
            #nullable enable
            public sealed class Anime { public int CountEpisodes() => 12; }
            public static class Repository { public static Anime? Find(int id) => id > 0 ? new Anime() : null; }

            public sealed class AnimeModel
            {
                public int Episodes { get; }

                public AnimeModel(int id, Anime? anime = null, Anime? other = null)
                {
                    if ((anime ??= Repository.Find(id)) is not null)
                    {
                        Episodes = anime.CountEpisodes();
                    }

                    if ((other ??= Repository.Find(id + 1)) != null)
                    {
                        Episodes += other.CountEpisodes();
                    }
                }

                public AnimeModel(long id, Anime? anime = null, Anime? other = null)
                {
                    if ((anime ??= Repository.Find((int)id)) is null)
                    {
                        Episodes = {|#0:anime|}.CountEpisodes();
                    }

                    if ((anime ??= Repository.Find(1)) is not null)
                    {
                        Episodes = {|#1:other|}.CountEpisodes();
                    }
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("anime"), Verify.Diagnostic().WithLocation(1).WithArguments("other"));
    }
}
