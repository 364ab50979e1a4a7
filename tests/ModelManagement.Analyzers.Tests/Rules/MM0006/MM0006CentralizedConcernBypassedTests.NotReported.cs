using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.Tests.Verifiers;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0006CentralizedConcernBypassedAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0006;

/// <summary>MM0006: the allowed places and the declarations that only name a centralized symbol.</summary>
public sealed partial class MM0006CentralizedConcernBypassedTests
{
    [Fact]
    public async Task InsideOwner_ItsNestedTypesLambdasAndOtherPartialParts_NotReported()
    {
        var source = /* lang=c#-test */ """
            using System.Linq;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(AuditProcessor))]
            public interface IAuditStore
            {
                Task AppendAsync(string entry);
            }

            public partial class AuditProcessor
            {
                private readonly IAuditStore _store;
                public AuditProcessor(IAuditStore store) => _store = store;
                public Task FlushAsync(string[] entries) => Task.WhenAll(entries.Select(e => _store.AppendAsync(e)));
            }

            public partial class AuditProcessor
            {
                public Task RetryAsync(string entry) => new Retry().Again(_store, entry);

                private sealed class Retry
                {
                    public Task Again(IAuditStore store, string entry)
                    {
                        return Local();

                        Task Local() => store.AppendAsync(entry);
                    }
                }
            }

            public class AuditHelpers
            {
                public Task Write(IAuditStore store) => store.[|AppendAsync|]("outside the owner");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InsideDeclaringType_MembersCallEachOther_NotReported()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(HistoryProcessor))]
            public sealed class HistoryDb
            {
                private int _rows;
                public static HistoryDb Open() => new HistoryDb();
                public void Insert(string row) { _rows++; Flush(); }
                public void Flush() => Changed?.Invoke(_rows);
                public event System.Action<int> Changed;
            }

            public sealed class HistoryProcessor
            {
                public void Record(string row) => HistoryDb.Open().Insert(row);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CreationRegisteredWithServiceCollection_NotReported_ButUseInTheRegistrationAndOtherCreationsAre()
    {
        // An independent consumer's composition root: `services.AddSingleton(_ => new AuditTrailClient(url))` was reported
        // ("use it through HistoryLogProcessor"), which a registration cannot do: the processor receives the instance.
        var source = /* lang=c#-test */ """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using ModelManagement.Patterns;

            namespace Microsoft.Extensions.DependencyInjection
            {
                public interface IServiceCollection { }

                public sealed class ServiceDescriptor
                {
                    public static ServiceDescriptor Singleton<T>(T instance) where T : class => new ServiceDescriptor();
                }

                public static class ServiceCollectionServiceExtensions
                {
                    public static IServiceCollection AddSingleton<T>(this IServiceCollection services, Func<IServiceProvider, T> factory) where T : class => services;
                    public static IServiceCollection AddSingleton<T>(this IServiceCollection services, T instance) where T : class => services;
                }
            }

            [CentralizedBy(typeof(HistoryProcessor))]
            public sealed class AuditTrailClient
            {
                public AuditTrailClient(string url) { }
                public AuditTrailClient Warm() => this;
            }

            public sealed class HistoryProcessor { }

            public static class Composition
            {
                public static void Register(IServiceCollection services, string url)
                {
                    services.AddSingleton(_ => new AuditTrailClient(url));
                    services.AddSingleton(new AuditTrailClient(url));
                    var descriptor = ServiceDescriptor.Singleton(new AuditTrailClient(url));
                    services.AddSingleton(_ => new AuditTrailClient(url).{|#0:Warm|}());
                }

                public static AuditTrailClient Open(string url) => new {|#1:AuditTrailClient|}(url);
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("AuditTrailClient.Warm()", "'HistoryProcessor'"),
            Verify.Diagnostic().WithLocation(1).WithArguments("AuditTrailClient.AuditTrailClient(string)", "'HistoryProcessor'"));
    }

    [Fact]
    public async Task CreationReturnedByBlockBodiedRegistrationFactory_NotReported_ButOtherCreationsInItAre()
    {
        // A block-bodied factory lambda is as much a registration as `_ => new AuditTrailClient(url)`: its returned creation
        // (directly, from a branch, or through the local it returns) is what DI hands out. A creation the factory does not
        // return, and a call on the instance, are still uses.
        var source = /* lang=c#-test */ """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using ModelManagement.Patterns;

            namespace Microsoft.Extensions.DependencyInjection
            {
                public interface IServiceCollection { }

                public static class ServiceCollectionServiceExtensions
                {
                    public static IServiceCollection AddSingleton<T>(this IServiceCollection services, Func<IServiceProvider, T> factory) where T : class => services;
                }
            }

            [CentralizedBy(typeof(HistoryProcessor))]
            public sealed class AuditTrailClient
            {
                public AuditTrailClient(string url) { }
                public void Warm() { }
            }

            public sealed class HistoryProcessor { }

            public static class Composition
            {
                public static void Register(IServiceCollection services, string url, bool secure)
                {
                    services.AddSingleton(_ =>
                    {
                        var resolved = url.Trim();
                        return new AuditTrailClient(resolved); // the registered instance
                    });
                    services.AddSingleton(_ =>
                    {
                        if (secure)
                        {
                            return new AuditTrailClient("https://" + url);
                        }

                        return new AuditTrailClient(url);
                    });
                    services.AddSingleton(_ =>
                    {
                        var client = new AuditTrailClient(url);
                        client.{|#0:Warm|}();
                        return client;
                    });
                    services.AddSingleton(_ =>
                    {
                        var probe = new {|#1:AuditTrailClient|}(url);
                        Func<AuditTrailClient> inner = () => probe;
                        return new AuditTrailClient(url);
                    });
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("AuditTrailClient.Warm()", "'HistoryProcessor'"),
            Verify.Diagnostic().WithLocation(1).WithArguments("AuditTrailClient.AuditTrailClient(string)", "'HistoryProcessor'"));
    }

    [Fact]
    public async Task InsideImplementation_DecoratorCallsInnerWriter_NotReported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using App.History;

            public sealed class RetryingHistoryWriter : IHistoryWriter
            {
                private readonly IHistoryWriter _inner;
                public RetryingHistoryWriter(IHistoryWriter inner) => _inner = inner;
                public async Task InsertAsync(string entry)
                {
                    try { await _inner.InsertAsync(entry); }
                    catch (System.TimeoutException) { await _inner.InsertAsync(entry); }
                }
                public int Pending => _inner.Pending;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InsideSubclassOfDeclaringStore_NotReported()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(HistoryProcessor))]
            public class HistoryDb
            {
                public virtual void Insert(string row) { }
                protected void Vacuum() { }
            }

            public sealed class CachedHistoryDb : HistoryDb
            {
                public override void Insert(string row) { base.Insert(row); Vacuum(); }
            }

            public sealed class HistoryProcessor { }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CreatingAnImplementationOfACentralizedInterface_NotReported()
    {
        var source = /* lang=c#-test */ """
            using App.History;

            public static class Composition
            {
                public static HistoricalLogProcessor Build()
                {
                    using var writer = new SqlHistoryWriter { ConnectionString = "Server=history" };
                    IHistoryWriter asInterface = new SqlHistoryWriter();
                    return new HistoricalLogProcessor(asInterface);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DeclarationsThatOnlyNameTheSymbol_NotReported()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using App.History;

            /// <summary>Writes through <see cref="IHistoryWriter.InsertAsync(string)"/> via the processor.</summary>
            public sealed class Registrations
            {
                private readonly IHistoryWriter _field;
                private readonly List<IHistoryWriter> _all = new List<IHistoryWriter>();
                public Registrations(IHistoryWriter writer) { _field = writer; _all.Add(writer); }
                public IHistoryWriter Writer => _field;
                public Type Kind => typeof(IHistoryWriter);
                public string Name => nameof(IHistoryWriter.InsertAsync) + nameof(_field.Pending);
                public void Register(ServiceCollection services) => services.AddSingleton<IHistoryWriter, SqlHistoryWriter>();
                public T Resolve<T>() where T : IHistoryWriter => default;
            }

            public sealed class ServiceCollection
            {
                public ServiceCollection AddSingleton<TService, TImplementation>() where TImplementation : TService => this;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NotCentralized_MembersOfImplementationOutsideTheInterface_NotReported()
    {
        var source = /* lang=c#-test */ """
            using App.History;

            public sealed class Maintenance
            {
                public string Describe(SqlHistoryWriter writer)
                {
                    writer.Dispose();
                    return writer.ConnectionString + writer.ToString();
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AttributeWithMissingProcessorType_HalfTyped_NotReported()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [CentralizedBy(typeof({|CS0246:NotWrittenYet|}))]
            public sealed class Mailer
            {
                public void Send() { }
            }

            public sealed class Job
            {
                public void Run(Mailer mailer) => mailer.Send();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OtherAttributeName_NotReported()
    {
        var source = /* lang=c#-test */ """
            using System;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class CentralizedAttribute : Attribute
            {
                public CentralizedAttribute(Type processor) { }
            }

            [Centralized(typeof(Job))]
            public sealed class Mailer
            {
                public void Send() { }
            }

            public sealed class Job
            {
                public void Run(Mailer mailer) => mailer.Send();
            }
            """;
        var test = new Verifiers.CSharpAnalyzerVerifier<Analyzers.Rules.MM0006CentralizedConcernBypassedAnalyzer>.Test { TestCode = source };
        await test.RunAsync();
    }

    [Fact]
    public async Task GeneratedCode_NotReported()
    {
        var source = /* lang=c#-test */ """
            // <auto-generated/>
            using System.Threading.Tasks;
            using App.History;

            public sealed class GeneratedClient
            {
                public Task Write(IHistoryWriter writer) => writer.InsertAsync("generated");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CSharp73_InsideOwner_NotReported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            namespace App.History
            {
                public sealed class HistoryJobs
                {
                    public Task Nightly(HistoricalLogProcessor processor) => processor.RecordAsync("nightly");
                }
            }
            """;
        await VerifyAsync(source, LanguageVersion.CSharp7_3, null, ImmutableArray<MetadataReference>.Empty, System.Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public async Task PragmaSuppressed_NotReported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using App.History;

            public sealed class Migration
            {
            #pragma warning disable MM0006 // One-off backfill that must bypass batching.
                public Task Backfill(IHistoryWriter writer) => writer.InsertAsync("backfill");
            #pragma warning restore MM0006
            }
            """;
        await VerifyAsync(source);
    }
}
