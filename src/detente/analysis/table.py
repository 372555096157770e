"""Analysis results as tables: lists of dicts that convert to pandas DataFrames."""
from __future__ import annotations


class Table(list):
    """A list of rows (dicts) with the same keys; `to_pandas()` gives a DataFrame."""

    def to_pandas(self):
        """The rows as a pandas DataFrame (pandas is an optional dependency)."""
        try:
            import pandas as pd
        except ModuleNotFoundError as err:  # pragma: no cover - depends on the environment
            raise ModuleNotFoundError(
                "Converting a table to a DataFrame needs pandas; install it with `pip install pandas`."
            ) from err
        return pd.DataFrame(list(self))
