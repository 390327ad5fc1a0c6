"""The `bounceback` command: run, demo, manifest, check, triage, check-apology, draft, eval."""

import argparse
import dataclasses
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from dotenv import load_dotenv

from bot.policy.model import Policy, PolicyError
from bot.policy.reader import load_policy
from bot.recovery.errors import UserError
from bot.recovery.messages.policy import describe_policy
from bot.settings import ConfigError, Settings, load_settings


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    load_dotenv(os.path.join(os.getcwd(), ".env"))
    try:
        status = args.func(args)
        sys.stdout.flush()  # here, so that a reader gone away is met below and not at exit
        return status
    except (ConfigError, PolicyError, UserError) as problem:
        print(f"bounceback: {problem}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `bounceback eval … | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bounceback", description="Service recovery for Slack.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser("run", help="run the bot (Socket Mode when SLACK_APP_TOKEN is set, else HTTP)")
    run.add_argument("--http", action="store_true", help="serve HTTP even when SLACK_APP_TOKEN is set")
    run.add_argument("--port", type=int, help="HTTP port (default: PORT or 3000)")
    run.set_defaults(func=_run)
    demo = sub.add_parser("demo", help="play a day of complaints against a local Slack stand-in")
    demo.add_argument("--fast", action="store_true", help="skip the pauses between scenes")
    demo.add_argument(
        "--socket-mode", action="store_true", help="the bot connects over Socket Mode, not HTTP"
    )
    demo.set_defaults(func=_demo)
    man = sub.add_parser("manifest", help="print the Slack app manifest (YAML)")
    man.add_argument(
        "--url", default="https://bounceback.example.com/slack/events", help="your public …/slack/events URL"
    )
    man.add_argument("--socket-mode", action="store_true", help="a manifest for Socket Mode (no public URL)")
    man.set_defaults(func=_manifest)
    dig = sub.add_parser("digest", help="post the weekly digest")
    dig.add_argument(
        "--now", action="store_true", required=True, help="post it now rather than at the policy's time"
    )
    dig.set_defaults(func=_digest)
    sub.add_parser("check", help="validate .env and the policy; print the rules in force").set_defaults(
        func=_check
    )
    tri = sub.add_parser("triage", help="the severity the policy gives a complaint, and why")
    tri.add_argument("text")
    tri.add_argument("--json", action="store_true")
    tri.set_defaults(func=_triage)
    apo = sub.add_parser("check-apology", help="the apology quality check on standard input")
    apo.add_argument("--severity", default="minor", choices=("minor", "moderate", "major", "critical"))
    apo.add_argument("--json", action="store_true")
    apo.set_defaults(func=_check_apology)
    dra = sub.add_parser("draft", help="the draft apology a leader would get for a complaint")
    dra.add_argument("text")
    dra.add_argument("--severity", choices=("minor", "moderate", "major", "critical"))
    dra.add_argument("--customer", help="the customer's name, as staff would log it")
    dra.add_argument("--json", action="store_true")
    dra.set_defaults(func=_draft)
    ev = sub.add_parser("eval", help="how well triage or the apology check agrees with a labelled file")
    ev.add_argument("what", choices=("triage", "apologies"))
    ev.add_argument("file", type=Path, help="JSON Lines: one labelled example a line")
    ev.add_argument("--without-keywords", action="store_true", help="triage with empty keyword lists")
    ev.add_argument("--misses", action="store_true", help="list every example the bot got wrong")
    ev.add_argument("--json", action="store_true")
    ev.set_defaults(func=_eval)
    return parser


def _policy_path() -> str:
    return os.environ.get("BOUNCEBACK_POLICY") or load_settings(os.environ, require_slack=False).policy_path


def _logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # one line per second tells nobody anything


def _run(args: argparse.Namespace) -> int:
    from bot.server import Service

    settings = load_settings(os.environ)
    policy = load_policy(settings.policy_path)
    _logging(settings)
    socket_mode = bool(settings.app_token) and not args.http
    if not socket_mode and not settings.signing_secret:
        raise ConfigError("SLACK_SIGNING_SECRET: missing — HTTP mode needs it to verify Slack's requests")
    service = Service(settings, policy, socket_mode=socket_mode).start(port=args.port)
    stopping = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stopping.set())
    stopping.wait()
    logging.getLogger(__name__).info("shutting down: finishing requests in flight")
    service.stop()
    return 0


def _demo(args: argparse.Namespace) -> int:
    from bot.sandbox.demo import play

    return play(fast=args.fast, socket_mode=args.socket_mode)


