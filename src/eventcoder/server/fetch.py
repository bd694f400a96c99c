"""Fetching an article's URL on request, guarded against server-side request forgery (SSRF): every host, the
first and each redirect's, must resolve only to public addresses (no private, loopback, link-local, multicast,
reserved or unspecified ones)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from ..errors import InputError

MAX_FETCH_BYTES = 2_000_000
MAX_REDIRECTS = 5

Resolver = Callable[[str, int], list[str]]


class FetchError(InputError):
    """A URL that may not, or could not, be fetched."""


def refusal(address: str) -> str | None:
    """Why ``address`` (an IP address) may not be fetched from ("127.0.0.1 is a loopback address"), or None when
    it is a public address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):  # most telling first
        if getattr(ip, f"is_{kind}"):
            return f"{ip} is a {kind.replace('_', '-')} address"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return None


def system_resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve the host {host!r}: {exc}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def check_url(url: str, resolve: Resolver = system_resolve) -> list[str]:
    """The addresses ``url``'s host resolves to; :class:`FetchError` unless the URL is http(s) and every address
    is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"URL {url!r}: only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise FetchError(f"URL {url!r} has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"URL {url!r} has a bad port") from None
    addresses = resolve(host, port)
    if not addresses:
        raise FetchError(f"cannot resolve the host {host!r}")
    for a in addresses:
        why = refusal(a)
        if why is not None:
            raise FetchError(f"refused to fetch {url!r}: {why} (the address of {host!r})")
    return addresses


def _pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """The request for ``url`` sent to ``address`` (one its host resolved to, checked): the URL with the address
    for its host, the Host header, and for https the TLS server name (the certificate is checked against the
    host). The connection goes where the check looked, whatever the DNS says a moment later."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    ip = f"[{address}]" if ":" in address else address
    shown = f"[{host}]" if ":" in host else host
    target = urlunsplit((parts.scheme, f"{ip}:{port}", parts.path or "/", parts.query, ""))
    headers = {"Host": shown + (f":{parts.port}" if parts.port else "")}
    return target, headers, {"sni_hostname": host} if parts.scheme == "https" else {}


def fetch_html(url: str, resolve: Resolver = system_resolve, transport: httpx.BaseTransport | None = None,
               max_bytes: int = MAX_FETCH_BYTES, timeout: float = 10.0) -> tuple[str, str]:
    """The page at ``url`` and the URL it was finally read from. Every request, the first and each redirect's
    (followed by hand, at most :data:`MAX_REDIRECTS`), is checked by :func:`check_url` and sent to the address
    that was checked."""
    with httpx.Client(transport=transport, timeout=timeout, follow_redirects=False, trust_env=False,
                      headers={"User-Agent": "eventcoder"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            address = check_url(url, resolve)[0]
            target, headers, extensions = _pinned(url, address)
            try:
                with client.stream("GET", target, headers=headers, extensions=extensions) as r:
                    if r.is_redirect:
                        location = r.headers.get("location", "")
                        if not location:
                            raise FetchError(f"{url}: a redirect with no Location")
                        url = urljoin(url, location)
                        continue
                    if r.status_code >= 400:
                        raise FetchError(f"{url}: the server answered HTTP {r.status_code}")
                    data = bytearray()
                    for chunk in r.iter_bytes():
                        data += chunk
                        if len(data) > max_bytes:
                            raise FetchError(f"{url}: the page is over the {max_bytes:,}-byte limit")
                    return bytes(data).decode(r.encoding or "utf-8", errors="replace"), url
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch {url}: {exc}") from None
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
