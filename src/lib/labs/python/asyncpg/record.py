"""asyncpg's Record: a row read by column name (`row["id"]`) or position (`row[0]`), compared like a tuple."""


class Record:
    __slots__ = ("_names", "_values", "_index")

    def __init__(self, names, values, index=None):
        self._names = names
        self._values = values
        self._index = index if index is not None else Record.index_of(names)

    @staticmethod
    def index_of(names):
        """Each column's position; a name given twice (two tables' `id`) reads the first, as in asyncpg."""
        index = {}
        for i, name in enumerate(names):
            index.setdefault(name, i)
        return index

    def __getitem__(self, key):
        if isinstance(key, (int, slice)):
            return self._values[key]
        if isinstance(key, str):
            if key not in self._index:
                raise KeyError(key)
            return self._values[self._index[key]]
        raise TypeError(f"a Record is read by column name or index, not by {type(key).__name__}")

    def get(self, key, default=None):
        return self._values[self._index[key]] if key in self._index else default

    def keys(self):
        return iter(self._names)

    def values(self):
        return iter(self._values)

    def items(self):
        return iter(zip(self._names, self._values))

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __contains__(self, name):
        return name in self._index

    def __eq__(self, other):
        if isinstance(other, Record):
            return self._values == other._values
        if isinstance(other, tuple):
            return self._values == other
        return NotImplemented

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        fields = " ".join(f"{name}={value!r}" for name, value in zip(self._names, self._values))
        return f"<Record {fields}>" if fields else "<Record>"
