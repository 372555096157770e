"""Analysis of statements: position map, discourse networks, coalition cohesion, fractures;
of events: dyads over time on the conflict–cooperation scale.

Every function returns a `Table` (a list of dicts) that `.to_pandas()` turns into a DataFrame.
"""
from detente.analysis.blocs import Blocs
from detente.analysis.cohesion import agreement_index, cohesion
from detente.analysis.events import dyads
from detente.analysis.filters import Window, select, time_windows
from detente.analysis.fractures import fractures
from detente.analysis.networks import network_over_time, one_mode, two_mode
from detente.analysis.positions import position_map
from detente.analysis.table import Table

__all__ = [
    "Blocs", "Table", "Window", "agreement_index", "cohesion", "dyads", "fractures",
    "network_over_time", "one_mode", "position_map", "select", "time_windows", "two_mode",
]
