"""Errors a person caused and should read about, as opposed to bugs."""


class UserError(Exception):
    """Something the person asked for cannot be done; the message says why and what to do."""

    def __init__(self, message: str, *, blocks: list[dict] | None = None) -> None:
        super().__init__(message)
        self.blocks = blocks  # e.g. a button that does what is missing


class NotAllowed(UserError):
    """The person may not do this to this case."""


class NotFound(UserError):
    """No such case."""
