"""Analysis of statements: duplicates and reposts, position map, discourse networks, coalition
cohesion, fractures, position shifts, voice; of events: dyads over time on the conflict–cooperation
scale; `analyse` computes every table of a run.

Every function returns a `Table` (a list of dicts) that `.to_pandas()` turns into a DataFrame.
"""
from detente.analysis.blocs import Blocs
from detente.analysis.cohesion import agreement_index, cohesion
from detente.analysis.duplicates import DUPLICATE_OPTIONS, deduplicate
from detente.analysis.events import dyads
from detente.analysis.filters import Window, select, time_windows
from detente.analysis.fractures import fractures
from detente.analysis.networks import network_over_time, one_mode, two_mode
from detente.analysis.positions import position_map
from detente.analysis.reposts import reposts, without_reposts
from detente.analysis.shifts import shifts
from detente.analysis.suite import Findings, analyse
from detente.analysis.table import Table
from detente.analysis.voice import voice

__all__ = [
    "DUPLICATE_OPTIONS", "Blocs", "Findings", "Table", "Window", "agreement_index", "analyse", "cohesion",
    "deduplicate", "dyads", "fractures", "network_over_time", "one_mode", "position_map", "reposts", "select",
    "shifts", "time_windows", "two_mode", "voice", "without_reposts",
]
