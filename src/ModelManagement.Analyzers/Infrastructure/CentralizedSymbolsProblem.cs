namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>Why a line of a CentralizedSymbols file centralizes nothing (MM0008 reports it, MM0006 skips it).</summary>
internal enum CentralizedSymbolsProblem
{
    /// <summary>The entry is usable.</summary>
    None,

    /// <summary>The line has a symbol id but no <c>;owner</c> after it.</summary>
    MissingOwner,

    /// <summary>A field between semicolons is empty.</summary>
    EmptyField,

    /// <summary>The symbol id does not start with T:, N:, M:, P:, F: or E:.</summary>
    InvalidSymbolId,

    /// <summary>An owner id does not start with T:.</summary>
    InvalidOwnerId,

    /// <summary>The symbol id resolves to nothing in the compilation.</summary>
    UnresolvedSymbol,

    /// <summary>An owner id resolves to no type in the compilation.</summary>
    UnresolvedOwner,

    /// <summary>
    /// An id has a bracket that is never closed, or closed without being opened (<c>M:N.T.Insert(System.String</c>):
    /// Roslyn resolves some such ids leniently, maybe to another overload than the one meant.
    /// </summary>
    UnbalancedBrackets,
}
