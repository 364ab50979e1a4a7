using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// A class the compilation registers as a scoped service only (featbit, MODiX, Ombi, FeatureManagement, SimplCommerce):
/// one instance per request or scope, whose steps run one after another, so its members' per-request caches are not
/// reported; the lambdas it starts, and a class also registered with another lifetime, still are.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    private const string ServiceCollection = /* lang=c#-test */ """

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }

            public static class ServiceCollectionServiceExtensions
            {
                public static IServiceCollection AddScoped<TService, TImplementation>(this IServiceCollection services) where TImplementation : class, TService => services;
                public static IServiceCollection AddScoped<TService>(this IServiceCollection services) where TService : class => services;
                public static IServiceCollection AddScoped(this IServiceCollection services, System.Type service, System.Type implementation) => services;
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services) where TService : class => services;
            }
        }

        public interface IRequestPermissions { Task<Catalog> GetAsync(); }
        """;

    [Fact]
    public async Task ScopedServiceOnly_PerRequestCache_DoesNotReport_ButItsConcurrentLambdaDoes()
    {
        var source = /* lang=c#-test */ """
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;

            public class RequestPermissions : IRequestPermissions
            {
                private readonly ICatalogStore _store;
                private Catalog _permissions;
                private Catalog _fanned;

                public RequestPermissions(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if (_permissions == null)
                    {
                        _permissions = await _store.LoadAsync();
                    }

                    return _permissions;
                }

                public Task WarmAllAsync(int[] ids)
                    => Task.WhenAll(ids.Select(async _ =>
                    {
                        if ([|_fanned == null|])
                        {
                            _fanned = await _store.LoadAsync();
                        }
                    }));
            }

            public class ScopedSession
            {
                private readonly ICatalogStore _store;
                private Catalog _claims;

                public ScopedSession(ICatalogStore store) => _store = store;

                public async Task<Catalog> ClaimsAsync() => _claims ??= await _store.LoadAsync();
            }

            public class GenericScoped
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public GenericScoped(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync() => _catalog ??= await _store.LoadAsync();
            }

            public static class Registrations
            {
                public static IServiceCollection AddApi(this IServiceCollection services)
                {
                    services.AddScoped<IRequestPermissions, RequestPermissions>();
                    services.AddScoped<ScopedSession>();
                    services.AddScoped(typeof(GenericScoped), typeof(GenericScoped));
                    return services;
                }
            }
            """;
        await VerifyAsync(source + ServiceCollection);
    }

    [Fact]
    public async Task ScopedAndSingletonOrNotRegistered_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;

            public class SharedCache
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public SharedCache(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync() => {|#0:_catalog|} ??= await _store.LoadAsync();
            }

            public class Unregistered
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public Unregistered(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }

            public static class Registrations
            {
                public static IServiceCollection AddApi(this IServiceCollection services)
                {
                    services.AddScoped<SharedCache>();
                    services.AddSingleton<SharedCache>();
                    return services;
                }
            }
            """;
        await VerifyAsync(source + ServiceCollection, Verify.Diagnostic().WithLocation(0).WithArguments("_catalog"));
    }
}
