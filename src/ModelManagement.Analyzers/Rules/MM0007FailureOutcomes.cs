using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0007's second way a test covers a failure path: an assertion that expects a failure outcome — a failure status or
/// an enum value named for a failure — the way HTTP and gRPC integration tests check a rejection
/// (<c>Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode)</c>, microsoft-identity-web's signing-key issuer test).
/// </summary>
/// <remarks>
/// An assertion is a call of a method of an assertion library (xunit, NUnit, MSTest, FluentAssertions, AwesomeAssertions,
/// Shouldly, TUnit); the expected outcome is found among its arguments (and what they contain: NUnit's
/// <c>Is.EqualTo(HttpStatusCode.NotFound)</c>), never inside a lambda. A failure outcome is
/// <list type="bullet">
/// <item>a <c>System.Net.HttpStatusCode</c> value of 400 or more (<c>HttpStatusCode.BadGateway</c>, <c>(HttpStatusCode)503</c>);</item>
/// <item>a <c>Grpc.Core.StatusCode</c> other than <c>OK</c>;</item>
/// <item>an <c>int</c> constant of 400–599 declared on a type named <c>StatusCodes</c> (ASP.NET Core's <c>StatusCodes.Status404NotFound</c>);</item>
/// <item>a member of any enum whose name holds a failure word of the vocabulary (<c>ValidationStatus.Invalid</c>,
/// <c>TaskStatus.Canceled</c>, <c>ModelState.Unavailable</c>);</item>
/// <item>an <c>int</c> literal of 400–599 compared in the same assertion with a <c>StatusCode</c> property
/// (<c>Assert.Equal(404, (int)response.StatusCode)</c>);</item>
/// <item><c>IsSuccessStatusCode</c> asserted false (<c>Assert.False(response.IsSuccessStatusCode)</c>,
/// <c>Assert.That(response.IsSuccessStatusCode, Is.False)</c>, <c>….Should().BeFalse()</c>).</item>
/// </list>
/// A status held in a local first (<c>var expected = HttpStatusCode.NotFound;</c>) is not followed.
/// </remarks>
internal static class MM0007FailureOutcomes
{
    // Operations nested deeper than this in an assertion's argument are not looked into.
    private const int MaxDepth = 16;

    private static readonly string[] SystemNet = { "System", "Net" };
    private static readonly string[] GrpcCore = { "Grpc", "Core" };

    /// <summary>True when <paramref name="invocation"/> is an assertion whose arguments expect a failure outcome.</summary>
    public static bool IsFailureOutcomeAssertion(IInvocationOperation invocation, MM0007Options options)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (invocation.Arguments.IsEmpty || !IsAssertionLibrary(method.ContainingType))
        {
            return false;
        }

        if (ExpectsUnsuccessfulResponse(invocation))
        {
            return true;
        }

