namespace ModelManagement.Patterns;

/// <summary>What <see cref="AsyncLazy{T}"/> and <see cref="AsyncInitializer"/> do after a run of the factory fails or is cancelled.</summary>
public enum AsyncLazyFailureMode
{
    /// <summary>
    /// The default: a failed or cancelled run is not kept. Callers already waiting for it observe its exception;
    /// the next caller starts a new run. Suits transient failures (a model store that was briefly unreachable).
    /// </summary>
    Retry = 0,

    /// <summary>
    /// A failed or cancelled run is kept like a value: every later caller observes the same exception and the
    /// factory never runs again (the semantics of <see cref="System.Lazy{T}"/> with a throwing factory).
    /// </summary>
    Cache = 1,
}
