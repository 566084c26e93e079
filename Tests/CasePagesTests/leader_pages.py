"""Drives the leaders' pages in Debian's Chromium (Selenium), as a head does them.

Run by LeadersUseThePagesInABrowserTests with a running escalation service, notifier and SMTP
sink. It signs in through the link emailed to the sink, opens a case from its alert email,
records what the head did, checks each page with axe-core, saves screenshots at phone and
laptop widths, and tries what a forger would. It writes one JSON report (--report); the Swift
test judges it. A step the flow cannot go on from raises, with what it saw.
"""

import argparse
import email
import email.policy
import http.cookiejar
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

WIDTHS = {"phone": 320, "laptop": 1280}


class FlowError(Exception):
    pass


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


def mails(maildir):
    """Every email the sink filed, oldest first, parsed by Python's email package."""
    found = []
    for folder in ("new", "cur"):
        path = os.path.join(maildir, folder)
        if not os.path.isdir(path):
            continue
        for name in os.listdir(path):
            full = os.path.join(path, name)
            with open(full, "rb") as handle:
                found.append((os.path.getmtime(full), email.message_from_binary_file(handle, policy=email.policy.default)))
    return [message for _, message in sorted(found, key=lambda item: item[0])]


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def wait_for_mail(maildir, to, subject, after=0, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        matching = [m for m in mails(maildir) if to in str(m["To"]) and subject in str(m["Subject"])]
        if len(matching) > after:
            return matching[-1]
        time.sleep(0.25)
    raise FlowError(f"no email to {to} with subject containing {subject!r} within {timeout} s")


def link_in(message, prefix):
    match = re.search(re.escape(prefix) + r"\S+", text_of(message))
    if not match:
        raise FlowError(f"no link starting {prefix} in the email {message['Subject']!r}")
    return match.group(0)


def sign_in(driver, base, maildir, address, next_path=None):
    """Asks for a link on the sign-in page, takes it from the sink, and uses it."""
    before = len([m for m in mails(maildir) if address in str(m["To"]) and "sign in" in str(m["Subject"])])
    driver.get(base + "/sign-in" + (f"?next={urllib.parse.quote(next_path)}" if next_path else ""))
    field = driver.find_element(By.ID, "email")
    field.send_keys(address)
    page = driver.find_element(By.TAG_NAME, "html")
    field.send_keys(Keys.ENTER)  # the keyboard, as many heads will
    WebDriverWait(driver, 20).until(expected_conditions.staleness_of(page))
    heading = driver.find_element(By.TAG_NAME, "h1").text
    if heading != "Check your email":
        raise FlowError(f"after asking for a link the page said {heading!r}")
    message = wait_for_mail(maildir, address, "sign in", after=before)
    link = link_in(message, base + "/sign-in/")
    driver.get(link)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    return link


def audit(driver, report, page):
    """axe-core's serious and critical violations of the page shown."""
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    report["accessibility"][page] = {"serious_or_critical": serious, "checked_rules": len(results["passes"]) + len(results["violations"])}


def screenshots(driver, shots, page, report):
    """The page at each width, the whole height; and whether anything is wider than the window."""
    for label, width in WIDTHS.items():
        driver.set_window_size(width, 900)
        time.sleep(0.2)
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        height = driver.execute_script("return Math.max(document.body.scrollHeight, 900)")
        driver.set_window_size(width, min(height, 8000))
        driver.execute_script("window.scrollTo(0, 0)")
        path = os.path.join(shots, f"{page}-{label}.png")
        driver.save_screenshot(path)
        report["screenshots"].append(path)
        report["overflow"][f"{page}-{label}"] = overflow
    driver.set_window_size(1280, 900)


def look(driver, shots, page, report):
    audit(driver, report, page)
    screenshots(driver, shots, page, report)


def submit(driver, button):
    """Presses `button` and waits for the page it leads to."""
    page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 20).until(expected_conditions.staleness_of(page))


