using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Returned values that reject instead of handing content on: MM0005's run-once guards that return an error (Result
/// style) are no initialization, and MM0004's paths that return one need not read the verdict, as paths ending in
/// <c>throw</c> need not.
/// </summary>
internal static class RejectionResults
{
    /// <summary>
    /// A returned error in the Result style (Remora's <c>return new InvalidOperationError("already connected");</c>,
    /// FluentResults' <c>Result.Fail(..)</c>): a new object whose type, or a base type, is named for an error or a failure,
    /// or a static factory named so.
    /// </summary>
    public static bool IsRejection(IOperation returned)
    {
        switch (Shapes.WithoutConversions(returned))
        {
            case IObjectCreationOperation { Type: { } type }:
                for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                {
                    if (NamesFailure(current.Name))
                    {
                        return true;
                    }
                }

                return false;
            case IInvalidOperation { Syntax: ObjectCreationExpressionSyntax { Type: var written } }:
                // The error type of a package the compilation lacks (an IDE still loading references): judged by its name.
                return written.ToString() is var text && NamesFailure(text.Substring(text.LastIndexOf('.') + 1));
            case IInvocationOperation { TargetMethod: { IsStatic: true } method }:
                return method.Name.StartsWith("Fail", StringComparison.Ordinal)
                    || method.Name.StartsWith("Error", StringComparison.Ordinal)
                    || method.Name.StartsWith("FromError", StringComparison.Ordinal)
                    || method.Name.StartsWith("Invalid", StringComparison.Ordinal)
                    || method.Name.StartsWith("Reject", StringComparison.Ordinal);
            default:
                return false;
        }
    }

    /// <summary>
    /// An error reported on the way out: an error-level log call (<c>Log.Error(..)</c>, <c>_logger.LogError(..)</c>,
    /// <c>LogCritical</c>, <c>Fatal</c>, <c>TraceError</c>) or a write to <c>Console.Error</c>, as a statement (awaited or
    /// not). A path that reports one and returns without the state rejects, as a throw would (seqcli's option-conflict
    /// checks: <c>Log.Error("… mutually exclusive"); return 1;</c>).
    /// </summary>
    public static bool IsErrorReport(IOperation operation)
    {
        if (operation is IExpressionStatementOperation statement)
        {
            operation = statement.Operation;
        }

        if (operation is IAwaitOperation awaited)
        {
            operation = Shapes.WithoutConversions(awaited.Operation) ?? awaited.Operation;
        }

        if (operation is not IInvocationOperation { TargetMethod.Name: var name } invocation)
        {
            return false;
        }

        return name is "Error" or "ErrorFormat" or "Fatal" or "FatalFormat" or "Critical" or "LogError" or "LogCritical" or "TraceError" or "WriteError"
            || invocation.Instance is IPropertyReferenceOperation
            {
                Property: { Name: "Error", IsStatic: true, ContainingType: { Name: "Console", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
            };
    }

    private static bool NamesFailure(string name)
        => name.IndexOf("Error", StringComparison.Ordinal) >= 0
            || name.IndexOf("Fail", StringComparison.Ordinal) >= 0
            || name.StartsWith("Invalid", StringComparison.Ordinal)
            || name.IndexOf("Reject", StringComparison.Ordinal) >= 0;

    /// <summary>
    /// <see cref="IsRejection"/>, or a constant <c>false</c>, <c>null</c> or <c>default</c>: what a validating member returns
    /// when it hands nothing on (Duende's WebAuthn ceremonies return a <c>…Failure</c> before reading the origin verdict;
    /// its TOTP check runs a dummy validation for timing and returns <c>false</c>).
    /// </summary>
    public static bool IsRejectionOrNothing(IOperation returned)
        => IsRejection(returned)
            || Shapes.WithoutConversions(returned) is { ConstantValue: { HasValue: true, Value: null or false } } or IDefaultValueOperation;
}
