"""Fuzzing with hypothesis: the `/recover` grammar, and every Slack surface fed text and payloads Slack never sends."""

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from bot.recovery.errors import UserError
from bot.recovery.messages import ids
from bot.recovery.messages.ids import Action, Input, Modal
from bot.sandbox.cast import COMPLAINTS, FRONT_DESK, OUTSIDER
from bot.sandbox.rig import Rig
from bot.sandbox.wire import Delivery
from bot.slack.errors import SORRY
from bot.slack.grammar import USAGE, Command, UsageError, parse
from tests.helpers import all_cases, block_text, events

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
ON_A_RIG = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CHANGING = {"new", "severity", "owner", "due", "fixed", "gesture", "checkin", "improve", "close", "reopen"}

# -- text people could type after /recover ------------------------------------------------------------

WORDS = st.sampled_from(
    [
        *USAGE,
        "?",
        "HELP",
        "Show",
        "payload",
        "payload=%7B",
        "REC-1",
        "rec-1",
        "REC1",
        "REC-0",
        "REC-9999999999",
        "REC-١",
        "<@U123|x>",
        "<@W0ABC>",
        f"<@{FRONT_DESK.id}|maria>",
        "<@U123|>",
        "<@>",
        "@maria",
        "&gt;",
        "&lt;&amp;",
        "&#0;",
        "&#x110000;",
        "=>",
        "due",
        "tomorrow",
        "$1,250",
        "ok",
        "unhappy",
        "minor",
        "critical",
        "7d",
        "mine",
        "\x00",
        "\x1b[31m",
        "\u202e",
        "💥",
        "\n",
        "\t",
        "",
    ]
)
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\t", " \u00a0", "&nbsp;"])
WORDY = st.builds(
    lambda verb, separator, words: verb + separator + " ".join(words),
    WORDS,
    SEPARATORS,
    st.lists(st.one_of(WORDS, st.text(max_size=30)), max_size=10),
)
HUGE = st.builds(
    lambda verb, chunk, times: (verb + " " + chunk * times)[:50_000],
    WORDS,
    st.text(min_size=1, max_size=8),
    st.integers(500, 50_000),
)
COMMAND_TEXT = st.one_of(WORDY, st.text(), HUGE)


def parses_to(text: str) -> str | None:
    """The subcommand `text` asks for, or None when the parser refuses it (a refusal changes nothing)."""
    try:
        return parse(text, prefix="REC").name
    except UserError:
        return None


@settings(max_examples=300, deadline=None)
@given(COMMAND_TEXT)
def test_the_parser_answers_a_command_or_a_short_user_error_and_nothing_else(text):
    try:
        parsed = parse(text, prefix="REC")
    except UserError as refusal:
        message = str(refusal)
        assert message.strip() and len(message) < 1000  # names the problem, never echoes 50k characters
        assert not isinstance(refusal, UsageError) or "Usage: `/recover" in message
    else:
        assert isinstance(parsed, Command) and parsed.name in USAGE
        assert all(isinstance(value, str) for value in parsed.args.values())


# -- /recover end to end ------------------------------------------------------------------------------


Snapshot = list[tuple[dict[str, Any], int]]


def snapshot(rig: Rig) -> Snapshot:
    """Every case as stored, with the length of its timeline."""
    return [(case.model_dump(), len(events(rig, case.id))) for case in all_cases(rig)]


@pytest.fixture
def seeded(rig: Rig) -> tuple[Rig, Snapshot]:
    """The rig with one case, REC-1, logged by the front desk; and how it looks (once per test function)."""
    rig.driver.command(FRONT_DESK.id, "new The shower curtain in room 12 is torn")
    rig.service.settle()
    return rig, snapshot(rig)


def no_trace(text: str) -> bool:
    """True when a text shows no Python stack trace."""
    return "Traceback" not in text and 'File "' not in text


def assert_one_private_answer(rig: Rig, delivery: Delivery) -> str:
    """The command was acknowledged and its person got exactly one clear, private answer."""
    assert delivery.status == 200 and no_trace(delivery.body_text)
    rig.service.settle()
    posts = [r for r in rig.standin.responses if r.url == delivery.response_url]
    assert len(posts) == 1, f"expected one answer, got {len(posts)}"
    assert posts[0].body.get("response_type", "ephemeral") == "ephemeral"
    answer = block_text(posts[0].body)
    assert answer.strip() and no_trace(answer)
    assert SORRY not in answer, "bad input must get a clear message, not the apology for a bug"
    return answer


