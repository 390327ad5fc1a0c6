"""The guard: Bolt hands a listener what it names, and a failure reaches the person instead of Bolt."""

import inspect
from typing import Any

from slack_bolt.util.utils import get_arg_names_of_callable

from bot.recovery.errors import UserError
from handlers.guard import guarded


class Client:
    """Records the DMs tell_user sends when a request has no response_url."""

    def __init__(self) -> None:
        self.posted: list[dict[str, Any]] = []

    def chat_postMessage(self, **message: Any) -> None:
        self.posted.append(message)


def test_bolt_is_asked_for_what_the_listener_names_plus_body_and_client() -> None:
    def on_press(rt: object, action: dict[str, Any]) -> None:
        """Press."""

    wrapped = guarded(on_press)
    assert get_arg_names_of_callable(wrapped) == ["rt", "action", "body", "client"]  # as Bolt reads it
    assert (wrapped.__name__, wrapped.__doc__) == ("on_press", "Press.")


def test_the_listener_gets_only_its_own_arguments() -> None:
    seen = {}

    def on_press(rt: object, action: dict[str, Any]) -> None:
        seen.update(rt=rt, action=action)

    guarded(on_press)(rt="runtime", action={"value": "7"}, body={}, client=Client())
    assert seen == {"rt": "runtime", "action": {"value": "7"}}


def test_a_refusal_after_the_acknowledgement_reaches_the_person_and_nothing_reaches_bolt() -> None:
    def on_press(body: dict[str, Any]) -> None:
        raise UserError("Only the people on REC-7 can change it.")

    client = Client()
    guarded(on_press)(body={"user": {"id": "U0OUTSIDE1"}}, client=client)  # does not raise
    assert client.posted == [{"channel": "U0OUTSIDE1", "text": "Only the people on REC-7 can change it."}]
    assert list(inspect.signature(guarded(on_press)).parameters) == ["body", "client"]
