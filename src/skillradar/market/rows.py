"""Query results as rows that also become a pandas DataFrame or an Arrow table, for notebook users.

Every market query returns :class:`Rows`: a plain ``list`` of dicts (so JSON, loops and equality work
as before) that knows its column order and converts on request. pandas and pyarrow are imported only
by the conversion, so a query that prints a table never pays for them::

    rows = market.top("market.duckdb", location="Berlin")
    rows.to_pandas().head()          # or rows.to_arrow()

A doctest on a real list of rows:

    >>> rows = Rows([{"skill_id": "lang.python", "postings": 3, "share": 0.5}])
    >>> rows == [{"skill_id": "lang.python", "postings": 3, "share": 0.5}], rows.columns
    (True, ['skill_id', 'postings', 'share'])
    >>> rows.to_arrow().schema.field("postings").type, list(rows.to_pandas().dtypes.astype(str))[1:]
    (DataType(int64), ['int64', 'float64'])
"""

from __future__ import annotations

__all__ = ["Rows"]

# Column types by name, so an empty result still converts with the right dtypes.
_INT = {"postings", "total", "via_narrower", "postings_before", "postings_after", "total_before", "total_after",
        "both", "postings_skill", "postings_other", "postings_a", "postings_b", "total_a", "total_b"}
_FLOAT = {"share", "ci_low", "ci_high", "share_before", "share_after", "diff", "p_value", "q_value", "lift",
          "share_a", "share_b", "ci_low_a", "ci_high_a", "ci_low_b", "ci_high_b", "diff_ci_low", "diff_ci_high",
          "weight", "similarity"}
_BOOL = {"thin"}


class Rows(list):
    """A list of row dicts with ``columns`` (their order) and ``meta`` (what the query knew: n,
    overlap of compared sides …), convertible with :meth:`to_pandas` and :meth:`to_arrow`."""

    def __init__(self, rows=(), columns=(), meta: dict | None = None):
        super().__init__(rows)
        self.columns = list(columns) or (list(self[0]) if self else [])
        self.meta = dict(meta or {})

    def _schema(self):
        import pyarrow as pa

        def kind(col):
            if col in _INT:
                return pa.int64()
            if col in _FLOAT:
                return pa.float64()
            if col in _BOOL:
                return pa.bool_()
            sample = next((r.get(col) for r in self if r.get(col) is not None), None)
            if isinstance(sample, bool):
                return pa.bool_()
            if isinstance(sample, int):
                return pa.int64()
            if isinstance(sample, float):
                return pa.float64()
            return pa.string()

        return pa.schema([(c, kind(c)) for c in self.columns])

    def to_arrow(self):
        """A ``pyarrow.Table`` with the columns in order (typed even when empty)."""
        import pyarrow as pa

        schema = self._schema()
        return pa.Table.from_pylist([{c: r.get(c) for c in self.columns} for r in self], schema=schema)

    def to_pandas(self):
        """A ``pandas.DataFrame`` with the columns in order (typed even when empty)."""
        import pandas as pd

        frame = pd.DataFrame([{c: r.get(c) for c in self.columns} for r in self], columns=self.columns)
        if not len(self):
            schema = self._schema()
            types = {"int64": "int64", "double": "float64", "bool": "bool"}
            frame = frame.astype({f.name: types.get(str(f.type), "object") for f in schema})
        return frame
