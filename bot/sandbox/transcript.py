"""Render what people saw in the stand-in as readable text: names for mentions, buttons in brackets."""

import re
import textwrap
import time
from typing import Any

from bot.sandbox.cast import CHANNELS, name_of

WIDTH = 96
_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#([CG][A-Z0-9]+)(?:\|[^>]*)?>")
_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")
_DATE = re.compile(r"<!date\^(\d+)\^[^|>]*\|([^>]*)>")
_BOLD = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")


def plain(text: str) -> str:
    """Slack mrkdwn made readable in a terminal."""
    text = _USER.sub(lambda m: name_of(m.group(1)), text)
    text = _CHANNEL.sub(lambda m: "#" + CHANNELS.get(m.group(1), m.group(1)), text)
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", text)
    text = _DATE.sub(lambda m: _relative(int(m.group(1))), text)
    text = _BOLD.sub(r"\1", text)
    text = "\n".join("│ " + line[1:].lstrip() if line.startswith(">") else line for line in text.splitlines())
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _relative(moment: int) -> str:
    """A Slack date as a reader of the compressed demo needs it: how far away it is."""
    seconds = round(moment - time.time())
    if abs(seconds) < 60:
        return "now" if seconds == 0 else f"{seconds}s from now" if seconds > 0 else f"{-seconds}s ago"
    return time.strftime("%a %H:%M", time.localtime(moment))


def message_lines(message: dict[str, Any]) -> list[str]:
    """The lines a person reads in one message or view."""
    blocks = message.get("blocks") or []
    if not blocks:
        return _wrap(plain(message.get("text") or ""))
    lines: list[str] = []
    for block in blocks:
        lines.extend(_block_lines(block))
    return lines


def _block_lines(block: dict[str, Any]) -> list[str]:
    kind = block.get("type")
    if kind in ("section", "header"):
        text = (block.get("text") or {}).get("text", "")
        fields = [f.get("text", "") for f in block.get("fields") or []]
        return _wrap(plain("\n".join([text, *fields]).strip()))
    if kind == "context":
        return _wrap(plain("  ".join(e.get("text", "") for e in block.get("elements", []) if "text" in e)))
    if kind == "actions":
        labels = [(e.get("text") or {}).get("text", e.get("type", "")) for e in block.get("elements", [])]
        return ["  ".join(f"[{label}]" for label in labels)]
    if kind == "divider":
        return ["─" * 20]
    if kind == "input":
        return [f"{(block.get('label') or {}).get('text', '')}: ____"]
    return []


def _wrap(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(line, WIDTH) or [""])
    return lines


def indent(lines: list[str], prefix: str) -> str:
    """Lines under a speaker, indented."""
    return "\n".join(prefix + line for line in lines)