@settings(ON_A_RIG, max_examples=100)
@given(text=COMMAND_TEXT)
def test_any_text_that_changes_nothing_gets_one_private_answer(seeded, text):
    assume(parses_to(text) not in CHANGING)
    rig, before = seeded
    assert_one_private_answer(rig, rig.driver.command(FRONT_DESK.id, text))
    assert snapshot(rig)[:1] == before
    assert rig.service.healthy()


@settings(ON_A_RIG, max_examples=120)
@given(verb=st.sampled_from(sorted(CHANGING - {"new"})), rest=st.one_of(WORDY, st.text(max_size=80)))
def test_someone_not_on_the_case_changes_nothing_whatever_they_type(seeded, verb, rest):
    rig, before = seeded
    assert_one_private_answer(rig, rig.driver.command(OUTSIDER.id, f"{verb} REC-1 {rest}"))
    assert snapshot(rig) == before
    assert rig.service.healthy()


# -- interactive payloads Slack would never send --------------------------------------------------------


def form(payload: Any) -> bytes:
    """An interaction body: `payload=` and the JSON (or the text as it is)."""
    return urlencode({"payload": payload if isinstance(payload, str) else json.dumps(payload)}).encode()


ACTION_IDS = [
    Action.CHANGE_SEVERITY,
    Action.EDIT_DETAILS,
    Action.ASSIGN_OWNER,
    Action.MARK_FIXED,
    Action.NEED_MORE_TIME,
    Action.APPROVE_APOLOGY,
    Action.EDIT_APOLOGY,
    Action.HAND_APOLOGY,
    Action.ESCALATE_APOLOGY,
    Action.APPROVE_GESTURE,
    Action.DECLINE_GESTURE,
    Action.CHECKIN_OK,
    Action.CHECKIN_UNHAPPY,
    Action.CHECKIN_UNREACHABLE,
    Action.RECORD_IMPROVEMENT,
]
CALLBACK_IDS = [
    Modal.NEW_CASE,
    Modal.SEVERITY,
    Modal.DETAILS,
    Modal.ASSIGN_OWNER,
    Modal.MORE_TIME,
    Modal.EDIT_APOLOGY,
    Modal.HAND_APOLOGY,
    Modal.ESCALATE_APOLOGY,
    Modal.IMPROVEMENT,
]
BLOCK_IDS = [
    Input.SUMMARY,
    Input.CUSTOMER_NAME,
    Input.CUSTOMER_CONTACT,
    Input.SEVERITY,
    Input.CARD_CHANNEL,
    Input.REASON,
    Input.FIX_OWNER,
    Input.FIX_DUE,
    Input.APOLOGY_TEXT,
    Input.AS_WRITTEN,
    Input.GESTURE_WHAT,
    Input.GESTURE_AMOUNT,
    Input.HAND_TO,
    Input.ROOT_CAUSE,
    Input.CHANGE,
]
ODD_VALUES = ["", "../../x", "9999999999", "9" * 20, "1", "1:1", "n:1:1", "-1", "REC-1", "١", "1e9"]
OTTO = {"id": OUTSIDER.id, "username": OUTSIDER.name, "team_id": "T0SANDBOX"}


def view(callback_id: str, **fields: Any) -> dict[str, Any]:
    """A submitted modal as Slack sends it, with `fields` added or replaced."""
    return {"id": "V0FUZZ", "type": "modal", "callback_id": callback_id, "private_metadata": "1", **fields}


def submission(callback_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "type": "view_submission",
        "user": OTTO,
        "trigger_id": "1.2.fuzz",
        "view": view(callback_id, **fields),
    }


def press(action: Any, **fields: Any) -> dict[str, Any]:
    return {"type": "block_actions", "user": OTTO, "trigger_id": "1.2.fuzz", "actions": [action], **fields}