def record(driver, action, reference=None, note=""):
    """Records step `action` through the case page's step form."""
    form = driver.find_element(By.ID, "form-step")
    Select(form.find_element(By.NAME, "action")).select_by_value(action)
    if reference is not None:
        form.find_element(By.NAME, "reference").send_keys(reference)
    form.find_element(By.NAME, "note").send_keys(note)
    submit(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    found = driver.find_elements(By.CSS_SELECTOR, "p[role=status]")
    return found[0].text if found else None


class Client:
    """Plain HTTP with a cookie jar and no redirects followed: what a forger's page could send."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base, cookies=None):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), self.NoRedirect())
        self.cookies = cookies or {}

    def request(self, method, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()


def form_token(html):
    match = re.search(r'name="form_token" value="([0-9a-f]*)"', html)
    return match.group(1) if match else None


def heading(html):
    match = re.search(r"<h1>(.*?)</h1>", html)
    return match.group(1) if match else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--head", required=True, help="the head whose case is opened")
    parser.add_argument("--other-head", required=True, help="a head of another school")
    parser.add_argument("--trust-lead", required=True)
    parser.add_argument("--expired-link", required=True, help="a sign-in link past its 15 minutes")
    parser.add_argument("--shots", required=True)
    parser.add_argument("--report", required=True, help="where to write the JSON report")
    arguments = parser.parse_args()
    base, maildir, shots = arguments.base, arguments.maildir, arguments.shots
    os.makedirs(shots, exist_ok=True)
    report = {"accessibility": {}, "screenshots": [], "overflow": {}}

    head = browser()
    other = browser()
    try:
        # The sign-in page, before anyone is signed in.
        head.get(base + "/sign-in")
        look(head, shots, "sign-in", report)
        report["sign_in_cookie_flags"] = [c for c in head.get_cookies() if c["name"] == "parapet_form"]

        # The alert email's link opens the case: through sign-in first, then the case itself.
        alert = wait_for_mail(maildir, arguments.head, "")
        alerts = [m for m in mails(maildir) if arguments.head in str(m["To"]) and base + "/cases/" in text_of(m)]
        if not alerts:
            raise FlowError(f"no alert email to {arguments.head} with a case link")
        alert = alerts[0]
        case_link = link_in(alert, base + "/cases/")
        case_id = case_link.rsplit("/", 1)[-1]
        report["case_id"] = case_id
        head.get(case_link)
        report["unsigned_redirect"] = head.current_url
        used_link = sign_in(head, base, maildir, arguments.head, next_path="/cases/" + case_id)
        report["after_sign_in"] = head.current_url
        report["session_cookie"] = [
            {k: c.get(k) for k in ("name", "httpOnly", "secure", "sameSite", "path")} for c in head.get_cookies() if c["name"] == "parapet_session"
        ]
        look(head, shots, "case", report)

        # What the head did, through the page's forms.
        report["recorded"] = [
            record(head, "removal_requested", note="Asked Facebook to take the post down."),
            record(head, "police_contacted", reference="CAD 4417/07DEC", note="Rang 101; an officer will call back."),
        ]
        # Told the police without their reference: refused, with the reason, nothing recorded.
        report["police_without_reference"] = record(head, "police_contacted", note="Forgot the number")
        report["police_without_reference_error"] = head.find_element(By.CSS_SELECTOR, "[role=alert]").text
        report["timeline"] = [item.text for item in head.find_elements(By.CSS_SELECTOR, ".timeline li")]
        report["told"] = [item.text for item in head.find_elements(By.CSS_SELECTOR, ".told li")]
        report["marked"] = [item.text for item in head.find_elements(By.CSS_SELECTOR, ".post-text mark")]
        report["case_text"] = head.find_element(By.TAG_NAME, "main").text

        head.get(base + "/cases")
        look(head, shots, "my-cases", report)
        report["my_cases"] = [a.get_attribute("href") for a in head.find_elements(By.CSS_SELECTOR, ".case-list h2 a")]

        # A forger: the head's own session cookie, but no token or another session's.
        session = {c["name"]: c["value"] for c in head.get_cookies() if c["name"] == "parapet_session"}
        forger = Client(base, cookies=session)
        status, _, html = forger.request("GET", f"/cases/{case_id}")
        own_token = form_token(html)
        status_none, _, _ = forger.request("POST", f"/cases/{case_id}/actions", {"action": "note", "note": "forged, no token"})
        sign_in(other, base, maildir, arguments.other_head)
        other_session = {c["name"]: c["value"] for c in other.get_cookies() if c["name"] == "parapet_session"}
        _, _, other_html = Client(base, cookies=other_session).request("GET", "/cases")
        other_token = form_token(other_html)
        status_other, _, _ = forger.request(
            "POST", f"/cases/{case_id}/actions", {"action": "note", "note": "forged, another session's token", "form_token": other_token}
        )
        status_sign_out, _, _ = forger.request("POST", "/sign-out", {"form_token": other_token})
        report["forgery"] = {
            "no_token": status_none,
            "other_sessions_token": status_other,
            "sign_out_with_other_token": status_sign_out,
            "tokens_differ": own_token != other_token and bool(own_token) and bool(other_token),
        }

        # Another school's head: the case is not there for them.
        other.get(case_link)
        report["other_school"] = {"title": other.title, "heading": other.find_element(By.TAG_NAME, "h1").text}
        status_api, _, _ = Client(base, cookies=other_session).request("GET", f"/cases/{case_id}")
        report["other_school"]["status"] = status_api
        look(other, shots, "not-found", report)

        # Links used once, or too late, from a fresh browser.
        fresh = Client(base)
        status, _, html = fresh.request("GET", urllib.parse.urlparse(used_link).path)
        token = form_token(html)
        status, _, html = fresh.request("POST", urllib.parse.urlparse(used_link).path, {"form_token": token})
        report["used_link"] = {"status": status, "heading": heading(html), "cookies": [c.name for c in fresh.jar if c.name == "parapet_session"]}
        expired = urllib.parse.urlparse(arguments.expired_link).path
        status, _, html = fresh.request("GET", expired)
        status, _, html = fresh.request("POST", expired, {"form_token": form_token(html)})
        report["expired_link"] = {"status": status, "heading": heading(html)}
        other.delete_all_cookies()
        other.get(arguments.expired_link)
        submit(other, other.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        look(other, shots, "link-expired", report)

        # The trust safeguarding lead's overview; a head has none.
        report["head_trust_status"] = forger.request("GET", "/trust")[0]
        other.delete_all_cookies()
        sign_in(other, base, maildir, arguments.trust_lead, next_path="/trust")
        report["trust_url"] = other.current_url
        report["trust_text"] = other.find_element(By.TAG_NAME, "main").text
        report["trust_chart_bars"] = len(other.find_elements(By.CSS_SELECTOR, "figure.chart rect"))
        look(other, shots, "trust", report)

        # Signing out ends the session: the old cookie no longer opens the case.
        submit(head, head.find_element(By.CSS_SELECTOR, ".sign-out button"))
        report["after_sign_out"] = head.find_element(By.TAG_NAME, "h1").text
        status, headers, _ = Client(base, cookies=session).request("GET", f"/cases/{case_id}")
        report["old_session_after_sign_out"] = {"status": status, "location": headers.get("Location")}

        # Headers of a page.
        _, headers, _ = Client(base, cookies=other_session).request("GET", "/cases")
        report["headers"] = {k: headers.get(k) for k in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Cache-Control")}

        # The sign-in form refuses a flood.
        flood = Client(base)
        _, _, html = flood.request("GET", "/sign-in")
        token = form_token(html)
        statuses = [
            flood.request("POST", "/sign-in", {"form_token": token, "email": "nobody-known@example.org"})[0] for _ in range(7)
        ]
        report["flood"] = statuses
    finally:
        head.quit()
        other.quit()
    with open(arguments.report, "w") as handle:
        json.dump(report, handle, indent=1)


if __name__ == "__main__":
    try:
        main()
    except FlowError as error:
        print(f"leader_pages.py: {error}", file=sys.stderr)
        sys.exit(2)
