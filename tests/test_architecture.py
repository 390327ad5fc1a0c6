"""The house (docs/ARCHITECTURE.md): bot/ by layer, imports pointing one way, no cycles, small modules."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "schedules")
# Lowest first: a module may import its own layer and the layers below it, never one above.
LAYERS = (
    ("bot.policy",),
    ("bot.store",),
    ("bot.recovery",),
    ("bot.slack", "bot.mail"),  # Slack and e-mail: the two ways out
    ("handlers", "schedules"),
    ("bot.settings", "bot.runtime", "bot.server"),
    ("bot.sandbox",),  # the stand-in, and the demo that runs the whole bot against it
    ("bot.cli",),
)
ENTRY_POINTS = {"bot.cli", "bot.settings", "bot.runtime", "bot.server"}
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Every project module `name` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names
            ]
        else:
            continue
        found |= {target for target in targets if target in MODULES and target != name}
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    for rank, prefixes in enumerate(LAYERS):
        if any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes):
            return rank
    raise AssertionError(f"{name} belongs to no layer")


def test_bot_is_a_few_entry_points_and_its_layers() -> None:
    top = sorted(p.stem for p in (ROOT / "bot").glob("*.py") if p.stem != "__init__")
    layers = sorted(p.name for p in (ROOT / "bot").iterdir() if (p / "__init__.py").exists())
    assert len(top) <= 8 and {f"bot.{stem}" for stem in top} == ENTRY_POINTS, top
    assert {"policy", "store", "recovery", "slack", "sandbox"} <= set(layers), layers


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_point_down_the_layers(name: str) -> None:
    upward = sorted(target for target in GRAPH[name] if _layer(target) > _layer(name))
    assert not upward, f"{name} imports from a layer above it: {upward}"


def test_only_the_entry_points_import_handlers_and_schedules() -> None:
    for name, targets in GRAPH.items():
        if name in ENTRY_POINTS or name.startswith(("handlers", "schedules")):
            continue
        assert not {t for t in targets if t.startswith(("handlers", "schedules"))}, name


def test_no_import_cycle_counting_imports_inside_functions() -> None:
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(GRAPH[name]):
            if state.get(target) == "open":
                cycle = [*path[path.index(target) :], target]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if target not in state:
                visit(target, [*path, target])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])


def test_the_policy_model_is_a_leaf() -> None:
    assert GRAPH["bot.policy.model"] == set()


def test_only_recovery_messages_builds_block_kit() -> None:
    for name, path in MODULES.items():
        if name.startswith("bot.recovery.messages") or name.startswith("bot.sandbox"):
            continue
        source = path.read_text()
        assert "slack_sdk.models" not in source, (
            f"{name} builds Block Kit; builders live in bot/recovery/messages"
        )


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_400_lines(name: str) -> None:
    lines = len(MODULES[name].read_text().splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines"