every_block = {block: {block: {"type": "plain_text_input", "value": "1"}} for block in BLOCK_IDS}
MALFORMED: list[tuple[str, bytes, str, int | None]] = [  # name, body, content type, the status expected
    ("empty form", b"", FORM, None),
    ("empty JSON", b"", JSON, None),
    ("payload that is not JSON", form("{not json"), FORM, 400),
    ("payload that is a list", form([1, 2]), FORM, 400),
    ("payload that is a string", form("x"), FORM, 400),
    ("payload that is null", form(None), FORM, 400),
    ("payload nested too deep", form("[" * 100_000), FORM, 400),
    ("JSON body that is a list", b"[1, 2]", JSON, 400),
    ("JSON body cut short", b'{"type": "event_callback", "event": {', JSON, 400),
    ("not UTF-8", b"payload=\xff\xfe", FORM, 400),
    ("plain text", b"hello", "text/plain", None),
    ("XML", b"<payload/>", "application/xml", None),
    ("multipart", b"--x\r\n\r\npayload\r\n--x--", "multipart/form-data; boundary=x", None),
    ("1 MB payload", b"payload=" + b"a" * 1_000_000, FORM, 400),
    ("1 MB JSON", json.dumps({"type": "event_callback", "x": "a" * 1_000_000}).encode(), JSON, None),
    ("block_actions without actions", form(press(None) | {"actions": None}), FORM, 400),
    ("block_actions with no actions", form(press(None) | {"actions": []}), FORM, 400),
    ("block_actions with a text action", form(press("x")), FORM, 400),
    (
        "block_actions without a user",
        form({"type": "block_actions", "actions": [{"action_id": "x"}]}),
        FORM,
        400,
    ),
    (
        "block_actions by a user id",
        form(press({"action_id": Action.MARK_FIXED}) | {"user": OUTSIDER.id}),
        FORM,
        400,
    ),
    (
        "block_actions with a number value",
        form(press({"action_id": Action.MARK_FIXED, "value": 1})),
        FORM,
        400,
    ),
    ("unknown action id", form(press({"action_id": "zzz", "value": "1"})), FORM, None),
    ("view_submission without a view", form(submission(Modal.SEVERITY) | {"view": None}), FORM, 400),
    ("view_submission with a text view", form(submission(Modal.SEVERITY) | {"view": "x"}), FORM, 400),
    ("view without a callback_id", form(submission(Modal.SEVERITY) | {"view": {"id": "V1"}}), FORM, 400),
    ("view with a text state", form(submission(Modal.DETAILS, state="x")), FORM, 400),
    ("view state values a list", form(submission(Modal.NEW_CASE, state={"values": [1]})), FORM, 400),
    (
        "view state block a text",
        form(submission(Modal.ASSIGN_OWNER, state={"values": {"fix_due": "x"}})),
        FORM,
        400,
    ),
    ("view metadata a number", form(submission(Modal.EDIT_APOLOGY, private_metadata=12)), FORM, 400),
    ("unknown callback id", form(submission("zzz", state={"values": every_block})), FORM, None),
    ("event that is text", json.dumps({"type": "event_callback", "event": "message"}).encode(), JSON, 400),
    ("event that is null", json.dumps({"type": "event_callback", "event": None}).encode(), JSON, 400),
    ("event without a type", json.dumps({"type": "event_callback", "event": {}}).encode(), JSON, None),
    (
        "message event missing its parts",
        json.dumps({"type": "event_callback", "event": {"type": "message"}}).encode(),
        JSON,
        None,
    ),
    (
        "workflow step edit without its step",
        form({"type": "workflow_step_edit", "callback_id": "x", "user": OTTO}),
        FORM,
        400,
    ),
    (
        "shortcut without channel or message",
        form({"type": "message_action", "callback_id": ids.LOG_COMPLAINT_SHORTCUT, "user": OTTO}),
        FORM,
        None,
    ),
]
for value in [None, *ODD_VALUES]:
    for action_id in ACTION_IDS:
        action = {"action_id": action_id} | ({} if value is None else {"value": value})
        MALFORMED.append((f"{action_id} with value {value!r}", form(press(action)), FORM, None))
for callback_id in CALLBACK_IDS:
    for metadata in ["", "../../x", "9999999999:1", '{"ts": "1"}', "[" * 5000]:
        odd = submission(callback_id, private_metadata=metadata, state={"values": every_block})
        MALFORMED.append((f"{callback_id} with metadata {metadata[:12]!r}", form(odd), FORM, None))
    MALFORMED.append((f"{callback_id} with no state", form(submission(callback_id)), FORM, None))


def assert_harmless(rig: Rig, delivery: Delivery, before: Snapshot, what: str) -> None:
    """No 5xx, no stack trace, answered within Slack's 3 seconds, REC-1 untouched, the bot still up."""
    assert delivery.status < 500, f"{what}: {delivery.status} {delivery.body_text[:200]}"
    assert no_trace(delivery.body_text), what
    assert delivery.elapsed_s < 3.0, f"{what}: acknowledged after {delivery.elapsed_s:.1f}s"
    rig.service.settle()
    assert snapshot(rig)[:1] == before[:1], f"{what} changed REC-1"
    assert rig.service.healthy(), what


