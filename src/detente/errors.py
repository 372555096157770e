"""One family of errors, each a sentence a user can act on.

Every error Détente raises on purpose is a :class:`DetenteError`. A :class:`UsageError`
is a mistake in what the user asked for (an option, a file they named): the command line
exits with 2 before it writes anything. Any other :class:`DetenteError` is a run that
could not go on (exit 1).
"""
from __future__ import annotations


class DetenteError(Exception):
    """Something Détente cannot do; the message says what and why."""

    exit_code = 1


class UsageError(DetenteError):
    """A mistake in what the user asked for: an option, a path, a file of theirs."""

    exit_code = 2


class ConfigError(UsageError):
    """A configuration file or option value that cannot be used."""


class InputPathError(UsageError):
    """A path given on the command line does not exist."""


class FieldMappingError(UsageError):
    """A --field mapping that does not read FIELD=COLUMN with a known field."""


class ModelNotFound(UsageError):
    """The spaCy model named in the configuration is not installed."""


class TaxonomyError(UsageError):
    """An issue taxonomy is missing, unreadable, or does not follow the schema."""


class KbError(UsageError):
    """A knowledge-base folder, file or record that cannot be used."""


class DatabaseURLError(UsageError):
    """A --db URL that is malformed or names a database Détente cannot drive."""


class StoreError(DetenteError):
    """The database cannot be opened or written."""


class RunError(DetenteError):
    """A run that cannot go on, such as an output folder that cannot be written."""


class EvaluationError(DetenteError):
    """Gold, scorer or run outputs are missing for an evaluation."""


class QueryError(UsageError):
    """A filter, page or record asked of the store (the server's API) that cannot be given."""


class RecordNotFound(QueryError):
    """A record, article or page asked of the server that the store does not hold."""


class OntologyError(UsageError):
    """An event ontology is missing, unreadable, or does not follow the schema."""
