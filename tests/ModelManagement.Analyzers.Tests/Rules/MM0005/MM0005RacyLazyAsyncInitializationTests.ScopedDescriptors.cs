using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// Scoped registrations written as service descriptors (the 2026-12-06 triage: bitwarden registers its authorization
/// handlers with <c>services.TryAddEnumerable([ServiceDescriptor.Scoped&lt;IAuthorizationHandler, T&gt;(), …])</c>).
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    private const string ServiceDescriptors = /* lang=c#-test */ """

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public enum ServiceLifetime { Singleton, Scoped, Transient }

            public class ServiceDescriptor
            {
                public ServiceDescriptor(System.Type serviceType, System.Type implementationType, ServiceLifetime lifetime) { }
                public static ServiceDescriptor Scoped<TService, TImplementation>() where TService : class where TImplementation : class, TService => null;
                public static ServiceDescriptor Scoped(System.Type service, System.Type implementation) => null;
                public static ServiceDescriptor Singleton<TService, TImplementation>() where TService : class where TImplementation : class, TService => null;
                public static ServiceDescriptor Transient(System.Type service, System.Type implementation) => null;
                public static ServiceDescriptor Describe(System.Type serviceType, System.Type implementationType, ServiceLifetime lifetime) => null;
            }

            public static class ServiceCollectionDescriptorExtensions
            {
                public static void TryAddEnumerable(this IServiceCollection services, System.Collections.Generic.IEnumerable<ServiceDescriptor> descriptors) { }
                public static void TryAdd(this IServiceCollection services, ServiceDescriptor descriptor) { }
                public static IServiceCollection Add(this IServiceCollection services, ServiceDescriptor descriptor) => services;
            }
        }

        public interface IHandler { Task<Catalog> HandleAsync(); }
        """;

    [Fact]
    public async Task ScopedOnlyThroughServiceDescriptors_DoesNotReport_ButAnotherLifetimeOrNoneDoes()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;


            public class ByFactory : IHandler
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public ByFactory(ICatalogStore store) => _store = store;
                public async Task<Catalog> HandleAsync() => _catalog ??= await _store.LoadAsync();
            }

            public class ByTypes : IHandler
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public ByTypes(ICatalogStore store) => _store = store;
                public async Task<Catalog> HandleAsync() => _catalog ??= await _store.LoadAsync();
            }

            public class ByDescribe : IHandler
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public ByDescribe(ICatalogStore store) => _store = store;
                public async Task<Catalog> HandleAsync() => _catalog ??= await _store.LoadAsync();
            }

            public class ByConstructor : IHandler
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public ByConstructor(ICatalogStore store) => _store = store;
                public async Task<Catalog> HandleAsync() => _catalog ??= await _store.LoadAsync();
            }

            public class AlsoSingleton : IHandler
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public AlsoSingleton(ICatalogStore store) => _store = store;
                public async Task<Catalog> HandleAsync() => {|#0:_catalog|} ??= await _store.LoadAsync();
            }

            public class AlsoTransient : IHandler
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public AlsoTransient(ICatalogStore store) => _store = store;
                public async Task<Catalog> HandleAsync() => {|#1:_catalog|} ??= await _store.LoadAsync();
            }

            public class DescribedSingleton : IHandler
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public DescribedSingleton(ICatalogStore store) => _store = store;
                public async Task<Catalog> HandleAsync() => {|#2:_catalog|} ??= await _store.LoadAsync();
            }

            public static class Registrations
            {
                public static void AddHandlers(this IServiceCollection services)
                {
                    services.TryAddEnumerable(new[]
                    {
                        ServiceDescriptor.Scoped<IHandler, ByFactory>(),
                        ServiceDescriptor.Scoped(typeof(IHandler), typeof(ByTypes)),
                        ServiceDescriptor.Scoped<IHandler, AlsoSingleton>(),
                        ServiceDescriptor.Scoped(typeof(IHandler), typeof(AlsoTransient)),
                        ServiceDescriptor.Scoped<IHandler, DescribedSingleton>(),
                    });
                    services.TryAdd(ServiceDescriptor.Describe(typeof(IHandler), typeof(ByDescribe), ServiceLifetime.Scoped));
                    services.Add(new ServiceDescriptor(typeof(IHandler), typeof(ByConstructor), ServiceLifetime.Scoped));
                    services.Add(ServiceDescriptor.Singleton<IHandler, AlsoSingleton>());
                    services.Add(ServiceDescriptor.Transient(typeof(IHandler), typeof(AlsoTransient)));
                    services.Add(new ServiceDescriptor(typeof(IHandler), typeof(DescribedSingleton), ServiceLifetime.Singleton));
                }
            }
            """;
        await VerifyAsync(
            source + ServiceDescriptors,
            Verify.Diagnostic().WithLocation(0).WithArguments("_catalog"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_catalog"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_catalog"));
    }

    [Fact]
    public async Task ScopedOnlyThroughAutofacsInstancePerLifetimeScope_DoesNotReport_ButAnotherLifetimeOrTheDefaultDoes()
    {
        // NuGetGallery (the 2026-12-06 triage) registers its per-request services with Autofac:
        // `builder.RegisterType<ExternalSearchService>().AsSelf().As<ISearchService>().InstancePerLifetimeScope();`.
        // A RegisterType chain without a scoped call is per dependency (Autofac's default) or SingleInstance(). No
        // Microsoft.Extensions.DependencyInjection here: Autofac alone is a container.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            namespace Autofac
            {
                public sealed class ContainerBuilder
                {
                    public RegistrationBuilder<T> RegisterType<T>() => new RegistrationBuilder<T>();
                }

                public sealed class RegistrationBuilder<T>
                {
                    public RegistrationBuilder<T> AsSelf() => this;
                    public RegistrationBuilder<T> As<TService>() => this;
                    public RegistrationBuilder<T> InstancePerLifetimeScope() => this;
                    public RegistrationBuilder<T> InstancePerRequest() => this;
                    public RegistrationBuilder<T> SingleInstance() => this;
                }
            }

            public class SearchService
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public SearchService(ICatalogStore store) => _store = store;
                public async Task<Catalog> GetAsync() => _catalog ??= await _store.LoadAsync();
            }

            public class RequestCache
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public RequestCache(ICatalogStore store) => _store = store;
                public async Task<Catalog> GetAsync() => _catalog ??= await _store.LoadAsync();
            }

            public class SharedCache
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public SharedCache(ICatalogStore store) => _store = store;
                public async Task<Catalog> GetAsync() => {|#0:_catalog|} ??= await _store.LoadAsync();
            }

            public class DefaultLifetime
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                public DefaultLifetime(ICatalogStore store) => _store = store;
                public async Task<Catalog> GetAsync() => {|#1:_catalog|} ??= await _store.LoadAsync();
            }

            public static class Registrations
            {
                public static void Register(Autofac.ContainerBuilder builder)
                {
                    builder.RegisterType<SearchService>().AsSelf().As<object>().InstancePerLifetimeScope();
                    builder.RegisterType<RequestCache>().InstancePerRequest();
                    builder.RegisterType<SharedCache>().InstancePerLifetimeScope();
                    builder.RegisterType<SharedCache>().AsSelf().SingleInstance();
                    builder.RegisterType<DefaultLifetime>().InstancePerLifetimeScope();
                    builder.RegisterType<DefaultLifetime>().AsSelf();
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_catalog"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_catalog"));
    }
}