def assert_nothing_showed_a_trace(rig: Rig) -> None:
    """No stack trace reached anyone: not in a message, a modal, or an answer to a response_url."""
    sent = json.dumps(
        [call.args for call in rig.standin.calls] + [post.body for post in rig.standin.responses]
    )
    assert no_trace(sent)


def test_malformed_requests_get_no_5xx_no_trace_and_change_nothing(seeded):
    rig, before = seeded
    for name, body, content_type, expected in MALFORMED:
        delivery = rig.driver.send(body, content_type)
        assert_harmless(rig, delivery, before, name)
        assert expected is None or delivery.status == expected, f"{name}: {delivery.status}"
    assert_nothing_showed_a_trace(rig)


def test_a_malformed_body_with_a_forged_or_stale_signature_is_refused_as_forged(rig):
    for body in (form("{not json"), form([1]), b"[1]"):
        assert rig.driver.send(body, FORM, signature="v0=" + "0" * 64).status == 401
        assert rig.driver.send(body, FORM, timestamp=1).status == 401
    assert rig.driver.send(form("{not json"), FORM).status == 400


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
TEXTS = st.one_of(st.sampled_from(ODD_VALUES), st.text(max_size=20))  # text where Slack sends text
ODD = st.one_of(TEXTS, JSON_VALUES)  # anything at all
ELEMENT = st.fixed_dictionaries(
    {},
    optional={
        "type": st.sampled_from(["plain_text_input", "static_select", "datetimepicker", "checkboxes"]),
        "value": ODD,
        "selected_option": st.one_of(st.fixed_dictionaries({"value": ODD}), ODD),
        "selected_options": ODD,
        "selected_user": ODD,
        "selected_conversation": ODD,
        "selected_date_time": ODD,
    },
)
STATE = st.fixed_dictionaries(
    {"values": st.dictionaries(st.sampled_from(BLOCK_IDS), st.dictionaries(TEXTS, ELEMENT, max_size=2))}
)
VIEW = st.fixed_dictionaries(
    {
        "id": st.just("V0FUZZ"),
        "type": st.just("modal"),
        "callback_id": st.sampled_from([*CALLBACK_IDS, "zzz"]),
        "private_metadata": TEXTS,
        "state": STATE,
    }
)
ACTION = st.fixed_dictionaries(
    {"action_id": st.sampled_from([*ACTION_IDS, "zzz"])},
    optional={"value": TEXTS, "block_id": TEXTS, "type": st.just("button")},
)
SLACK_SHAPED = st.one_of(  # Slack's envelope, odd contents: these reach the listeners
    st.fixed_dictionaries(
        {
            "type": st.just("block_actions"),
            "user": st.just(OTTO),
            "actions": st.lists(ACTION, min_size=1, max_size=2),
        },
        optional={"view": VIEW},
    ),
    st.fixed_dictionaries({"type": st.just("view_submission"), "user": st.just(OTTO), "view": VIEW}),
    st.fixed_dictionaries(
        {
            "type": st.just("message_action"),
            "user": st.just(OTTO),
            "callback_id": st.sampled_from([ids.LOG_COMPLAINT_SHORTCUT, "zzz"]),
            "channel": st.fixed_dictionaries({"id": TEXTS}),
            "message": st.fixed_dictionaries({"ts": TEXTS}, optional={"text": TEXTS}),
        }
    ),
)
ANY_PART = {"user": st.one_of(st.just(OTTO), ODD), "view": st.one_of(VIEW, ODD), "trigger_id": ODD}
UNSHAPED = st.one_of(  # Slack's types with anything in their parts, or no object at all
    st.fixed_dictionaries(
        {"type": st.just("block_actions")}, optional={**ANY_PART, "actions": st.one_of(st.lists(ACTION), ODD)}
    ),
    st.fixed_dictionaries({"type": st.sampled_from(["view_submission", "view_closed"])}, optional=ANY_PART),
    st.fixed_dictionaries(
        {"type": st.sampled_from(["message_action", "shortcut", "event_callback", "url_verification"])},
        optional={**ANY_PART, "callback_id": TEXTS, "channel": ODD, "message": ODD, "event": ODD},
    ),
    JSON_VALUES,
)
BODIES = st.one_of(
    st.builds(lambda payload: (form(payload), FORM), UNSHAPED),
    st.builds(lambda payload: (json.dumps(payload).encode(), JSON), UNSHAPED),
    st.tuples(st.binary(max_size=200), st.sampled_from([FORM, JSON, "text/plain", ""])),
)


