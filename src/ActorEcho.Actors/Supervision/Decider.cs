namespace ActorEcho.Actors.Supervision;

/// <summary>Helpers to build the exception → <see cref="Directive"/> function of a strategy.</summary>
public static class Decider
{
    /// <summary>
    /// Akka's default: <see cref="Directive.Stop"/> for <see cref="ActorInitializationException"/>,
    /// <see cref="ActorKilledException"/> and <see cref="DeathPactException"/>; <see cref="Directive.Restart"/>
    /// for any other exception.
    /// </summary>
    public static Directive DefaultDecider(Exception exception) => exception switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>
    /// A decider that maps exception types to directives, the most specific matching type first,
    /// and uses <paramref name="fallback"/> for the rest.
    /// </summary>
    public static Func<Exception, Directive> From(Directive fallback, params KeyValuePair<Type, Directive>[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var ordered = pairs.OrderByDescending(p => Depth(p.Key)).ToArray();
        return e =>
        {
            foreach (var (type, directive) in ordered)
            {
                if (type.IsInstanceOfType(e))
                {
                    return directive;
                }
            }

            return fallback;
        };
    }

    private static int Depth(Type t)
    {
        var depth = 0;
        for (var x = t; x is not null; x = x.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
