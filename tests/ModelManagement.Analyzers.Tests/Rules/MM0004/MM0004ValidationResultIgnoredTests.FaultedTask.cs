using System.Threading.Tasks;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>
/// The throw fix in a function that returns a task without being <c>async</c>: the failure goes into the returned task
/// (<c>return Task.FromException&lt;T&gt;(…)</c>), as an <c>async</c> method's throw would put it there. A shapes round found
/// the throw escaping from the call itself (<c>items.Select(TellAsync)</c> threw before any task existed).
/// </summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task NoObservingCaller_AsyncVoidOrEventHandler_ReturnsInsteadOfThrowing()
    {
        // A fix-shapes round: the throw written into a Save button's `async void` handler (and an `async (s, e) =>`
        // subscription) went to the thread pool and killed the process where it used to save. Where no caller can observe
        // an exception — async void methods, local functions and lambdas, void event handlers, lambdas subscribed with `+=`
        // — the branch returns, skipping the work. A catch of the handler's own, or a plain void method, still gets the throw.
        var source = Generator("", members: """
                public string Text = "draft";
                public System.Collections.Generic.List<string> Saved = new System.Collections.Generic.List<string>();
                public event EventHandler Clicked;

                public async void OnSaveClicked(object sender, EventArgs e)
                {
                    await [|_validator.ValidateAsync(Text, CancellationToken.None)|];
                    Saved.Add(Text);
                }

                public void OnPublishClicked(object sender, EventArgs e)
                {
                    [|_validator.Validate(Text)|]; // before publishing
                    Saved.Add(Text);
                }

                public void Wire()
                {
                    Clicked += (s, e) =>
                    {
                        [|_validator.Validate(Text)|];
                        Saved.Add(Text);
                    };
                    async void Fire()
                    {
                        await [|_validator.ValidateAsync(Text, CancellationToken.None)|];
                        Saved.Add(Text);
                    }
                    Fire();
                }

                public async void OnRetryClicked(object sender, EventArgs e)
                {
                    try
                    {
                        await [|_validator.ValidateAsync(Text, CancellationToken.None)|];
                        Saved.Add(Text);
                    }
                    catch (InvalidOperationException ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }

                public void Publish()
                {
                    [|_validator.Validate(Text)|];
                    Saved.Add(Text);
                }
            """);
        var fixedSource = Generator("", members: """
                public string Text = "draft";
                public System.Collections.Generic.List<string> Saved = new System.Collections.Generic.List<string>();
                public event EventHandler Clicked;

                public async void OnSaveClicked(object sender, EventArgs e)
                {
                    var validation = await _validator.ValidateAsync(Text, CancellationToken.None);
                    if (!validation.IsValid)
                    {
                        return;
                    }

                    Saved.Add(Text);
                }

                public void OnPublishClicked(object sender, EventArgs e)
                {
                    var validation = _validator.Validate(Text); // before publishing
                    if (!validation.IsValid)
                    {
                        return;
                    }

                    Saved.Add(Text);
                }

                public void Wire()
                {
                    Clicked += (s, e) =>
                    {
                        var validation = _validator.Validate(Text);
                        if (!validation.IsValid)
                        {
                            return;
                        }

                        Saved.Add(Text);
                    };
                    async void Fire()
                    {
                        var validation = await _validator.ValidateAsync(Text, CancellationToken.None);
                        if (!validation.IsValid)
                        {
                            return;
                        }

                        Saved.Add(Text);
                    }
                    Fire();
                }

                public async void OnRetryClicked(object sender, EventArgs e)
                {
                    try
                    {
                        var validation = await _validator.ValidateAsync(Text, CancellationToken.None);
                        if (!validation.IsValid)
                        {
                            throw new InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                        }

                        Saved.Add(Text);
                    }
                    catch (InvalidOperationException ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }

                public void Publish()
                {
                    var validation = _validator.Validate(Text);
                    if (!validation.IsValid)
                    {
                        throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                    }

                    Saved.Add(Text);
                }
            """);
        await VerifyFixAsync(source, fixedSource, Fallback, iterations: 6);
    }

    [Fact]
    public async Task NoObservingCaller_ACatchThatDoesNotKeepTheThrow_OrALambdaHandedOn_StillReturns()
    {
        // A fix-shapes round on the change above: a handler's `catch (IOException)`, a filtered catch or one that rethrows
        // does not keep the fix's InvalidOperationException (the process still died), and a synchronous lambda handed to
        // `List.ForEach` throws into the handler around it. Each returns (the lambda skips its item) instead.
        var source = Generator("", members: """
                public string Text = "draft";
                public System.Collections.Generic.List<string> Saved = new System.Collections.Generic.List<string>();

                public async void OnSaveClicked(object sender, EventArgs e)
                {
                    try
                    {
                        await [|_validator.ValidateAsync(Text, CancellationToken.None)|];
                        Saved.Add(Text);
                    }
                    catch (System.IO.IOException)
                    {
                        Saved.Add("disk full");
                    }
                    catch (Exception ex) when (ex is TimeoutException)
                    {
                        Saved.Add("timeout");
                    }
                }

                public void OnBulkClicked(object sender, EventArgs e)
                {
                    Saved.ForEach(item =>
                    {
                        [|_validator.Validate(item)|];
                        Console.WriteLine(item);
                    });
                }
            """);
        var fixedSource = Generator("", members: """
                public string Text = "draft";
                public System.Collections.Generic.List<string> Saved = new System.Collections.Generic.List<string>();

                public async void OnSaveClicked(object sender, EventArgs e)
                {
                    try
                    {
                        var validation = await _validator.ValidateAsync(Text, CancellationToken.None);
                        if (!validation.IsValid)
                        {
                            return;
                        }

                        Saved.Add(Text);
                    }
                    catch (System.IO.IOException)
                    {
                        Saved.Add("disk full");
                    }
                    catch (Exception ex) when (ex is TimeoutException)
                    {
                        Saved.Add("timeout");
                    }
                }

                public void OnBulkClicked(object sender, EventArgs e)
                {
                    Saved.ForEach(item =>
                    {
                        var validation = _validator.Validate(item);
                        if (!validation.IsValid)
                        {
                            return;
                        }

                        Console.WriteLine(item);
                    });
                }
            """);
        await VerifyFixAsync(source, fixedSource, Fallback, iterations: 2);
    }

    [Fact]
    public async Task Throw_NonAsyncMethodReturningATask_ReturnsAFaultedTask()
    {
        var source = Generator("", members: """
                public Task<string> TellAsync(string story)
                {
                    [|_validator.Validate(story)|];
                    return Task.FromResult(story);
                }

                public Task PublishAsync(string story)
                {
                    [|_validator.Validate(story)|]; // before it leaves
                    return Task.CompletedTask;
                }
            """);
        var fixedSource = Generator("", members: """
                public Task<string> TellAsync(string story)
                {
                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        return Task.FromException<string>(new InvalidOperationException("Validation failed: Validate rejected the content."));
                    }

                    return Task.FromResult(story);
                }

                public Task PublishAsync(string story)
                {
                    var validation = _validator.Validate(story); // before it leaves
                    if (!validation.IsValid)
                    {
                        return Task.FromException(new InvalidOperationException("Validation failed: Validate rejected the content."));
                    }

                    return Task.CompletedTask;
                }
            """);
        await VerifyFixAsync(source, fixedSource, Fallback, iterations: 2);
    }

    [Fact]
    public async Task Throw_NonAsyncLambdaReturningATask_ReturnsAFaultedTask()
    {
        var source = Generator("""
                    System.Func<string, Task<string>> review = draft =>
                    {
                        [|_validator.Validate(draft)|];
                        return Task.FromResult(draft);
                    };
                    story = await review(story).ConfigureAwait(false);
            """);
        var fixedSource = Generator("""
                    System.Func<string, Task<string>> review = draft =>
                    {
                        var validation = _validator.Validate(draft);
                        if (!validation.IsValid)
                        {
                            return Task.FromException<string>(new InvalidOperationException("Validation failed: Validate rejected the content."));
                        }

                        return Task.FromResult(draft);
                    };
                    story = await review(story).ConfigureAwait(false);
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task Throw_NonAsyncTaskMethod_InsideItsOwnTryCatch_OrReturningAValueTask_StillThrows()
    {
        // The method's own catch handles the throw (it would not see a returned faulted task); a ValueTask has no
        // FromException before .NET 5, so it keeps the throw everywhere.
        var source = Generator("", members: """
                public Task<string> TellAsync(string story)
                {
                    try
                    {
                        [|_validator.Validate(story)|];
                        return Task.FromResult(story);
                    }
                    catch (InvalidOperationException e)
                    {
                        return Task.FromResult(e.Message);
                    }
                }

                public ValueTask<string> ShowAsync(string story)
                {
                    [|_validator.Validate(story)|];
                    return new ValueTask<string>(story);
                }
            """);
        var fixedSource = Generator("", members: """
                public Task<string> TellAsync(string story)
                {
                    try
                    {
                        var validation = _validator.Validate(story);
                        if (!validation.IsValid)
                        {
                            throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                        }

                        return Task.FromResult(story);
                    }
                    catch (InvalidOperationException e)
                    {
                        return Task.FromResult(e.Message);
                    }
                }

                public ValueTask<string> ShowAsync(string story)
                {
                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                    }

                    return new ValueTask<string>(story);
                }
            """);
        await VerifyFixAsync(source, fixedSource, Fallback, iterations: 2);
    }
}

/// <summary>The validated value handed on through calls on it (<c>return story.Trim();</c>) still takes the fallback.</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task ReturnFallback_FunctionReturnsACallOnTheValidatedValue_ReturnsTheFallback()
    {
        // A fix-shapes round: `_validator.ValidateNarrative(story); return story.Trim();` got the throw although its
        // generator had a fallback, because only `return story;` counted as handing the validated content on.
        var source = Generator("", members: """
                public string Tell(string story)
                {
                    [|_validator.Validate(story)|];
                    return story.Trim().ToUpperInvariant();
                }

                private static string StoryFallback(string story) => "(withheld)";
            """);
        var fixedSource = Generator("", members: """
                public string Tell(string story)
                {
                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        return StoryFallback(story);
                    }

                    return story.Trim().ToUpperInvariant();
                }

                private static string StoryFallback(string story) => "(withheld)";
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }
}
