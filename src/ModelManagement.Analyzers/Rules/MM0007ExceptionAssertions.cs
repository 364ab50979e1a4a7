using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// Recognizes MM0007's exception assertions by containing type and member name, so every version of each library counts:
/// xunit <c>Assert.Throws*</c> (ThrowsAny*, ThrowsAsync) and <c>Record.Exception*</c>; NUnit <c>Assert.Throws*</c>,
/// <c>Assert.Catch*</c>, <c>Assert.DoesNotThrow*</c> and every <c>Throws.*</c> constraint; MSTest <c>Assert.Throws*</c>
/// (ThrowsException*, ThrowsExactly*); FluentAssertions, AwesomeAssertions and TUnit <c>Throw*</c>/<c>NotThrow*</c>; Shouldly
/// <c>ShouldThrow*</c>/<c>ShouldNotThrow*</c> and <c>Should.Throw*</c>/<c>Should.NotThrow*</c>.
/// </summary>
internal static class MM0007ExceptionAssertions
{
    // Namespace nesting or attribute inheritance deeper than this is not real code.
    private const int MaxNamespaceDepth = 16;

    // Namespaces outermost first (Namespaces.IsExactly): Xunit; NUnit.Framework; Microsoft.VisualStudio.TestTools.UnitTesting.
    private static readonly string[] XunitNamespace = { "Xunit" };
    private static readonly string[] NUnitNamespace = { "NUnit", "Framework" };
    internal static readonly string[] MSTestNamespace = { "Microsoft", "VisualStudio", "TestTools", "UnitTesting" };

    /// <summary>True when <paramref name="member"/> (an invoked method or a referenced property) is an exception assertion.</summary>
    public static bool IsExceptionAssertion(ISymbol member)
    {
        if (member is IMethodSymbol { ReducedFrom: { } reduced })
        {
            member = reduced;
        }

        var type = member.ContainingType;
        if (type is null)
        {
            return false;
        }

        // Cheap tests first: the containing type's simple name and the member's name; namespaces only when they match.
        var name = member.Name;
        switch (type.Name)
        {
            case "Assert":
                if (Namespaces.IsExactly(type.ContainingNamespace, XunitNamespace) || Namespaces.IsExactly(type.ContainingNamespace, MSTestNamespace))
                {
                    return StartsWith(name, "Throws");
                }

                return Namespaces.IsExactly(type.ContainingNamespace, NUnitNamespace)
                    && (StartsWith(name, "Throws") || StartsWith(name, "Catch") || StartsWith(name, "DoesNotThrow"));
            case "Record":
                return StartsWith(name, "Exception") && Namespaces.IsExactly(type.ContainingNamespace, XunitNamespace);
            case "Throws":
                return Namespaces.IsExactly(type.ContainingNamespace, NUnitNamespace);
        }

        if (StartsWith(name, "Throw") || StartsWith(name, "NotThrow"))
        {
            var root = Namespaces.RootName(type.ContainingNamespace);
            return root is "FluentAssertions" or "AwesomeAssertions" or "TUnit" || (root is "Shouldly" && type.Name == "Should");
        }

        return (StartsWith(name, "ShouldThrow") || StartsWith(name, "ShouldNotThrow"))
            && Namespaces.RootName(type.ContainingNamespace) is "Shouldly";
    }

    /// <summary>
    /// True when <paramref name="testMethod"/> carries an expected-exception attribute: MSTest's
    /// <c>[ExpectedException]</c> or another <c>ExpectedExceptionBaseAttribute</c> subclass, or any attribute class named
    /// <c>ExpectedExceptionAttribute</c> (NUnit 2 and extension libraries had their own).
    /// </summary>
    public static bool HasExpectedExceptionAttribute(IMethodSymbol testMethod)
    {
        foreach (var attribute in testMethod.GetAttributes())
        {
            INamedTypeSymbol? current = attribute.AttributeClass;
            for (var depth = 0; current is not null && depth < MaxNamespaceDepth; depth++)
            {
                if (current.Name is "ExpectedExceptionAttribute" or "ExpectedExceptionBaseAttribute")
                {
                    return true;
                }

                current = current.BaseType;
            }
        }

        return false;
    }

