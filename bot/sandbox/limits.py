"""Block Kit's limits as Slack documents them, checked the way Slack checks them.

Each check answers Slack's `[ERROR] ... [json-pointer:...]` lines (the `response_metadata.messages`
of an `invalid_blocks` or `invalid_arguments` error); an empty list means Slack would take it.
Lengths are counted in characters (code points), as Slack's pages state them.

Sources (docs.slack.dev, "reference/block-kit/…" unless the comment names another page):
  blocks:     blocks/section-block, blocks/header-block, blocks/context-block, blocks/actions-block,
              blocks/input-block, blocks/image-block, blocks/divider-block
  elements:   block-elements/button-element, …/select-menu-element, …/multi-select-menu-element,
              …/checkboxes-element, …/radio-button-group-element, …/overflow-menu-element,
              …/plain-text-input-element, …/number-input-element, …/date-picker-element, …
  objects:    composition-objects/text-object, …/option-object, …/option-group-object,
              …/confirmation-dialog-object
  surfaces:   reference/block-kit/blocks ("You can include up to 50 blocks in each message, and
              100 blocks in modals or Home tabs"), reference/views/modal-views
"""

from __future__ import annotations

from typing import Any

# Surfaces: "You can include up to 50 blocks in each message, and 100 blocks in modals or Home tabs".
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
# Every block's block_id and every element's action_id: "Maximum length … is 255 characters".
ID = 255
# Text object: "The minimum length is 1 and maximum length is 3000 characters."
TEXT = 3000
# Section: "text … Maximum length for the text in this field is 3000 characters";
# "fields … Maximum number of items is 10. Maximum length for the text in each item is 2000".
SECTION_FIELDS, FIELD_TEXT = 10, 2000
# Header: "text … plain_text … Maximum length for the text in this field is 150 characters."
HEADER = 150
# Context: "elements … Maximum number of items is 10."
CONTEXT_ELEMENTS = 10
# Actions: "elements … There is a maximum of 25 elements in each action block."
ACTIONS_ELEMENTS = 25
# Input: "label … Maximum length for the text in this field is 2000 characters"; hint likewise.
LABEL = HINT = 2000
# Button: "text … Maximum length … 75 characters"; "value … 2000"; "url … 3000".
BUTTON_TEXT, BUTTON_VALUE, URL = 75, 2000, 3000
# Select menus and most inputs: "placeholder … Maximum length … 150 characters".
PLACEHOLDER = 150
# Static select: "options … Maximum number of options is 100"; "option_groups … Maximum … 100".
SELECT_OPTIONS = 100
# Checkboxes and radio buttons: "options … Maximum number of options is 10."
CHOICE_OPTIONS = 10
# Overflow menu: "options … An array of up to five option objects".
OVERFLOW_OPTIONS = 5
# Option object: "text … Maximum length … 75 characters"; "value … 150"; "description … 75".
OPTION_TEXT, OPTION_VALUE, OPTION_DESCRIPTION = 75, 150, 75
# Option group: "label … Maximum length … 75 characters".
GROUP_LABEL = 75
# Confirmation dialog: "title … 100", "text … 300", "confirm … 30", "deny … 30".
CONFIRM = {"title": 100, "text": 300, "confirm": 30, "deny": 30}
# Plain-text input: "min_length … between 0 and 3000"; "max_length … between 1 and 3000". Slack
# refuses an initial_value longer than the max_length in force (3000 when none is set).
INPUT_MAX = 3000
# Image block and element: "alt_text … Maximum length … 2000"; "image_url … 3000".
ALT_TEXT = 2000
# Modal views: "title … max length of 24 characters"; close and submit "Max length of 24 characters";
# "private_metadata … Max length of 3000 characters"; "callback_id … Maximum length of 255";
# "external_id … Max length of 255 characters" (reference/views/modal-views).
MODAL_TITLE = MODAL_BUTTON = 24
VIEW_STRINGS = {"callback_id": 255, "external_id": 255, "private_metadata": 3000}

