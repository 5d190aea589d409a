#!/usr/bin/env python3
"""Browser test of `redline serve`: Chromium driven by Selenium, as a reviewer, a drafter
and a reader would use it. Builds a demo repository, invites three people, starts the
server on a free loopback port, walks through the review and saves a screenshot of each
step in out/browser/. Prints 'N passed, N failed' and exits non-zero on any failure.

Usage: python3 Tests/browser/test_review.py [path/to/redline]
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REDLINE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/redline"))
SHOTS = os.path.join(ROOT, "out", "browser")
passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def invite(repo, port, name, email, role):
    out = subprocess.run(
        [REDLINE, "reviewers", "add", name, "--email", email, "--role", role, "--repo", repo,
         "--url", f"http://127.0.0.1:{port}"], check=True, capture_output=True, text=True, timeout=60).stdout
    return re.search(r"http://\S+/signin\?token=[0-9a-f]{64}", out).group(0)


def main():
    os.makedirs(SHOTS, exist_ok=True)
    work = tempfile.mkdtemp(prefix="redline-browser-")
    repo = os.path.join(work, "repo")
    subprocess.run([REDLINE, "demo", "--drafts", os.path.join(ROOT, "drafts"), "--reviews", os.path.join(ROOT, "reviews"),
                    "--into", repo], check=True, capture_output=True, timeout=120)
    port = free_port()
    links = {role: invite(repo, port, name, email, role) for role, name, email in [
        ("reviewer", "Aino Arvioija", "aino@example.fi"),
        ("drafter", "Liisa Valmistelija", "liisa@example.fi"),
        ("reader", "Riikka Lukija", "riikka@example.fi")]}
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([REDLINE, "serve", "--repo", repo, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/static/redline.css", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    opts = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1400",
              "--lang=fi"]:
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {"intl.accept_languages": "fi,fi-FI"})
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    # The driver's own log: a WebDriver call that fails with an empty message (seen in CI
    # under load) is explained there, if anywhere.
    driver_log = os.path.join(work, "chromedriver.log")
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver", log_output=driver_log)
    try:
        driver = webdriver.Chrome(service=service, options=opts)
    except Exception:  # the browser did not start: say why, from the driver's log
        traceback.print_exc()
        if os.path.exists(driver_log):
            print("--- last lines of chromedriver.log:\n" + "\n".join(open(driver_log, errors="replace").read().splitlines()[-25:]))
        server.terminate()
        raise
    driver.set_page_load_timeout(30)
    driver.implicitly_wait(5)
    step = [0]

    def shot(name):
        step[0] += 1
        driver.save_screenshot(os.path.join(SHOTS, f"{step[0]:02d}-{name}.png"))

    def replaced(old):
        """True once `old` is no longer in the page. Chromium's driver says so either as a
        stale element or, when the page is swapped while it asks, as an "unknown error"
        that the node "does not belong to the document" (EC.staleness_of raises on that)."""
        def gone(_):
            try:
                old.is_enabled()
                return False
            except StaleElementReferenceException:
                return True
            except WebDriverException as e:
                if "does not belong to the document" in str(e) or "No node with given id" in str(e):
                    return True
                raise
        return gone

    def submit(button):
        """Clicks a submit button and waits for the next page."""
        old = driver.find_element(By.TAG_NAME, "html")
        button.click()
        WebDriverWait(driver, 20).until(replaced(old))

    def sign_in(role):
        driver.delete_all_cookies()
        driver.get(links[role])
        shot(f"signin-{role}")
        submit(driver.find_element(By.ID, "signin"))

    def body():
        return driver.find_element(By.TAG_NAME, "body").text

    def dashboard_count(status):
        driver.get(base + "/dashboard")
        found = driver.find_elements(By.ID, f"count-{status}")
        return int(found[0].text) if found else 0

    try:
        # 1. A reviewer signs in through the link; the link works once.
        sign_in("reviewer")
        check("reviewer signed in", "Aino Arvioija" in body(), body()[:200])
        shot("versions")
        driver.delete_all_cookies()
        driver.get(links["reviewer"])
        check("link works only once", "käytetty" in body() and not driver.find_elements(By.ID, "signin"), body()[:200])
        shot("link-used")
        sign_in_again_failed = "Aino Arvioija" not in body()
        check("second use does not sign in", sign_in_again_failed)
        # Sign in again with a fresh link, as the drafters would send.
        links["reviewer"] = invite(repo, port, "Aino Arvioija", "aino@example.fi", "reviewer")
        sign_in("reviewer")

        driver.get(base + "/version?rev=v2")
        check("version page has contents and labels", driver.find_elements(By.CSS_SELECTOR, "nav.toc li")
              and "§1.1 ¶1" in body())
        shot("version")

        # The Swedish translation of the same version, through the document chooser.
        driver.find_element(By.CSS_SELECTOR, "nav.docs").find_element(By.LINK_TEXT, "regionutvecklingsbeslut.md").click()
        check("document chooser opens the Swedish version",
              "doc=regionutvecklingsbeslut.md" in driver.current_url and "Statsrådets regionutvecklingsbeslut" in body(),
              driver.current_url)
        shot("version-swedish")
        driver.get(base + "/compare?from=v2&to=v3&doc=regionutvecklingsbeslut.md")
        check("Swedish comparison has comment actions", driver.find_elements(By.CSS_SELECTOR, ".block details.act"))
        shot("compare-swedish")

        # 2. The v1 → v2 comparison, its labels in Finnish like the page around it.
        driver.get(base + "/compare?from=v1&to=v2")
        shot("compare")
        tags = [t.text for t in driver.find_elements(By.CSS_SELECTOR, ".block.modified .tag")]
        check("comparison labels are Finnish", tags and all("muutettu" in t.lower() for t in tags), tags[:3])
        check("comparison shows insertions", len(driver.find_elements(By.CSS_SELECTOR, ".block ins")) > 0)
        check("comparison shows deletions", len(driver.find_elements(By.CSS_SELECTOR, ".block del")) > 0)

        # 3. Comment on a paragraph.
        blocks = driver.find_elements(By.CSS_SELECTOR, ".block.modified")
        check("modified blocks have comment actions", len(blocks) > 1 and blocks[0].find_elements(By.CSS_SELECTOR, "details.act"))
        first = blocks[0]
        first.find_element(By.CSS_SELECTOR, "details.act summary").click()
        first.find_element(By.NAME, "message").send_keys("Lisätkää saavutettavuus tähän kappaleeseen.")
        shot("comment-form")
        submit(first.find_element(By.CSS_SELECTOR, "form.comment button"))
        check("paragraph comment saved", "Lisätkää saavutettavuus" in body() and "/thread/" in driver.current_url)
        thread_url = driver.current_url
        shot("paragraph-thread")

        # 4. Comment on a phrase: select words inside a paragraph, then comment.
        driver.get(base + "/compare?from=v1&to=v2")
        block = driver.find_elements(By.CSS_SELECTOR, ".block.modified")[1]
        phrase = driver.execute_script("""
            const box = arguments[0];
            const walker = document.createTreeWalker(box.querySelector('.text'), NodeFilter.SHOW_TEXT, {
              acceptNode: n => (n.parentElement.closest('del') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)});
            let node = null;
            while (walker.nextNode()) { if (walker.currentNode.textContent.trim().split(/\\s+/).length >= 4) { node = walker.currentNode; break; } }
            const words = node.textContent.trim().split(/\\s+/).slice(0, 3).join(' ');
            const start = node.textContent.indexOf(words);
            const range = document.createRange();
            range.setStart(node, start); range.setEnd(node, start + words.length);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
            document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
            return words;""", block)
        quote = block.find_element(By.CSS_SELECTOR, "input.quote").get_attribute("value")
        check("selection fills the quote field", quote == phrase, f"{quote!r} vs {phrase!r}")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", block)
        shot("phrase-selected")
        block.find_element(By.NAME, "message").send_keys("Mitä tällä sanamuodolla tarkoitetaan?")
        submit(block.find_element(By.CSS_SELECTOR, "form.comment button"))
        marks = driver.find_elements(By.TAG_NAME, "mark")
        check("phrase comment anchored to the phrase", len(marks) == 1 and marks[0].text == phrase,
              marks[0].text if marks else "no mark")
        shot("phrase-thread")

        # 5. Reply.
        driver.get(thread_url)
        driver.find_element(By.CSS_SELECTOR, "form.reply textarea").send_keys("Lisään vielä: koskee myös 3.2-lukua.")
        submit(driver.find_element(By.CSS_SELECTOR, "form.reply button"))
        check("reply shown in the thread", "koskee myös 3.2-lukua" in body())
        hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
        driver.find_element(By.CSS_SELECTOR, "form.reply textarea").send_keys(hostile)
        submit(driver.find_element(By.CSS_SELECTOR, "form.reply button"))
        try:
            driver.switch_to.alert.dismiss()
            alerted = True
        except Exception:
            alerted = False
        check("markup in a comment stays text in the browser",
              hostile in body() and not alerted and not driver.find_elements(By.CSS_SELECTOR, ".ev img, .ev script"))
        shot("reply")
        check("reviewer has no resolve form", not driver.find_elements(By.CSS_SELECTOR, "form.resolve"))

        # 6. A drafter signs in and resolves it as accepted; the dashboard changes.
        submit(driver.find_element(By.CSS_SELECTOR, "nav form button"))
        sign_in("drafter")
        before = dashboard_count("resolved")
        shot("dashboard-before")
        driver.get(thread_url)
        Select(driver.find_element(By.NAME, "disposition")).select_by_value("accepted")
        driver.find_element(By.NAME, "reason").send_keys("Lisätty kohtaan 5.1.")
        shot("resolve-form")
        submit(driver.find_element(By.CSS_SELECTOR, "form.resolve button"))
        check("thread resolved as accepted", "Huomioitu" in body() and "Lisätty kohtaan 5.1." in body())
        shot("resolved")
        after = dashboard_count("resolved")
        check("dashboard counts one more resolved", after == before + 1, f"{before} -> {after}")
        thread_id = thread_url.rsplit("/", 1)[1]
        row = driver.find_elements(By.ID, f"t-{thread_id}")
        check("dashboard row shows accepted", row and "Huomioitu" in row[0].text)
        Select(driver.find_element(By.NAME, "status")).select_by_value("resolved")
        submit(driver.find_element(By.CSS_SELECTOR, "form.pick button"))
        check("status filter keeps resolved threads", driver.find_elements(By.ID, f"t-{thread_id}"))
        for summary in driver.find_elements(By.CSS_SELECTOR, "details.breakdown summary"):
            summary.click()
        check("dashboard breaks threads down by section and respondent",
              len(driver.find_elements(By.CSS_SELECTOR, "table.breakdown")) == 2 and "Aino Arvioija" in body())
        shot("dashboard-after")

        # 7. A reader sees no comment forms, and a comment form posted anyway is refused.
        submit(driver.find_element(By.CSS_SELECTOR, "nav form button"))
        sign_in("reader")
        driver.get(base + "/compare?from=v1&to=v2")
        check("reader sees no comment forms", not driver.find_elements(By.CSS_SELECTOR, "form.comment"))
        badges = driver.find_elements(By.CSS_SELECTOR, ".block .badge")
        check("comparison shows the threads on their paragraphs", badges and "Ratkaistu" in badges[0].text,
              badges[0].text if badges else "no badge")
        if badges:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", badges[0])
        shot("reader-compare")
        driver.execute_script("""
            const f = document.createElement('form'); f.method = 'post'; f.action = '/comment';
            const add = (n, v) => { const i = document.createElement('input'); i.name = n; i.value = v; f.appendChild(i); };
            add('csrf', document.querySelector('input[name=csrf]').value);
            add('rev', 'v2'); add('block', '§1.1 ¶1'); add('message', 'Lukijan kommentti');
            document.body.appendChild(f); window.setTimeout(() => f.submit(), 0);""")
        WebDriverWait(driver, 20).until(lambda d: "/comment" in d.current_url)
        check("reader's comment is refused", "ei ole oikeutta" in body(), body()[:200])
        shot("reader-refused")
        driver.get(base + "/dashboard")
        check("reader's comment was not stored", "Lukijan kommentti" not in driver.page_source)

        # 8. Language switch.
        driver.get(base + "/?lang=sv")
        check("Swedish chrome", "Versioner" in body())
        shot("swedish")
    except Exception as e:  # a failed lookup is a failed test, with a screenshot and the logs
        check("browser walk-through", False, repr(e))
        traceback.print_exc()  # the step: the line of this script that failed
        try:
            shot("failure")
        except Exception as s:
            print(f"no screenshot: {s!r}")
        for name in ["chromedriver.log", "server.log"]:
            path = os.path.join(work, name)
            if os.path.exists(path):
                shutil.copy(path, os.path.join(SHOTS, name))  # kept in out/browser/
                tail = open(path, errors="replace").read().splitlines()[-25:]
                print(f"--- last lines of {name}:\n" + "\n".join(tail))
    finally:
        driver.quit()
        server.terminate()
        try:
            server.wait(timeout=15)
            check("server stops cleanly on SIGTERM", server.returncode == 0, f"exit {server.returncode}")
        except subprocess.TimeoutExpired:
            server.kill()
            check("server stops cleanly on SIGTERM", False, "still running after 15 s")
        log.close()
        lines = open(os.path.join(work, "server.log")).read()
        check("one log line per request", "POST /comment 303" in lines and "token=" not in lines)
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
