"""Files for other tools: every record type as JSON Lines and CSV (``records``), the
networks as GraphML and CSV edge lists, statements in DNA's layout (``networks``), events as a
POLECAT-like CSV (``events``), and every analysis table as JSON Lines and CSV (``analysis``)."""
from detente.exports.analysis import write_analysis
from detente.exports.events import write_events_csv
from detente.exports.networks import write_networks
from detente.exports.records import write_csv, write_jsonl, write_records

__all__ = ["write_analysis", "write_csv", "write_events_csv", "write_jsonl", "write_networks", "write_records"]