    /// <summary>
    /// A <c>catch</c> in a test that checks the failure it provoked: it records it in a variable (<c>catch (Exception) {
    /// detected = true; }</c>, duplicati's parity test) or asserts on it (<c>Assert.Equal(…, ex.Message)</c>). Not one that
    /// swallows it (<c>catch { }</c>, <c>return;</c>), logs and rethrows it (any <c>throw</c> in the handler), skips the
    /// test (<c>Assert.Inconclusive</c>, <c>Assert.Ignore</c>, <c>Skip…</c>: "the network is down", not a failure path),
    /// rules the failure out (<c>Assert.Fail("should not throw")</c>) or asserts only constants (<c>Assert.True(true)</c>).
    /// Also the expected-exception idiom (<see cref="ExpectsTheException"/>), whose handler may be empty.
    /// </summary>
    public static bool HandlesTheFailure(CatchClauseSyntax catchClause)
    {
        var checks = ExpectsTheException(catchClause);
        foreach (var node in catchClause.Block.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case ThrowStatementSyntax or ThrowExpressionSyntax:
                    return false; // the failure goes on: the test fails, it does not check it
                case InvocationExpressionSyntax { Expression: var invoked }:
                    var name = invoked switch
                    {
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        SimpleNameSyntax simple => simple.Identifier.ValueText,
                        _ => string.Empty,
                    };
                    if (name is "Inconclusive" or "Ignore" or "Fail" || StartsWith(name, "Skip"))
                    {
                        return false; // a skip, or `Assert.Fail("should not throw")`: the failure is what the test rules out
                    }

                    var invocation = (InvocationExpressionSyntax)node;
                    checks |= (invoked.ToString().IndexOf("Assert", StringComparison.Ordinal) >= 0
                            || StartsWith(name, "Should") || StartsWith(name, "Verify") || StartsWith(name, "Expect"))
                        && !OnlyConstants(invocation.ArgumentList); // `Assert.True(true)` checks nothing
                    break;
                case AssignmentExpressionSyntax:
                    checks = true;
                    break;
            }
        }

        return checks;
    }

    /// <summary>
    /// The expected-exception idiom older suites wrote before <c>Assert.Throws</c>: <c>try { call; Assert.Fail("expected");
    /// } catch (HttpRequestException) { }</c> — a catch of a named exception type (not <c>Exception</c> itself) whose try block
    /// ends, after the call, in a failing assertion (<c>Assert.Fail(…)</c>, <c>Assert.True(false…)</c>,
    /// <c>Assert.IsTrue(false…)</c>): the test passes only when the call throws that exception (a fix-shapes round's
    /// <c>MetricsIntegrationTests</c>).
    /// </summary>
    private static bool ExpectsTheException(CatchClauseSyntax catchClause)
    {
        if (catchClause.Parent is not TryStatementSyntax { Block.Statements: { Count: >= 2 } statements }
            || catchClause.Declaration?.Type is not { } caught
            || (caught is IdentifierNameSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax
                && caught.ToString() is "Exception" or "System.Exception" or "global::System.Exception")
            || statements[statements.Count - 1] is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } failing }
            || access.Expression.ToString().IndexOf("Assert", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        return access.Name.Identifier.ValueText switch
        {
            "Fail" => true,
            "True" or "IsTrue" => failing.ArgumentList.Arguments.Count > 0
                && failing.ArgumentList.Arguments[0].Expression.IsKind(SyntaxKind.FalseLiteralExpression),
            _ => false,
        };
    }

    private static bool OnlyConstants(ArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.Expression is not LiteralExpressionSyntax)
            {
                return false;
            }
        }

        return arguments.Arguments.Count > 0;
    }

    /// <summary>
    /// The syntactic form of <see cref="IsExceptionAssertion"/>, for bodies no semantic model is at hand for (test methods
    /// inherited from a base class declared in another class): the same member names on the receivers as written
    /// (<c>Assert.</c>, <c>Record.</c>, <c>Throws.</c>, <c>.Should().</c>, <c>Should.</c>).
    /// </summary>
    public static bool ContainsExceptionAssertion(SyntaxNode body, CancellationToken cancellationToken)
    {
        foreach (var node in body.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((node is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
                    && IsAssertionAccess(access))
                || (node is CatchClauseSyntax catchClause && HandlesTheFailure(catchClause)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAssertionAccess(MemberAccessExpressionSyntax access)
    {
        var name = access.Name.Identifier.ValueText;
        if (StartsWith(name, "ShouldThrow") || StartsWith(name, "ShouldNotThrow"))
        {
            return true;
        }

        switch (access.Expression)
        {
            case IdentifierNameSyntax { Identifier.ValueText: var receiver }:
                return IsStaticReceiverAssertion(receiver, name);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: var receiver }:
                return IsStaticReceiverAssertion(receiver, name);
            case AliasQualifiedNameSyntax { Name.Identifier.ValueText: var receiver }:
                return IsStaticReceiverAssertion(receiver, name);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Should" } }:
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Should" } }:
                return StartsWith(name, "Throw") || StartsWith(name, "NotThrow");
            default:
                return false;
        }
    }

    private static bool IsStaticReceiverAssertion(string receiver, string name) => receiver switch
    {
        "Assert" => StartsWith(name, "Throws") || StartsWith(name, "Catch") || StartsWith(name, "DoesNotThrow"),
        "Record" => StartsWith(name, "Exception"),
        "Throws" => true,
        "Should" => StartsWith(name, "Throw") || StartsWith(name, "NotThrow"),
        _ => false,
    };

    private static bool StartsWith(string name, string prefix) => name.StartsWith(prefix, StringComparison.Ordinal);
}
