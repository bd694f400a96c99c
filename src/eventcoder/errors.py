"""Precise errors. The CLI prints ``str(err)`` on one line and exits non-zero."""


class EventcoderError(Exception):
    """Base class of every error eventcoder raises on bad input."""

    exit_code = 2


class InputError(EventcoderError):
    """The input file or text cannot be read as a news report."""


class UnsupportedLanguageError(InputError):
    """The text is not in English."""

    exit_code = 3


class GazetteerError(EventcoderError):
    """The gazetteer is missing or corrupt."""


class GoldFileError(EventcoderError):
    """A gold CSV file is malformed."""


class ModelFileError(EventcoderError):
    """A trained model file is of the wrong kind or version."""


class StoreError(InputError):
    """The event store cannot be opened or written (bad path, unreachable server, read-only file)."""


class SchemaError(StoreError):
    """The database is not an eventcoder store, or its schema is one this eventcoder does not know."""