def _digest(args: argparse.Namespace) -> int:
    from bot.recovery import digest
    from bot.runtime import build_runtime
    from bot.store.models import utcnow

    settings = load_settings(os.environ)
    policy = load_policy(settings.policy_path)
    _logging(settings)
    if not policy.digest_channel:
        raise ConfigError(f"{policy.source}: digest_channel: not set, so there is nowhere to post the digest")
    runtime = build_runtime(settings, policy)
    now = utcnow()
    with runtime.db.session() as session:
        digest.post(session, policy=policy, key=f"digest:now:{now.isoformat()}", until=now)
    deadline = time.monotonic() + 120
    while runtime.sender.owed_now() and time.monotonic() < deadline:
        if not runtime.sender.drain():
            time.sleep(0.2)  # the chart waits for the message before it
    if runtime.sender.owed_now():
        print("bounceback: Slack did not take the digest; see the log above.", file=sys.stderr)
        return 1
    print(f"Posted the digest for the last 7 days to <#{policy.digest_channel}>.")
    return 0


def _manifest(args: argparse.Namespace) -> int:
    from bot.slack.manifest import manifest_yaml

    print(manifest_yaml(args.url, socket_mode=args.socket_mode), end="")
    return 0


def _check(args: argparse.Namespace) -> int:
    settings = load_settings(os.environ)
    policy = load_policy(settings.policy_path)
    mode = "Socket Mode" if settings.app_token else f"HTTP on port {settings.port}"
    print(
        f"✓ .env: {mode}; Slack API at {settings.api_url}; database {settings.database_url.split('://')[0]}"
    )
    print(f"✓ policy: {policy.source}")
    print(_check_mail(settings, policy))
    print("\n".join(describe_policy(policy)))
    return 0


def _check_mail(settings: Settings, policy: Policy) -> str:
    """Customer e-mail: off, or what the mail server said when we connected (ConfigError names a bad key)."""
    from bot.mail.config import MailConfigProblem
    from bot.mail.smtp import probe
    from bot.runtime import with_mail

    if settings.mail is None:
        return "✓ customer e-mail: off (set SMTP_URL and MAIL_FROM to e-mail customers)"
    wanted = with_mail(policy, settings.mail).customer_email
    try:
        found = probe(settings.mail)
    except MailConfigProblem as problem:
        raise ConfigError(problem.key, problem.problem) from None
    sender = settings.mail.from_address
    what = [w for w, on in (("approved apologies", wanted.apology), ("check-ins", wanted.checkins)) if on]
    links = f"; check-in links at {wanted.public_url}/checkin/…" if wanted.checkins else ""
    return (
        f"✓ customer e-mail: {found}\n  from {sender}, sending {' and '.join(what) or 'nothing (the policy turns both off)'}"
        f"{links}"
    )


def _triage(args: argparse.Namespace) -> int:
    from bot.recovery.triage import triage

    verdict = triage(args.text, load_policy(_policy_path()).triage)
    if args.json:
        print(
            json.dumps({"severity": verdict.severity, "reasons": list(verdict.reasons)}, ensure_ascii=False)
        )
    else:
        print(verdict.explain())
    return 0


def _check_apology(args: argparse.Namespace) -> int:
    from bot.recovery.quality.check import check_apology

    report = check_apology(sys.stdin.read(), severity=args.severity)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report.lines()) or "✓ No problems found.")
    return 0 if report.ok else 1


def _draft(args: argparse.Namespace) -> int:
    from bot.recovery.apologies import draft_for
    from bot.recovery.quality.check import check_apology
    from bot.recovery.triage import triage

    policy = load_policy(_policy_path())
    severity = args.severity or triage(args.text, policy.triage).severity
    level = policy.level(policy.rule(severity).apologize)
    leader = level.people[0] if level.people else level.title
    text = draft_for(  # no Slack here to look the leader's name up: signed with the title
        policy,
        summary=args.text,
        customer_name=args.customer,
        severity=severity,
        leader_name=level.title,
        level=level,
    )
    report = check_apology(text, severity=severity)
    if args.json:
        out = {"severity": severity, "leader": leader, "draft": text, "check": report.to_json()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"{severity}: asked of the {level.title.lower()} (<@{leader}>)\n\n{text}\n")
        print("\n".join(report.lines()) or "✓ passes the quality check")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from bot.recovery import evaluation

    try:
        examples = evaluation.read_labelled(args.file, apologies=args.what == "apologies")
    except evaluation.LabelError as err:
        print(f"✗ {err}", file=sys.stderr)
        return 2
    if args.what == "triage":
        rules = load_policy(_policy_path()).triage
        if args.without_keywords:
            rules = dataclasses.replace(rules, keywords={})
        score: evaluation.TriageScore | evaluation.ApologyScore = evaluation.score_triage(examples, rules)
    else:
        score = evaluation.score_apologies(examples)
    if args.json:
        print(json.dumps(score.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(score.lines(show_misses=args.misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
