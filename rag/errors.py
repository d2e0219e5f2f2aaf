"""The project's error family: every message says what went wrong and what to do."""


class RagError(Exception):
    """Base of all errors the CLI and the app catch at the edge (exit code 2)."""

    exit_code = 2


class ConfigError(RagError):
    """A setting is missing or invalid."""


class IngestError(RagError):
    """A file could not be read or indexed; the existing index is untouched."""


class InputError(RagError):
    """A user input (jurisdiction, draft, facts file) is unusable."""


class BackendError(RagError):
    """A generative backend failed; callers fall back to the offline path."""


class IndexMissingError(RagError):
    """No index has been built yet."""
