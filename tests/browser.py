"""A headless Chromium for the browser tests, and axe-core run inside it.

Chromium and chromedriver are Debian's (``apt-get install chromium chromium-driver``, done by
``.ci/run``); selenium never downloads anything (explicit driver path, ``SE_OFFLINE``). Pages are
opened through ``file://`` and the browser cannot resolve any host name: a page that tries to load
something from outside fails visibly instead of reaching the network.

``python tests/browser.py`` saves the screenshots of ``docs/captures/`` (see ``main``).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("IATERR_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("IATERR_CHROMEDRIVER", "/usr/bin/chromedriver"))
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WINDOW = (1280, 900)
FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--no-default-browser-check", "--mute-audio",
    # no host name resolves: nothing can be fetched from outside, whatever a page asks for
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--lang=fr-FR",
]


class BrowserUnavailable(RuntimeError):
    """Chromium, chromedriver or selenium is missing or does not start."""


def start_browser(user_data_dir: Path) -> Any:
    """A headless Chromium driven by selenium; raises BrowserUnavailable with the reason."""
    os.environ["SE_OFFLINE"] = "true"  # selenium-manager must never download a browser or a driver
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise BrowserUnavailable(f"selenium is not installed ({exc}): pip install -e '.[test]'") from exc
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise BrowserUnavailable(f"{path} is missing: apt-get install {package} (.ci/run does it)")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS + [f"--user-data-dir={user_data_dir}", f"--window-size={WINDOW[0]},{WINDOW[1]}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    except Exception as exc:  # WebDriverException, OSError, version mismatch…
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BrowserUnavailable(f"Chromium did not start: {first}") from exc
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver.set_window_size(*WINDOW)
    driver.get("about:blank")  # leave the start page (chrome://new-tab-page), then forget its requests
    driver.get_log("performance")
    return driver


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session; the tests skip, saying why, without one."""
    user_data = Path(tempfile.mkdtemp(prefix="iaterr-chromium-"))
    try:
        driver = start_browser(user_data)
    except BrowserUnavailable as exc:
        shutil.rmtree(user_data, ignore_errors=True)
        pytest.skip(f"no browser: {exc}")
    try:
        yield driver
    finally:
        try:
            driver.quit()
        finally:
            shutil.rmtree(user_data, ignore_errors=True)


def open_page(driver: Any, path: Path) -> None:
    """Open a local file, with a fresh performance log (see ``requests_of``)."""
    driver.get_log("performance")  # drain what earlier pages logged
    navigate(driver, path.resolve().as_uri())


def navigate(driver: Any, url: str) -> None:
    """Go to ``url`` and return once the *new* document is loaded. Opening the page already shown (or the same
    file with another query) could return while the old document was still there, on a loaded machine: the
    test then read elements that went stale, or the page before its script ran (flaky failures)."""
    import time

    try:
        driver.execute_script("window.__iaterr_ancienne_page = true;")
    except Exception:  # noqa: BLE001 - no page yet (a new browser)
        pass
    driver.get(url)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if driver.execute_script("return !window.__iaterr_ancienne_page && document.readyState === 'complete';"):
            return
        time.sleep(0.02)
    raise AssertionError(f"{url}: the page did not load within 30 s")


# ---------------------------------------------------------------- axe-core

_AXE_SOURCE: str | None = None


def axe_source() -> str:
    global _AXE_SOURCE
    if _AXE_SOURCE is None:
        _AXE_SOURCE = AXE.read_text(encoding="utf-8")
    return _AXE_SOURCE


_RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(r => done(JSON.stringify({violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({html: n.html, target: n.target, summary: n.failureSummary}))})),
    version: axe.version})))
  .catch(e => done(JSON.stringify({error: String(e)})));
"""


def axe_violations(driver: Any, tags: list[str] | None = None) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0/2.1 A and AA violations of the open page (empty list: none found)."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe_source())
    result = json.loads(driver.execute_async_script(_RUN_AXE, tags or AXE_TAGS))
    if "error" in result:
        raise AssertionError(f"axe-core failed: {result['error']}")
    return result["violations"]


def describe(violations: list[dict[str, Any]], page: str = "") -> str:
    """Violations as readable text for an assertion message."""
    lines = []
    for v in violations:
        lines.append(f"{page}: [{v['id']}] ({v['impact']}) {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:200]}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more elements")
    return "\n".join(lines)


# ---------------------------------------------------------------- requests

def requests_of(driver: Any) -> list[str]:
    """Every URL the open page asked for: Chrome's network log, and the Resource Timing entries."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    urls += driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".concat(performance.getEntriesByType('navigation').map(e => e.name))")
    return urls


def external(urls: list[str]) -> list[str]:
    """The URLs that are not local: anything but ``file:``, inline ``data:``/``blob:`` and the browser's own
    ``about:``/``chrome:`` pages (the start tab's, logged late)."""
    return sorted({u for u in urls if not u.startswith(("file://", "data:", "blob:", "about:", "chrome:"))})


# ---------------------------------------------------------------- screenshots

#: the widths of the screenshots of docs/captures/: a desktop, and a phone (390 CSS px, as an iPhone 12 to 15)
CAPTURES = {"": WINDOW, "-390": (390, 844)}


def screenshot(driver: Any, path: Path, out: Path, size: tuple[int, int] = WINDOW) -> None:
    """Save a PNG of the top of a page, its viewport ``size`` (CSS px; a phone's is emulated as one)."""
    # the window size counts the (invisible) browser frame: set the viewport itself
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": size[0], "height": size[1], "deviceScaleFactor": 1,
                            "mobile": size[0] < 600})
    try:
        open_page(driver, path)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.execute_script("window.scrollTo(0, 0)")
        if not driver.save_screenshot(str(out)):
            raise RuntimeError(f"screenshot of {path} failed")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main() -> int:
    """Save docs/captures/accueil.png, cas-usage.png (desktop, 1280 px) and accueil-390.png, cas-usage-390.png
    (phone, 390 px) from the register of this repository's data (or docs/captures/notice.png when
    ``iaterr register build`` does not exist yet)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    captures = root / "docs" / "captures"
    command = [sys.executable, "-m", "iaterr"]
    env = dict(os.environ, IATERR_LANG="fr", NO_COLOR="1")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        driver = start_browser(tmp_dir / "profile")
        try:
            try:
                import iaterr.publish.site  # noqa: F401
                has_site = True
            except ImportError:
                has_site = False
            if has_site:
                out = tmp_dir / "site"
                built = subprocess.run(command + ["register", "build", "--out", str(out)], cwd=root, env=env)
                if built.returncode not in (0, 1):  # 1: findings (pages said incomplete); the site is built
                    raise RuntimeError("iaterr register build failed")
                for suffix, size in CAPTURES.items():
                    for name, page in (("accueil", out / "index.html"),
                                       ("cas-usage", out / "cas" / "sicoval-detection-fuites-eau.html")):
                        target = captures / f"{name}{suffix}.png"
                        screenshot(driver, page, target, size)
                        print(f"wrote {target}")
            else:
                page = tmp_dir / "notice.html"
                html = subprocess.run(command + ["notice", "sicoval-detection-fuites-eau", "--format", "html"],
                                      cwd=root, env=env, capture_output=True, text=True)
                page.write_text(html.stdout, encoding="utf-8")
                screenshot(driver, page, captures / "notice.png")
                print(f"iaterr register build does not exist yet: wrote {captures / 'notice.png'}")
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
