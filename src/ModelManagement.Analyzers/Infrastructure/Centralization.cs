using System;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// What MM0006 knows about one centralized symbol: the processors that own it, the types whose code may use it freely
/// (the declaring type, the types of the members it overrides or implements, a listed containing type) and the
/// namespaces listed with <c>N:</c> whose own code may use it.
/// </summary>
internal sealed class Centralization
{
    private string? _ownerDisplay;

    public Centralization(
        ImmutableArray<INamedTypeSymbol> owners,
        ImmutableArray<INamedTypeSymbol> declarers,
        ImmutableArray<INamespaceSymbol> namespaces)
    {
        Owners = owners;
        Declarers = declarers;
        Namespaces = namespaces;
    }

    /// <summary>The processor types (original definitions).</summary>
    public ImmutableArray<INamedTypeSymbol> Owners { get; }

    /// <summary>Types whose code (and whose implementations' and subclasses' code) may use the symbol.</summary>
    public ImmutableArray<INamedTypeSymbol> Declarers { get; }

    /// <summary>Namespaces of <c>N:</c> entries: code inside them may use the symbol.</summary>
    public ImmutableArray<INamespaceSymbol> Namespaces { get; }

    /// <summary>The owners for the message: <c>'A'</c>, or <c>'A' or 'B'</c>. Built once, on the first report.</summary>
    public string OwnerDisplay
    {
        get
        {
            var display = Volatile.Read(ref _ownerDisplay);
            if (display is not null)
            {
                return display;
            }

            // Sorted, so the message does not depend on whether the attribute or a file named an owner first.
            var names = new string[Owners.Length];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = Owners[i].ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
            }

            Array.Sort(names, StringComparer.Ordinal);
            var builder = new StringBuilder();
            for (var i = 0; i < names.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append(i == names.Length - 1 ? " or " : ", ");
                }

                builder.Append('\'').Append(names[i]).Append('\'');
            }

            display = builder.ToString();
            Interlocked.CompareExchange(ref _ownerDisplay, display, null);
            return display;
        }
    }
}