_WITH_PLACEHOLDER = frozenset(
    {
        "static_select",
        "multi_static_select",
        "external_select",
        "multi_external_select",
        "users_select",
        "multi_users_select",
        "conversations_select",
        "multi_conversations_select",
        "channels_select",
        "multi_channels_select",
        "plain_text_input",
        "number_input",
        "email_text_input",
        "url_text_input",
        "datepicker",
        "timepicker",
        "datetimepicker",
    }
)


def too_long(limit: int, pointer: str) -> str:
    """Slack's line for a string over `limit` characters."""
    return f"[ERROR] must be less than {limit + 1} characters [json-pointer:{pointer}]"


def too_many(limit: int, pointer: str) -> str:
    """Slack's line for an array over `limit` items."""
    return f"[ERROR] no more than {limit} items allowed [json-pointer:{pointer}]"


def missing(field: str, pointer: str) -> str:
    """Slack's line for a required field left out."""
    return f"[ERROR] missing required field: {field} [json-pointer:{pointer}]"


def _string(value: Any, limit: int, pointer: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, str):
        return [f"[ERROR] must be a string [json-pointer:{pointer}]"]
    return [too_long(limit, pointer)] if len(value) > limit else []


def text_object(
    value: Any, limit: int, pointer: str, *, needed: bool = True, plain: bool = False
) -> list[str]:
    """A text object (`plain_text` only when `plain`) whose text has 1..`limit` characters."""
    if value is None:
        return [missing(pointer.rsplit("/", 1)[-1], pointer)] if needed else []
    kinds = ("plain_text",) if plain else ("plain_text", "mrkdwn")
    if not isinstance(value, dict) or value.get("type") not in kinds:
        return [f"[ERROR] must be a {' or '.join(kinds)} text object [json-pointer:{pointer}]"]
    words = value.get("text")
    if not isinstance(words, str):
        return [missing("text", pointer)]
    if not words:
        return [f"[ERROR] must be more than 0 characters [json-pointer:{pointer}/text]"]
    return [too_long(limit, f"{pointer}/text")] if len(words) > limit else []


def _items(value: Any, limit: int, pointer: str, *, least: int = 0) -> tuple[list[Any], list[str]]:
    if value is None and least == 0:
        return [], []
    if not isinstance(value, list):
        return [], [f"[ERROR] must provide an array [json-pointer:{pointer}]"]
    if len(value) < least:
        return value, [f"[ERROR] must provide at least {least} items [json-pointer:{pointer}]"]
    return value, [too_many(limit, pointer)] if len(value) > limit else []


def _option(option: Any, pointer: str, *, mrkdwn: bool) -> list[str]:
    if not isinstance(option, dict):
        return [f"[ERROR] must provide an object [json-pointer:{pointer}]"]
    problems = text_object(option.get("text"), OPTION_TEXT, f"{pointer}/text", plain=not mrkdwn)
    if option.get("value") is None:
        problems.append(missing("value", pointer))
    problems += _string(option.get("value"), OPTION_VALUE, f"{pointer}/value")
    problems += text_object(
        option.get("description"), OPTION_DESCRIPTION, f"{pointer}/description", needed=False
    )
    return problems


def _options(element: dict[str, Any], limit: int, pointer: str, *, mrkdwn: bool = False) -> list[str]:
    options, problems = _items(element.get("options"), limit, f"{pointer}/options")
    for index, option in enumerate(options):
        problems += _option(option, f"{pointer}/options/{index}", mrkdwn=mrkdwn)
    groups, more = _items(element.get("option_groups"), limit, f"{pointer}/option_groups")
    problems += more
    for index, group in enumerate(groups):
        at = f"{pointer}/option_groups/{index}"
        if not isinstance(group, dict):
            problems.append(f"[ERROR] must provide an object [json-pointer:{at}]")
            continue
        problems += text_object(group.get("label"), GROUP_LABEL, f"{at}/label", plain=True)
        grouped, more = _items(group.get("options"), limit, f"{at}/options")
        problems += more + [
            p for i, o in enumerate(grouped) for p in _option(o, f"{at}/options/{i}", mrkdwn=False)
        ]
    return problems


def _confirm(value: Any, pointer: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, dict):
        return [f"[ERROR] must provide an object [json-pointer:{pointer}]"]
    problems = []
    for key, limit in CONFIRM.items():
        problems += text_object(value.get(key), limit, f"{pointer}/{key}", plain=key != "text")
    return problems