@settings(ON_A_RIG, max_examples=200)
@given(body=BODIES)
def test_fuzzed_bodies_get_no_5xx_no_trace_and_change_nothing(seeded, body):
    rig, before = seeded
    delivery = rig.driver.send(*body)
    event(f"HTTP {delivery.status}")  # --hypothesis-show-statistics tells how the answers were spread
    assert_harmless(rig, delivery, before, repr(body)[:300])
    assert_nothing_showed_a_trace(rig)


@settings(ON_A_RIG, max_examples=200)
@given(payload=SLACK_SHAPED)
def test_odd_values_in_slack_shaped_payloads_reach_the_listeners_and_change_nothing(seeded, payload):
    rig, before = seeded
    payload["trigger_id"] = rig.standin.issue_trigger(OUTSIDER.id)
    delivery = rig.driver.send(form(payload), FORM)
    event(f"HTTP {delivery.status}")
    assert delivery.status in (200, 404), f"Slack's own shape was refused: {delivery.body_text[:200]}"
    assert_harmless(rig, delivery, before, json.dumps(payload)[:300])
    assert_nothing_showed_a_trace(rig)


# -- what the fuzzing found in the handlers (fixed there) ---------------------------------------------


def modal(callback_id: str, metadata: str, values: dict[str, Any]) -> dict[str, Any]:
    """A submitted modal with these {block_id: element} values."""
    state = {"values": {block: {block: element} for block, element in values.items()}}
    return view(callback_id, private_metadata=metadata, state=state)


ACK_LOST = [
    ("a deadline no clock can show", modal(Modal.ASSIGN_OWNER, "1", {Input.FIX_DUE: {"value": "9" * 20}})),
    (
        "NaN as the gesture amount",
        modal(
            Modal.EDIT_APOLOGY,
            "1:1",
            {Input.APOLOGY_TEXT: {"value": "Sorry"}, Input.GESTURE_AMOUNT: {"value": "NaN"}},
        ),
    ),
]


@pytest.mark.parametrize("submitted", [v for _, v in ACK_LOST], ids=[name for name, _ in ACK_LOST])
def test_an_unreadable_modal_value_is_answered_inline_within_3_seconds(rig, submitted):
    payload = {"type": "view_submission", "user": OTTO, "trigger_id": "1.2.fuzz", "view": submitted}
    delivery = rig.driver.send(form(payload), FORM)
    assert delivery.status == 200 and delivery.elapsed_s < 3.0
    assert delivery.json and delivery.json.get("response_action") == "errors"


SORRY_FOR_BAD_INPUT = [
    ("a button without its value", press({"action_id": Action.MARK_FIXED})),
    ("a gesture id past SQLite's integers", press({"action_id": Action.APPROVE_GESTURE, "value": "9" * 20})),
    (
        "a severity the modal never offers",
        {
            "type": "view_submission",
            "user": OTTO,
            "view": modal(
                Modal.NEW_CASE,
                "",
                {Input.SUMMARY: {"value": "Cold soup"}, Input.SEVERITY: {"selected_option": {"value": "-1"}}},
            ),
        },
    ),
]


@pytest.mark.parametrize(
    "payload", [p for _, p in SORRY_FOR_BAD_INPUT], ids=[n for n, _ in SORRY_FOR_BAD_INPUT]
)
def test_bad_input_on_a_button_or_modal_gets_a_clear_message_not_the_apology_for_a_bug(rig, payload):
    delivery = rig.driver.send(form(payload), FORM)
    assert delivery.status == 200
    rig.service.settle()
    told = [m["text"] for m in rig.standin.dm(OUTSIDER.id)]
    inline = (delivery.json or {}).get("errors")  # a modal answers under the field instead
    assert inline or (told and SORRY not in told)


# -- long and odd text, end to end: nothing the bot sends for it is refused as Slack would refuse it -----

LONG_TEXT = st.builds(
    lambda chunk, times, tail: (chunk * times + tail)[:12_000],
    st.sampled_from(
        ["x\n", "\n", "😡🍲", "👩🏽‍🍳 ", "&lt;!channel&gt; ", "soup ", "a" * 50, "Customer: Ann "]
    ),
    st.integers(1, 6000),
    st.text(max_size=40),
)


@settings(ON_A_RIG, max_examples=25)
@given(text=LONG_TEXT)
def test_long_and_odd_complaints_make_no_payload_slack_refuses(rig, text):
    rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, "Customer: Grace Kim says " + text)
    rig.driver.command(FRONT_DESK.id, "new " + text[:4000])
    rig.service.settle()
    for case in all_cases(rig)[-2:]:
        rig.driver.command(FRONT_DESK.id, f"show REC-{case.id}")
    rig.service.settle()
    assert rig.standin.refused == []
