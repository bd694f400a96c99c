"""Fetching a URL on request: off unless enabled; then only public addresses, redirects checked too (SSRF guard).
No test reaches the internet: hosts resolve through a fake resolver and pages come from httpx's MockTransport."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from eventcoder.server import create_app
from eventcoder.server.fetch import FetchError, check_url, fetch_html, refusal
from server_store import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
PUBLIC = "93.184.216.34"


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.20", "private"), ("fc00::5", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("224.0.0.251", "multicast"), ("ff02::1", "multicast"),
    ("240.0.0.1", "reserved"), ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"),
    ("100.64.0.1", "public"),  # carrier-grade NAT: not global
    ("fe80::1%eth0", "link-local"),
])
def test_refused_addresses(address: str, kind: str) -> None:
    why = refusal(address)
    assert why is not None and (kind in why if kind != "public" else "not a public address" in why), why


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal(address) is None


def test_not_an_address() -> None:
    assert "not an IP address" in (refusal("example.org") or "")


def _resolver(table: dict[str, list[str]]):  # noqa: ANN202
    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise FetchError(f"cannot resolve the host {host!r}")
        return table[host]
    return resolve


@pytest.mark.parametrize(("url", "message"), [
    ("http://127.0.0.1/", "loopback"),
    ("http://localhost:8000/admin", "loopback"),
    ("http://[::1]/", "loopback"),
    ("http://metadata.internal/latest", "link-local"),
    ("http://mixed.example/", "private"),  # one public and one private address: refused
    ("file:///etc/passwd", "only http"),
    ("gopher://news.example/", "only http"),
    ("http:///nohost", "no host"),
    ("http://news.example:99999/", "bad port"),
])
def test_check_url_refuses(url: str, message: str) -> None:
    resolve = _resolver({"localhost": ["127.0.0.1", "::1"], "metadata.internal": ["169.254.169.254"],
                         "mixed.example": [PUBLIC, "10.0.0.7"], "127.0.0.1": ["127.0.0.1"], "::1": ["::1"],
                         "news.example": [PUBLIC]})
    with pytest.raises(FetchError, match=message):
        check_url(url, resolve)


def test_the_real_resolver_refuses_loopback() -> None:
    with pytest.raises(FetchError, match="loopback"):
        check_url("http://localhost:9/")  # resolved by the system: no request is made
    with pytest.raises(FetchError, match="loopback"):
        check_url("http://127.0.0.1:9/")


def test_redirects_are_checked_too() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.headers['host']} via {request.url.host}")
        if request.headers["host"] == "news.example":
            return httpx.Response(302, headers={"Location": "http://internal.example/secret"})
        return httpx.Response(200, text="<html>secret</html>")

    resolve = _resolver({"news.example": [PUBLIC], "internal.example": ["192.168.0.10"]})
    with pytest.raises(FetchError, match="private"):
        fetch_html("http://news.example/story", resolve, httpx.MockTransport(handler))
    assert seen == [f"news.example via {PUBLIC}"]  # the private host was never asked


def test_fetch_follows_public_redirects_and_limits_size() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "/new"})
        if request.url.path == "/big":
            return httpx.Response(200, content=b"x" * 5000)
        if request.url.path == "/gone":
            return httpx.Response(404)
        if request.url.path == "/loop":
            return httpx.Response(302, headers={"Location": "/loop"})
        return httpx.Response(200, text="<html><body><p>Story</p></body></html>")

    resolve, transport = _resolver({"news.example": [PUBLIC]}), httpx.MockTransport(handler)
    html, final = fetch_html("http://news.example/old", resolve, transport)
    assert "Story" in html and final == "http://news.example/new"
    html, final = fetch_html("https://news.example:8443/old", resolve, transport)
    assert final == "https://news.example:8443/new"
    with pytest.raises(FetchError, match="5,000|1,000-byte"):
        fetch_html("http://news.example/big", resolve, transport, max_bytes=1000)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_html("http://news.example/gone", resolve, transport)
    with pytest.raises(FetchError, match="redirects"):
        fetch_html("http://news.example/loop", resolve, transport)


def test_the_request_goes_to_the_address_that_was_checked() -> None:
    """DNS rebinding: a host that resolves to a public address for the check and to a private one a moment later
    is still fetched from the checked address (the connection is made to it; Host header and TLS name kept)."""
    answers = iter([[PUBLIC], ["127.0.0.1"]])
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, text="<html><body><p>Story</p></body></html>")

    html, _ = fetch_html("https://rebind.example/a?b=1", lambda host, port: next(answers), httpx.MockTransport(handler))
    (req,) = requests
    assert (req.url.scheme, req.url.host, req.url.path, req.url.query) == ("https", PUBLIC, "/a", b"b=1")
    assert req.url.port in (None, 443)
    assert req.headers["host"] == "rebind.example" and req.extensions["sni_hostname"] == "rebind.example"
    _, _ = fetch_html("http://[2606:4700::1111]:8080/x", lambda host, port: ["2606:4700::1111"],
                      httpx.MockTransport(handler))
    assert requests[1].headers["host"] == "[2606:4700::1111]:8080" and requests[1].url.port == 8080
    assert "sni_hostname" not in requests[1].extensions


@pytest.fixture
def fetching(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(tmp_path / "f.db"), token=TOKEN, allow_fetch=True)) as c:
        yield c


@pytest.mark.parametrize(("url", "message"), [
    ("http://127.0.0.1:9/story", "loopback"), ("http://localhost:9/story", "loopback"),
    ("http://[::1]:9/", "loopback"), ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://10.0.0.1/", "private"), ("file:///etc/passwd", "only http"),
])
def test_the_api_refuses_to_fetch_private_urls(fetching: TestClient, url: str, message: str) -> None:
    for path in ("/articles", "/extract"):
        r = fetching.post(path, json={"url": url}, headers=AUTH)
        assert r.status_code == 422 and message in r.json()["detail"], r.text
    assert fetching.get("/events").json()["total"] == 0


def test_fetching_is_off_by_default(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "g.db"), token=TOKEN)) as c:
        r = c.post("/articles", json={"url": "http://127.0.0.1:9/"}, headers=AUTH)
        assert r.status_code == 422 and "does not fetch URLs" in r.json()["detail"]
