namespace ActorEcho.Actors.Cell;

/// <summary>
/// A set of references compared by identity, for the sets a cell keeps about other actors
/// (watchers, watched, queued Terminated). Nearly all of them hold zero or one entry, and a
/// one-entry HashSet costs ~190 bytes, kept for the actor's life: so the first entry lives in a
/// field and a HashSet appears only with the second. A mutable struct: used in place, never copied.
/// </summary>
internal struct RefSet<T>
    where T : class
{
    private T? _one;
    private HashSet<T>? _many;

    public readonly bool IsEmpty => _one is null && (_many is null || _many.Count == 0);

    /// <summary>Adds <paramref name="item"/>; false if it was already there.</summary>
    public bool Add(T item)
    {
        if (_many is not null)
        {
            return _many.Add(item);
        }

        if (_one is null)
        {
            _one = item;
            return true;
        }

        if (ReferenceEquals(_one, item))
        {
            return false;
        }

        _many = new HashSet<T>(ReferenceEqualityComparer.Instance) { _one, item };
        _one = null;
        return true;
    }

    /// <summary>Removes <paramref name="item"/>; false if it was not there.</summary>
    public bool Remove(T item)
    {
        if (_many is not null)
        {
            return _many.Remove(item);
        }

        if (_one is not null && ReferenceEquals(_one, item))
        {
            _one = null;
            return true;
        }

        return false;
    }

    public void Clear()
    {
        _one = null;
        _many = null;
    }

    public readonly Enumerator GetEnumerator() => new(_one, _many);

    /// <summary>Enumerates a snapshot-free view: the set must not change while it is enumerated.</summary>
    public struct Enumerator
    {
        private readonly bool _useMany;
        private HashSet<T>.Enumerator _many;
        private T? _one;

        internal Enumerator(T? one, HashSet<T>? many)
        {
            _useMany = many is not null;
            _many = many is null ? default : many.GetEnumerator();
            _one = one;
            Current = null!;
        }

        public T Current { get; private set; }

        public bool MoveNext()
        {
            if (_useMany)
            {
                if (_many.MoveNext())
                {
                    Current = _many.Current;
                    return true;
                }

                return false;
            }

            if (_one is not null)
            {
                Current = _one;
                _one = null;
                return true;
            }

            return false;
        }
    }
}
