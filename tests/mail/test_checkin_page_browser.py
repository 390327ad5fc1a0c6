"""The customer's check-in page in a real browser (Debian's headless Chromium, driven by Selenium).

Opening the e-mailed link, choosing Still unhappy, writing a few words and sending reopens the case in
Slack. The page is also photographed on a phone-sized window; set BOUNCEBACK_SCREENSHOT to a path (the
README's is docs/checkin-page.png) to keep the picture.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from bot.sandbox.cast import COMPLAINTS, DEMO_POLICY, MANAGER
from bot.sandbox.mailbox import text_of
from bot.sandbox.rig import Rig
from tests.flows.test_followup import QUICK, checkin_dms, fixed_case
from tests.helpers import all_cases, bot_posts, events, policy_file, wait_until

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ANA = "ana.ruiz@example.org"
PHONE = (390, 844)

webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')"
)
if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
    pytest.skip(
        f"Chromium is not installed ({CHROMIUM}, {CHROMEDRIVER}); apt-get install chromium chromium-driver "
        "(.ci/run installs them)",
        allow_module_level=True,
    )


@pytest.fixture
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    metrics = {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 2, "mobile": True, "touch": True}
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics})  # a phone's viewport
    # The driver named outright: Selenium Manager never looks for (or downloads) one.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(15)
    try:
        yield driver
    finally:
        driver.quit()


def test_still_unhappy_with_a_comment_from_the_page_reopens_the_case_in_slack(tmp_path, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, QUICK), mail=True) as rig:
        thread = fixed_case(
            rig, f"Customer: Ana Ruiz, {ANA} says the toast at breakfast was a little overdone."
        )
        mail = rig.mailbox.wait_for(
            lambda: next((m for m in rig.mailbox.to(ANA) if m["Subject"] == "Is everything okay now?"), None),
            what="the check-in e-mail",
        )
        rig.standin.wait_for(lambda: checkin_dms(rig), what="the check-in DM")
        unhappy = re.search(r"Still unhappy: (\S+)", text_of(mail)).group(1)
        browser.get(unhappy)
        assert browser.find_element(By.TAG_NAME, "h1").text == "Hi Ana, is everything okay now?"
        choice = browser.find_element(By.ID, "answer-unhappy")
        assert choice.is_selected()  # the link clicked in the e-mail chose it
        labels = {
            label.get_attribute("for"): label.text for label in browser.find_elements(By.TAG_NAME, "label")
        }
        assert labels == {"answer-ok": "All good", "answer-unhappy": "Still unhappy", "note": labels["note"]}
        assert "tell us" in labels["note"]
        assert browser.execute_script("return window.innerWidth") == PHONE[0]
        assert (
            browser.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
        )  # no sideways
        browser.find_element(By.ID, "note").send_keys("The toast is fine but nobody called me back.")
        screenshot = tmp_path / "checkin-page.png"
        browser.save_screenshot(str(screenshot))
        if os.environ.get("BOUNCEBACK_SCREENSHOT"):
            shutil.copy(screenshot, Path(os.environ["BOUNCEBACK_SCREENSHOT"]))
        browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(browser, 10).until(lambda page: page.title == "Thank you")
        assert browser.find_element(By.TAG_NAME, "h1").text == "We have your answer"
        said = rig.standin.wait_for(
            lambda: [m for m in bot_posts(rig, COMPLAINTS, thread_ts=thread) if "still unhappy" in m["text"]],
            what="the thread to hear the customer is still unhappy",
        )
        assert "The toast is fine but nobody called me back." in said[0]["text"]
        wait_until(lambda: all_cases(rig)[0].status == "reopened", what="the case reopened")
        [case] = all_cases(rig)
        assert case.apology_leader_id == MANAGER.id
        [answer] = events(rig, case.id, "checkin")
        assert answer.data["outcome"] == "unhappy" and answer.data["by"] == "customer"
        rig.standin.wait_for(
            lambda: any("Apology needed: REC-1" in m["text"] for m in rig.standin.dm(MANAGER.id)),
            what="the manager asked to apologize",
        )
