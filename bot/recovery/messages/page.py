"""The small page a customer opens from a check-in e-mail: plain HTML, no JavaScript, readable on a phone.

It shows the company's name, a greeting and the question, and nothing else we know: no internal
notes, no case number, nobody's contact details. Real form controls with labels, so a screen reader
and a keyboard work as well as a thumb.
"""

from html import escape

from bot.recovery.messages.email import first_name

STYLE = """
body{margin:0;font:18px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#f6f5f2}
main{max-width:32rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
header{font-weight:600;color:#555;margin-bottom:1.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}
fieldset{border:0;padding:0;margin:0 0 1.25rem}
legend{font-weight:600;margin-bottom:.5rem}
.choice{display:flex;align-items:center;gap:.75rem;background:#fff;border:2px solid #ccc;border-radius:.6rem;
padding:.9rem 1rem;margin:.5rem 0;cursor:pointer}
.choice input{width:1.4rem;height:1.4rem;margin:0}
label[for=note]{display:block;font-weight:600;margin-bottom:.4rem}
textarea{box-sizing:border-box;width:100%;min-height:7rem;font:inherit;padding:.6rem;border:2px solid #ccc;border-radius:.6rem}
button{margin-top:1.25rem;width:100%;font:inherit;font-weight:600;padding:.9rem;border:0;border-radius:.6rem;
background:#1d4ed8;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.hint{color:#555;font-size:.95rem}
"""


def _document(title: str, company: str, inner: str) -> str:
    brand = f"<header>{escape(company)}</header>" if company else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{brand}{inner}</main></body></html>"
    )


def question_page(*, company: str, customer_name: str | None, action: str, form: str, answer: str) -> str:
    """The question with its two answers (the one clicked in the e-mail already chosen) and a box for words."""
    hello = f"Hi {escape(first_name(customer_name))}," if first_name(customer_name) else "Hello,"

    def choice(value: str, label: str) -> str:
        checked = " checked" if value == answer else ""
        return (
            f'<label class="choice" for="answer-{value}"><input type="radio" id="answer-{value}" '
            f'name="answer" value="{value}" required{checked}> {label}</label>'
        )

    inner = (
        f"<h1>{hello} is everything okay now?</h1>"
        f'<form method="post" action="{escape(action)}">'
        f'<input type="hidden" name="form" value="{escape(form)}">'
        "<fieldset><legend>Your answer</legend>"
        f"{choice('ok', 'All good')}{choice('unhappy', 'Still unhappy')}</fieldset>"
        '<label for="note">Anything you would like to tell us? (optional)</label>'
        '<textarea id="note" name="note" maxlength="1000" aria-describedby="note-hint"></textarea>'
        '<p id="note-hint" class="hint">If something is still wrong, a few words help us put it right.</p>'
        '<button type="submit">Send my answer</button></form>'
    )
    return _document("Is everything okay now?", company, inner)


def answered_page(*, company: str, outcome: str) -> str:
    """What the page shows once the check-in is answered, however often it is opened again."""
    if outcome == "unhappy":
        words = (
            "Thank you for telling us you are still unhappy. We are on it, and someone will be in touch soon."
        )
    else:
        words = "Thank you — we are glad everything is okay now."
    inner = f"<h1>We have your answer</h1><p>{escape(words)}</p>"
    return _document("Thank you", company, inner)


def unusable_page(*, company: str = "") -> str:
    """A link that is tampered with, unknown or expired: says so, and nothing more."""
    inner = (
        "<h1>This link does not work</h1>"
        "<p>It may have expired, or part of it may be missing. If you still need us, "
        "reply to the e-mail we sent you.</p>"
    )
    return _document("This link does not work", company, inner)


def refused_page(*, company: str = "") -> str:
    """A form posted from somewhere other than this page."""
    inner = "<h1>We could not take that answer</h1><p>Please open the link in our e-mail again and answer there.</p>"
    return _document("Please try again", company, inner)