def _plain_text_input(element: dict[str, Any], pointer: str) -> list[str]:
    problems = []
    least, most = element.get("min_length"), element.get("max_length")
    if least is not None and not (isinstance(least, int) and 0 <= least <= INPUT_MAX):
        problems.append(f"[ERROR] must be between 0 and {INPUT_MAX} [json-pointer:{pointer}/min_length]")
    if most is not None and not (isinstance(most, int) and 1 <= most <= INPUT_MAX):
        problems.append(f"[ERROR] must be between 1 and {INPUT_MAX} [json-pointer:{pointer}/max_length]")
    cap = most if isinstance(most, int) and 1 <= most <= INPUT_MAX else INPUT_MAX
    return problems + _string(element.get("initial_value"), cap, f"{pointer}/initial_value")


def element_problems(element: Any, pointer: str) -> list[str]:
    """What Slack refuses in one interactive (or context) element."""
    if not isinstance(element, dict) or not isinstance(element.get("type"), str):
        return [missing("type", pointer)]
    kind = element["type"]
    if kind in ("plain_text", "mrkdwn"):
        return text_object(element, TEXT, pointer)
    problems = _string(element.get("action_id"), ID, f"{pointer}/action_id")
    if kind == "image":
        return problems + _string(element.get("alt_text"), ALT_TEXT, f"{pointer}/alt_text")
    if kind == "button":
        problems += text_object(element.get("text"), BUTTON_TEXT, f"{pointer}/text", plain=True)
        problems += _string(element.get("value"), BUTTON_VALUE, f"{pointer}/value")
        problems += _string(element.get("url"), URL, f"{pointer}/url")
    elif kind in ("static_select", "multi_static_select"):
        problems += _options(element, SELECT_OPTIONS, pointer)
    elif kind in ("checkboxes", "radio_buttons"):
        problems += _options(element, CHOICE_OPTIONS, pointer, mrkdwn=True)
    elif kind == "overflow":
        problems += _options(element, OVERFLOW_OPTIONS, pointer)
    elif kind == "plain_text_input":
        problems += _plain_text_input(element, pointer)
    if kind in _WITH_PLACEHOLDER:
        placeholder = element.get("placeholder")
        problems += text_object(placeholder, PLACEHOLDER, f"{pointer}/placeholder", needed=False, plain=True)
    return problems + _confirm(element.get("confirm"), f"{pointer}/confirm")


def _action_ids(elements: list[Any], pointer: str) -> list[str]:
    """Block elements' action_ids: "Should be unique among all other action_ids in the containing block"."""
    seen: set[str] = set()
    problems = []
    for index, element in enumerate(elements):
        action_id = element.get("action_id") if isinstance(element, dict) else None
        if action_id is None:
            continue
        if action_id in seen:
            problems.append(f"[ERROR] duplicate action_id [json-pointer:{pointer}/{index}/action_id]")
        seen.add(action_id)
    return problems


def _section(block: dict[str, Any], at: str) -> list[str]:
    if block.get("text") is None and block.get("fields") is None:
        return [missing("text", at)]
    problems = text_object(block.get("text"), TEXT, f"{at}/text", needed=False)
    fields, more = _items(block.get("fields"), SECTION_FIELDS, f"{at}/fields")
    problems += more
    for index, field in enumerate(fields):
        problems += text_object(field, FIELD_TEXT, f"{at}/fields/{index}")
    if block.get("accessory") is not None:
        problems += element_problems(block["accessory"], f"{at}/accessory")
    return problems


