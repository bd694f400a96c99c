"""End to end in headless Chromium (Debian's ``chromium``, driven by Playwright's Python package; no browser is
downloaded): the map loads with no request leaving 127.0.0.1, shows the fixture store's markers, a filter changes
the count, a click opens a popup with the evidence highlighted, article text stays text, a screenshot is saved.

Set ``EVENTCODER_MAP_SCREENSHOT=docs/map.png`` to also write the README's screenshot."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from eventcoder.server import create_app
from server_store import coded, fill  # noqa: F401 - fixture

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium: install Debian's 'chromium' package (as .ci/run does) to run the browser test",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed "
                               "(pip install -e '.[test]')")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCRIPT = "<script>alert(1)</script>"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(coded, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:  # noqa: ANN001, F811
    """uvicorn serving the fixture store on 127.0.0.1 in a thread, stopped at teardown."""
    import uvicorn

    db = fill(str(tmp_path_factory.mktemp("browser") / "events.db"), coded)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture
def page(tmp_path: Path) -> Iterator[tuple[object, list[str], list[str], list[str]]]:
    """A page in a fresh Chromium profile; every request is recorded and any not to 127.0.0.1 is aborted."""
    requests: list[str] = []
    outside: list[str] = []
    problems: list[str] = []
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1400, "height": 850}, service_workers="block")

        def route(r) -> None:  # noqa: ANN001
            url = r.request.url
            requests.append(url)
            if urlsplit(url).hostname != "127.0.0.1":
                outside.append(url)
                r.abort()
            else:
                r.continue_()

        context.route("**/*", route)
        p = context.new_page()
        p.set_default_timeout(15_000)
        p.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        p.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        p.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        try:
            yield p, requests, outside, problems
        finally:
            context.close()


def test_the_map(page, base_url: str, tmp_path: Path) -> None:  # noqa: ANN001
    p, requests, outside, problems = page
    p.goto(base_url + "/")
    p.wait_for_selector("body[data-ready='1']")

    # the fixture store's five events: on the map (markers or clusters counting them) and in the list
    p.wait_for_selector("#count[data-count='5']")
    assert p.locator("#list li").count() == 5
    p.wait_for_selector(".leaflet-marker-icon")
    for _ in range(50):  # clusters animate after the first zoom: read them once they settle
        dots = p.locator(".leaflet-marker-icon.ev-dot").count()
        clustered = sum(int(t) for t in p.locator(".marker-cluster span").all_inner_texts())
        if dots + clustered == 5:
            break
        p.wait_for_timeout(100)
    assert dots + clustered == 5 and dots >= 1, (dots, clustered)
    assert p.locator(".leaflet-overlay-pane path").count() > 100  # the bundled country outlines
    assert "Battles" in p.locator("#legend").inner_text()

    # a filter changes what is shown; the CSV link follows the filter
    p.select_option("#f-country", "Ukraine")
    p.wait_for_selector("#count[data-count='1']")
    assert p.locator("#list li").count() == 1 and "Kharkiv" in p.locator("#list").inner_text()
    assert p.get_attribute("#csv", "href") == "/events.csv?country=Ukraine"
    p.select_option("#f-country", "")
    p.wait_for_selector("#count[data-count='5']")
    p.fill("#f-actor", "rapid support")
    p.wait_for_selector("#count[data-count='1']")
    assert "El Fasher" in p.locator("#list").inner_text()
    p.fill("#f-actor", "")
    p.wait_for_selector("#count[data-count='5']")
    p.locator("#f-from").fill("10")  # the date slider: from the 11th week of the store's 16
    p.wait_for_selector("#count[data-count='2']")
    assert p.get_attribute("#csv", "href").startswith("/events.csv?since=2024-05-13")
    p.locator("#f-from").fill("0")
    p.wait_for_selector("#count[data-count='5']")
    assert p.locator("#chart svg rect").count() == 16  # a bar a week

    # a click on an event opens its popup: fields, the evidence sentence with its words marked, the source
    p.locator("#list li", has_text="Shelling").click()
    p.wait_for_selector(".leaflet-popup .sentence mark")
    popup = p.locator(".leaflet-popup-content")
    marks = popup.locator("mark").all_inner_texts()
    assert {"shelled", "Kharkiv", "on Friday"} <= set(marks), marks
    assert "Russian forces shelled" in popup.locator(".sentence").first.inner_text()
    assert "Kyiv Bulletin" in popup.locator(".sources").inner_text()
    assert popup.locator(".sources a").get_attribute("href") == "https://news.example.org/2024/05/11/kharkiv-shelling"
    if os.environ.get("EVENTCODER_MAP_SCREENSHOT"):
        p.wait_for_timeout(500)  # the popup's fade-in
        p.screenshot(path=os.environ["EVENTCODER_MAP_SCREENSHOT"])

    # the article with a script tag: shown as text, never run, never made an element
    p.keyboard.press("Escape")
    p.locator("#list li", has_text="Nairobi").click()
    kenya = p.locator(".leaflet-popup-content", has_text="Nairobi")
    kenya.locator(".sentence mark").first.wait_for()
    assert SCRIPT in kenya.inner_text() and SCRIPT in kenya.locator(".sentence").first.inner_text()
    assert p.locator(".leaflet-popup-content script").count() == 0 and p.locator("script").count() == 3
    p.wait_for_timeout(500)  # the last popup's fade-out and this one's fade-in
    assert p.locator(".leaflet-popup").count() == 1
    shot = tmp_path / "map.png"
    p.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000

    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in requests) and len(requests) > 10
    assert problems == [], problems


def test_the_api_docs_page_is_offline_too(page, base_url: str) -> None:  # noqa: ANN001
    p, requests, outside, problems = page
    p.goto(base_url + "/docs")
    p.wait_for_selector("text=/events.geojson")
    assert outside == [] and problems == [], (outside, problems)