        var statusLiteral = false;
        var statusRead = invocation.Instance is IInvocationOperation { TargetMethod.Name: "Should", Arguments: [{ Value: var actual }, ..] }
            && ReadsStatusCode(actual); // `((int)response.StatusCode).Should().Be(500)`
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0 && invocation.TargetMethod.ReducedFrom is not null)
            {
                statusRead |= ReadsStatusCode(argument.Value);
                continue; // the receiver of an extension assertion is the actual value (`((int)response.StatusCode).ShouldBe(404)`)
            }

            if (ContainsFailureOutcome(argument.Value, options, depth: 0))
            {
                return true;
            }

            statusLiteral |= Shapes.WithoutConversions(argument.Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: int code } } && code is >= 400 and <= 599;
            statusRead |= ReadsStatusCode(argument.Value);
        }

        // `Assert.Equal(404, (int)response.StatusCode)`: a failure code compared with a status code read in the same call.
        return statusLiteral && statusRead;
    }

    private static bool ReadsStatusCode(IOperation value)
        => Shapes.WithoutConversions(value) is IPropertyReferenceOperation { Property.Name: "StatusCode" };

    /// <summary>
    /// <c>IsSuccessStatusCode</c> asserted false — the response was no 2xx (duplicati's read-only destination test):
    /// <c>Assert.False(r.IsSuccessStatusCode)</c>, <c>Assert.IsFalse(…)</c>, <c>Assert.That(r.IsSuccessStatusCode, Is.False)</c>,
    /// <c>Assert.True(!r.IsSuccessStatusCode)</c>, <c>Assert.Equal(false, …)</c>, <c>r.IsSuccessStatusCode.Should().BeFalse()</c>,
    /// <c>.ShouldBeFalse()</c>, TUnit's <c>Assert.That(…).IsFalse()</c>. Asserted true, it is a happy path.
    /// </summary>
    private static bool ExpectsUnsuccessfulResponse(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        if (name is "False" or "IsFalse" or "BeFalse" or "ShouldBeFalse")
        {
            // The actual value: the first argument, the receiver of an extension, or what `Should()`/`That(…)` was given.
            var actual = invocation.Instance is IInvocationOperation { TargetMethod.Name: "Should" or "That", Arguments: [{ Value: var given }, ..] }
                ? given
                : invocation.Arguments.IsEmpty ? null : invocation.Arguments[0].Value;
            return actual is not null && ReadsSuccessStatus(actual);
        }

        var read = false;
        var expectsFalse = false;
        foreach (var argument in invocation.Arguments)
        {
            var value = Shapes.WithoutConversions(argument.Value);
            if (value is null)
            {
                continue;
            }

            if (value is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: var negated } && ReadsSuccessStatus(negated))
            {
                return name is "True" or "IsTrue" or "That"; // `Assert.True(!r.IsSuccessStatusCode)`
            }

            read |= ReadsSuccessStatus(value);
            expectsFalse |= value is ILiteralOperation { ConstantValue: { HasValue: true, Value: false } }
                || value is IPropertyReferenceOperation { Property: { Name: "False", ContainingType.Name: "Is" } }; // NUnit's `Is.False`
        }

        return read && expectsFalse;
    }

    /// <summary>
    /// A read of a success flag: <c>IsSuccessStatusCode</c>, or a result object's <c>IsSuccess</c>, <c>IsSuccessful</c>,
    /// <c>Succeeded</c>, <c>Success</c> or <c>IsOk</c> (a property, or a parameterless method returning <c>bool</c>:
    /// braintree's <c>Assert.IsFalse(result.IsSuccess())</c>, found by a triage, 166 such failure tests in its suite).
    /// </summary>
    private static bool ReadsSuccessStatus(IOperation value)
        => Shapes.WithoutConversions(value) switch
        {
            IPropertyReferenceOperation { Property.Name: var name } => IsSuccessFlagName(name),
            IInvocationOperation { Arguments.IsEmpty: true, TargetMethod: { Name: var name, ReturnType.SpecialType: SpecialType.System_Boolean } } => IsSuccessFlagName(name),
            _ => false,
        };

    private static bool IsSuccessFlagName(string name) => name == "IsSuccessStatusCode" || OutcomeFlags.IsSuccessName(name);

    /// <summary>The syntactic form of <see cref="ReadsSuccessStatus"/>: <c>r.IsSuccessStatusCode</c>, <c>result.IsSuccess()</c>.</summary>
    private static bool NamesSuccessFlag(SyntaxNode node)
        => node switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Parent: not InvocationExpressionSyntax } => IsSuccessFlagName(name),
            InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } => IsSuccessFlagName(name),
            _ => false,
        };

    /// <summary>Whether <paramref name="body"/> (an inherited test method's declaration) holds a failure-outcome assertion, read syntactically.</summary>
    public static bool ContainsFailureOutcomeAssertion(SyntaxNode body, MM0007Options options, CancellationToken cancellationToken)
    {
        foreach (var node in body.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is InvocationExpressionSyntax invocation && IsFailureOutcomeAssertion(invocation, options))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The syntactic form of <see cref="IsFailureOutcomeAssertion(IInvocationOperation, MM0007Options)"/>, for inherited test bodies read without a semantic
    /// model: a call on an assertion receiver as written (<c>Assert.</c>, <c>ClassicAssert.</c>, <c>.Should().</c>, a
    /// <c>Should…</c> method) with an argument naming <c>HttpStatusCode.X</c> (X of 400 or more), <c>StatusCodes.Status4xx…</c>
    /// or <c>Status5xx…</c>, <c>StatusCode.X</c> (gRPC, X not <c>OK</c>), or <c>AnyType.X</c> with a failure word in X.
    /// </summary>
    /// <remarks>Without symbols an enum cannot be told from a constant, so the syntactic form reads any member named for a failure.</remarks>
    private static bool IsFailureOutcomeAssertion(InvocationExpressionSyntax invocation, MM0007Options options)
    {
        if (!IsAssertionCall(invocation.Expression))
        {
            return false;
        }

        // `r.IsSuccessStatusCode.Should().BeFalse()`, `r.IsSuccessStatusCode.ShouldBeFalse()`: the actual value is the receiver.
        if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BeFalse" or "ShouldBeFalse" } assertion
            && NamesSuccessFlag(assertion.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Should" } should } ? should.Expression : assertion.Expression))
        {
            return true;
        }

        if (invocation.ArgumentList.Arguments.Count == 0)
        {
            return false;
        }

        var successRead = false;
        var expectsFalse = invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "False" or "IsFalse" or "BeFalse" or "ShouldBeFalse" };
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            foreach (var node in argument.Expression.DescendantNodesAndSelf(static n => n is not AnonymousFunctionExpressionSyntax))
            {
                if (node is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
                    && IsFailureOutcomeName(access, options))
                {
                    return true;
                }

                successRead |= NamesSuccessFlag(node);
                expectsFalse |= node.IsKind(SyntaxKind.FalseLiteralExpression)
                    || node is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression, Operand: var negated } && NamesSuccessFlag(negated)
                    || node is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Is" }, Name.Identifier.ValueText: "False" };
            }
        }

        // `Assert.False(r.IsSuccessStatusCode)` and its kin (the operation form's ExpectsUnsuccessfulResponse, by syntax).
        return successRead && expectsFalse;
    }

    private static bool ContainsFailureOutcome(IOperation operation, MM0007Options options, int depth)
    {
        if (depth > MaxDepth || operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
        {
            return false;
        }

        if (IsFailureOutcome(operation, options))
        {
            return true;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (ContainsFailureOutcome(child, options, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFailureOutcome(IOperation operation, MM0007Options options)
    {
        if (operation.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && operation.ConstantValue is { HasValue: true, Value: { } value })
        {
            if (enumType.Name == "HttpStatusCode" && Namespaces.IsExactly(enumType.ContainingNamespace, SystemNet))
            {
                return ToLong(value) >= 400;
            }

            if (enumType.Name == "StatusCode" && Namespaces.IsExactly(enumType.ContainingNamespace, GrpcCore))
            {
                return ToLong(value) != 0;
            }
        }

        return operation is IFieldReferenceOperation { Field: var field }
            && ((field.ContainingType is { TypeKind: TypeKind.Enum } && options.IsFailurePathName(field.Name))
                || (field.IsConst && field.ContainingType?.Name == "StatusCodes" && field.ConstantValue is int code && code is >= 400 and <= 599));
    }

    private static long ToLong(object value)
    {
        try
        {
            return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is OverflowException or InvalidCastException or FormatException)
        {
            return 0;
        }
    }

    private static bool IsAssertionLibrary(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.Name == "TestContext")
        {
            return false; // NUnit's and MSTest's `TestContext.WriteLine(…)` logs, it asserts nothing
        }

        if (Namespaces.IsExactly(type.ContainingNamespace, MM0007ExceptionAssertions.MSTestNamespace))
        {
            return true;
        }

        // xunit's assertions are `Assert`'s (its `ITestOutputHelper.WriteLine` logs); the other libraries assert throughout.
        var root = Namespaces.RootName(type.ContainingNamespace);
        return root is "NUnit" or "FluentAssertions" or "AwesomeAssertions" or "Shouldly" or "TUnit"
            || (root == "Xunit" && type.Name == "Assert");
    }

    private static bool IsAssertionCall(ExpressionSyntax invoked)
    {
        switch (invoked)
        {
            case MemberAccessExpressionSyntax access:
                var name = access.Name.Identifier.ValueText;
                if (name.StartsWith("Should", StringComparison.Ordinal))
                {
                    return true; // Shouldly's `ShouldBe`, `ShouldContain`
                }

                return access.Expression switch
                {
                    IdentifierNameSyntax { Identifier.ValueText: var receiver } => IsAssertReceiver(receiver),
                    MemberAccessExpressionSyntax { Name.Identifier.ValueText: var receiver } => IsAssertReceiver(receiver),
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Should" } } => true,
                    _ => false,
                };
            default:
                return false;
        }
    }

    private static bool IsAssertReceiver(string receiver) => receiver.EndsWith("Assert", StringComparison.Ordinal);

    private static bool IsFailureOutcomeName(MemberAccessExpressionSyntax access, MM0007Options options)
    {
        var member = access.Name.Identifier.ValueText;
        var owner = access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText,
            _ => null,
        };
        switch (owner)
        {
            case null:
                return false;
            case "HttpStatusCode":
                return Enum.TryParse<System.Net.HttpStatusCode>(member, ignoreCase: false, out var status) && (int)status >= 400;
            case "StatusCodes":
                return member.Length >= 9 && member.StartsWith("Status", StringComparison.Ordinal) && member[6] is '4' or '5'
                    && char.IsDigit(member[7]) && char.IsDigit(member[8]);
            case "StatusCode":
                // gRPC's codes other than OK (a status enum of another library is read by its names, like any other).
                return member is "Cancelled" or "Unknown" or "InvalidArgument" or "DeadlineExceeded" or "NotFound" or "AlreadyExists"
                        or "PermissionDenied" or "Unauthenticated" or "ResourceExhausted" or "FailedPrecondition" or "Aborted" or "OutOfRange"
                        or "Unimplemented" or "Internal" or "Unavailable" or "DataLoss"
                    || options.IsFailurePathName(member);
            default:
                return char.IsUpper(owner[0]) && options.IsFailurePathName(member);
        }
    }
}