def _block(block: dict[str, Any], at: str) -> list[str]:
    kind = block["type"]
    if kind == "section":
        return _section(block, at)
    if kind == "header":
        return text_object(block.get("text"), HEADER, f"{at}/text", plain=True)
    if kind in ("context", "actions"):
        limit = CONTEXT_ELEMENTS if kind == "context" else ACTIONS_ELEMENTS
        elements, problems = _items(block.get("elements"), limit, f"{at}/elements", least=1)
        for index, element in enumerate(elements):
            problems += element_problems(element, f"{at}/elements/{index}")
        return problems + _action_ids(elements, f"{at}/elements")
    if kind == "input":
        problems = text_object(block.get("label"), LABEL, f"{at}/label", plain=True)
        problems += text_object(block.get("hint"), HINT, f"{at}/hint", needed=False, plain=True)
        if block.get("element") is None:
            return [*problems, missing("element", at)]
        return problems + element_problems(block["element"], f"{at}/element")
    if kind == "image":
        problems = _string(block.get("alt_text"), ALT_TEXT, f"{at}/alt_text")
        problems += _string(block.get("image_url"), URL, f"{at}/image_url")
        return problems + text_object(block.get("title"), ALT_TEXT, f"{at}/title", needed=False, plain=True)
    return []


def block_problems(blocks: Any, limit: int, pointer: str) -> list[str]:
    """What Slack refuses in a message's or view's `blocks`: counts, lengths, ids and their uniqueness."""
    if not isinstance(blocks, list):
        return [f"[ERROR] must provide an array [json-pointer:{pointer}]"]
    problems = [too_many(limit, pointer)] if len(blocks) > limit else []
    block_ids: set[str] = set()
    for index, block in enumerate(blocks):
        at = f"{pointer}/{index}"
        if not isinstance(block, dict):
            problems.append(f"[ERROR] must provide an object [json-pointer:{at}]")
            continue
        if not isinstance(block.get("type"), str) or not block["type"]:
            problems.append(missing("type", at))
            continue
        block_id = block.get("block_id")
        problems += _string(block_id, ID, f"{at}/block_id")
        if isinstance(block_id, str):
            # "block_id should be unique for each message or view"; Slack refuses a repeat.
            if block_id in block_ids:
                problems.append(f"[ERROR] duplicate block_id [json-pointer:{at}/block_id]")
            block_ids.add(block_id)
        problems += _block(block, at)
    return problems


def input_block_ids(blocks: Any) -> set[str]:
    """The block_ids of a view's input blocks: the only keys `response_action: errors` may name."""
    if not isinstance(blocks, list):
        return set()
    return {
        str(b["block_id"])
        for b in blocks
        if isinstance(b, dict) and b.get("type") == "input" and b.get("block_id") is not None
    }


def view_problems(view: Any, kind: str) -> list[str]:
    """What Slack refuses in a `kind` ("modal" or "home") view object."""
    if not isinstance(view, dict):
        return ["[ERROR] must provide an object [json-pointer:/view]"]
    problems = []
    if view.get("type") != kind:
        problems.append(f"[ERROR] must be {kind} here [json-pointer:/view/type]")
    if "blocks" not in view:
        problems.append(missing("blocks", "/view"))
    else:
        problems += block_problems(view["blocks"], VIEW_BLOCKS, "/view/blocks")
    if kind == "modal":
        problems += text_object(view.get("title"), MODAL_TITLE, "/view/title", plain=True)
        for key in ("close", "submit"):
            problems += text_object(view.get(key), MODAL_BUTTON, f"/view/{key}", needed=False, plain=True)
        if input_block_ids(view.get("blocks")) and view.get("submit") is None:
            problems.append(
                "[ERROR] submit is required when the view has input blocks [json-pointer:/view/submit]"
            )
    for key, limit in VIEW_STRINGS.items():
        problems += _string(view.get(key), limit, f"/view/{key}")
    return problems


def errors_problems(view: Any, errors: Any) -> list[str]:
    """What is wrong with `response_action: errors`: an object keyed by the view's input block_ids.

    Slack shows the person a generic "We had some trouble connecting" in the modal when a key names
    no input block, and shows nothing of the errors; the stand-in names the keys instead.
    """
    if not isinstance(errors, dict) or not errors:
        return ["[ERROR] errors must be an object of block_id → message [json-pointer:/errors]"]
    known = input_block_ids(view.get("blocks") if isinstance(view, dict) else None)
    problems = []
    for key, message in errors.items():
        if key not in known:
            problems.append(f"[ERROR] {key!r} is not the block_id of an input block [json-pointer:/errors]")
        if not isinstance(message, str) or not message:
            problems.append(f"[ERROR] must be a non-empty string [json-pointer:/errors/{key}]")
    return problems
