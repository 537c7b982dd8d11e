namespace ActorEcho.Actors.Cell;

/// <summary>
/// A set of references compared by identity, for the sets a cell keeps about other actors
/// (watchers, watched, queued Terminated). Nearly all of them hold at most two entries (a
/// connection's session is watched by the connection and by the listener), and a small HashSet
/// costs ~200 bytes, kept for the actor's life: so two entries live in fields and a HashSet
/// appears only with the third. A mutable struct: used in place, never copied.
/// </summary>
internal struct RefSet<T>
    where T : class
{
    private T? _first;
    private T? _second;
    private HashSet<T>? _many;

    public readonly bool IsEmpty => _many is null ? _first is null && _second is null : _many.Count == 0;

    /// <summary>Adds <paramref name="item"/>; false if it was already there.</summary>
    public bool Add(T item)
    {
        if (_many is not null)
        {
            return _many.Add(item);
        }

        if (ReferenceEquals(_first, item) || ReferenceEquals(_second, item))
        {
            return false;
        }

        if (_first is null)
        {
            _first = item;
        }
        else if (_second is null)
        {
            _second = item;
        }
        else
        {
            _many = new HashSet<T>(ReferenceEqualityComparer.Instance) { _first, _second, item };
            _first = null;
            _second = null;
        }

        return true;
    }

    /// <summary>Removes <paramref name="item"/>; false if it was not there.</summary>
    public bool Remove(T item)
    {
        if (_many is not null)
        {
            return _many.Remove(item);
        }

        if (_first is not null && ReferenceEquals(_first, item))
        {
            _first = null;
            return true;
        }

        if (_second is not null && ReferenceEquals(_second, item))
        {
            _second = null;
            return true;
        }

        return false;
    }

    public void Clear()
    {
        _first = null;
        _second = null;
        _many = null;
    }

    public readonly Enumerator GetEnumerator() => new(_first, _second, _many);

    /// <summary>Enumerates a snapshot-free view: the set must not change while it is enumerated.</summary>
    public struct Enumerator
    {
        private readonly bool _useMany;
        private HashSet<T>.Enumerator _many;
        private T? _first;
        private T? _second;

        internal Enumerator(T? first, T? second, HashSet<T>? many)
        {
            _useMany = many is not null;
            _many = many is null ? default : many.GetEnumerator();
            _first = first;
            _second = second;
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

            if (_first is not null)
            {
                Current = _first;
                _first = null;
                return true;
            }

            if (_second is not null)
            {
                Current = _second;
                _second = null;
                return true;
            }

            return false;
        }
    }
}
