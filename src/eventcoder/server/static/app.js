"use strict";
// eventcoder's web map: markers from /events.geojson, counts from /stats, an event's evidence from /events/{id}.
// Everything from the server is put in the page with textContent or as attributes, never parsed as HTML.
(function () {
  const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments"];
  const COLOURS = ["#d62728", "#ff7f0e", "#8e44ad", "#1f77b4", "#e0b400", "#2ca02c", "#7f7f7f"];
  const FIELD_NAMES = { trigger: "what", actor1: "actor 1", actor2: "actor 2", location: "where",
    event_date: "when", fatalities: "fatalities" };
  const MAX_LIST = 500;

  const $ = (id) => document.getElementById(id);
  const typeIndex = (t) => { const i = TYPES.indexOf(t); return i < 0 ? TYPES.length : i; };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  // ---- state ------------------------------------------------------------------------------------------------
  let weeks = [];           // ISO weeks "2024-W19" of the whole store, in order (the date slider's steps)
  let weekStarts = [];      // their Mondays, "YYYY-MM-DD"
  const markers = new Map();  // event_id_cnty -> marker

  function mondayOf(week) {  // "2024-W19" -> the Monday, ISO 8601
    const [y, w] = week.split("-W").map(Number);
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const day = (jan4.getUTCDay() + 6) % 7;
    const monday = new Date(jan4.getTime() - day * 864e5 + (w - 1) * 7 * 864e5);
    return monday.toISOString().slice(0, 10);
  }
  function addDays(iso, n) {
    return new Date(Date.parse(iso + "T00:00:00Z") + n * 864e5).toISOString().slice(0, 10);
  }

  function params(withDates) {
    const p = new URLSearchParams();
    const put = (k, v) => { if (v && v.trim()) p.set(k, v.trim()); };
    put("event_type", $("f-type").value);
    put("sub_event_type", $("f-sub").value);
    put("country", $("f-country").value);
    put("actor", $("f-actor").value);
    if (withDates && weeks.length) {
      const a = Number($("f-from").value), b = Number($("f-to").value);
      if (a > 0) p.set("since", weekStarts[a]);
      if (b < weeks.length - 1) p.set("until", addDays(weekStarts[b], 6));
    }
    return p;
  }

  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    if (!r.ok) {
      let msg = r.statusText;
      try { msg = (await r.json()).detail || msg; } catch (e) { /* not JSON */ }
      throw new Error(msg);
    }
    return r.json();
  }

  // ---- the map --------------------------------------------------------------------------------------------
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14, preferCanvas: false }).setView([15, 20], 2);
  map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  map.addLayer(cluster);

  fetch("/static/countries-110m.geojson").then((r) => r.json()).then((world) => {
    L.geoJSON(world, { interactive: false,
      style: { color: "#8a8a8a", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
  });

  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    const box = el("div", { class: "legend", id: "legend" });
    TYPES.forEach((t, i) => box.appendChild(el("div", {}, el("span", { class: "swatch type-" + i }), t)));
    return box;
  };
  legend.addTo(map);

  function dotIcon(type) {
    return L.divIcon({ className: "ev-dot type-" + typeIndex(type), iconSize: [14, 14], html: "" });
  }

  function fieldRows(p) {
    const rows = [
      ["date", p.event_date || "unknown"], ["sub-event", p.sub_event_type], ["actor 1", p.actor1],
      ["actor 2", p.actor2], ["where", [p.location, p.admin1, p.country].filter(Boolean).join(", ")],
      ["fatalities", p.fatalities], ["id", p.event_id_cnty],
    ];
    const table = el("table");
    for (const [k, v] of rows) {
      if (v === "" || v === null || v === undefined) continue;
      table.appendChild(el("tr", {}, el("th", {}, k), el("td", {}, String(v))));
    }
    return table;
  }

  // a sentence with its fields' words in <mark>: the highlights may overlap ("killed" inside "killed five")
  function highlighted(sentence) {
    const p = el("p", { class: "sentence" });
    const text = sentence.text;
    const cuts = new Set([0, text.length]);
    for (const h of sentence.highlights) { cuts.add(h.start); cuts.add(h.end); }
    const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const over = sentence.highlights.filter((h) => h.start <= a && h.end >= b);
      const piece = text.slice(a, b);
      if (over.length) {
        const names = [...new Set(over.map((h) => FIELD_NAMES[h.field] || h.field))];
        p.appendChild(el("mark", { title: names.join(", "), "data-field": over.map((h) => h.field).join(" ") }, piece));
      } else {
        p.appendChild(document.createTextNode(piece));
      }
    }
    return p;
  }

  function safeUrl(u) {
    try { const x = new URL(u); return x.protocol === "http:" || x.protocol === "https:" ? x.href : null; }
    catch (e) { return null; }
  }

  function fillDetail(box, d) {
    box.textContent = "";
    const ev = el("div", { class: "evidence" }, el("h4", {}, "Evidence"));
    const srcs = el("ul", { class: "sources" });
    for (const s of d.sources) {
      for (const sent of s.sentences) ev.appendChild(highlighted(sent));
      const url = s.url ? safeUrl(s.url) : null;
      const name = [s.outlet || "unknown outlet", s.published].filter(Boolean).join(", ");
      const label = s.title ? name + ": " + s.title : name;
      srcs.appendChild(el("li", {}, url ? el("a", { href: url, rel: "noopener noreferrer nofollow",
        target: "_blank" }, label) : label));
    }
    box.appendChild(ev);
    box.appendChild(el("h4", {}, "Sources"));
    box.appendChild(srcs);
  }

  function popupContent(p, marker) {
    const box = el("div", { class: "popup" },
      el("h3", {}, p.event_type + (p.sub_event_type ? " / " + p.sub_event_type : "")), fieldRows(p));
    if (p.notes) box.appendChild(el("div", { class: "notes" }, p.notes));
    const detail = el("div", { class: "detail" }, "loading evidence…");
    box.appendChild(detail);
    getJSON("/events/" + encodeURIComponent(p.event_id_cnty))
      .then((d) => {
        fillDetail(detail, d);
        const popup = marker.getPopup();
        if (popup && popup.isOpen()) popup.update();  // taller now: lay it out and pan it into view again
      })
      .catch((e) => { detail.textContent = "evidence not available: " + e.message; });
    return box;
  }

  function showMarkers(features) {
    cluster.clearLayers();
    markers.clear();
    const layers = [];
    for (const f of features) {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const m = L.marker([lat, lon], { icon: dotIcon(p.event_type), title: p.sub_event_type + ": " + (p.location || ""),
        keyboard: true });
      let content = null;  // built at the first opening, then kept (update() asks for it again)
      m.bindPopup(() => content || (content = popupContent(p, m)), { maxWidth: 400 });
      markers.set(p.event_id_cnty, m);
      layers.push(m);
    }
    cluster.addLayers(layers);
  }

  function openEvent(id) {
    const m = markers.get(id);
    if (!m) return;
    cluster.zoomToShowLayer(m, () => m.openPopup());
  }

  function showList(features) {
    const list = $("list");
    list.textContent = "";
    const sorted = [...features].sort((a, b) =>
      String(b.properties.event_date || "").localeCompare(String(a.properties.event_date || "")));
    for (const f of sorted.slice(0, MAX_LIST)) {
      const p = f.properties;
      const li = el("li", { tabindex: "0", "data-id": p.event_id_cnty },
        el("div", {}, el("span", { class: "swatch type-" + typeIndex(p.event_type) }), p.sub_event_type),
        el("div", { class: "when" }, [p.event_date || "undated", [p.location, p.country].filter(Boolean).join(", ")]
          .join(" · ")),
        el("div", {}, p.actor1 + (p.actor2 ? " – " + p.actor2 : "")));
      li.addEventListener("click", () => openEvent(p.event_id_cnty));
      li.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(p.event_id_cnty); });
      list.appendChild(li);
    }
    if (sorted.length > MAX_LIST) list.appendChild(el("li", { class: "when" }, `… and ${sorted.length - MAX_LIST} more`));
  }

  // ---- the chart: events per week, the weeks outside the date range greyed --------------------------------
  function drawChart(series) {
    const NS = "http://www.w3.org/2000/svg";
    const box = $("chart");
    box.textContent = "";
    const svg = document.createElementNS(NS, "svg");
    const W = Math.max(box.clientWidth, 300), H = 110, pad = 18;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.setAttribute("preserveAspectRatio", "none");
    const counts = new Map(series.map((x) => [x.week, x.count]));
    const max = Math.max(1, ...series.map((x) => x.count));
    const n = Math.max(weeks.length, 1), bw = (W - 2 * pad) / n;
    const a = Number($("f-from").value), b = Number($("f-to").value);
    weeks.forEach((w, i) => {
      const c = counts.get(w) || 0;
      const h = (H - 2 * pad) * c / max;
      const r = document.createElementNS(NS, "rect");
      r.setAttribute("x", String(pad + i * bw + 0.5));
      r.setAttribute("y", String(H - pad - h));
      r.setAttribute("width", String(Math.max(bw - 1, 1)));
      r.setAttribute("height", String(h));
      r.setAttribute("class", i < a || i > b ? "bar out" : "bar");
      const t = document.createElementNS(NS, "title");
      t.textContent = `${w} (from ${weekStarts[i]}): ${c} event(s)`;
      r.appendChild(t);
      svg.appendChild(r);
    });
    const label = (x, text, anchor) => {
      const t = document.createElementNS(NS, "text");
      t.setAttribute("x", String(x)); t.setAttribute("y", String(H - 4)); t.setAttribute("text-anchor", anchor);
      t.textContent = text;
      svg.appendChild(t);
    };
    if (weeks.length) {
      label(pad, weekStarts[0], "start");
      label(W - pad, addDays(weekStarts[weekStarts.length - 1], 6), "end");
    }
    const top = document.createElementNS(NS, "text");
    top.setAttribute("x", String(pad)); top.setAttribute("y", "11");
    top.textContent = `events per week (max ${max})`;
    svg.appendChild(top);
    box.appendChild(svg);
  }

  // ---- filters ----------------------------------------------------------------------------------------------
  function fillSelect(id, values) {
    const s = $(id);
    for (const v of [...new Set(values.filter(Boolean))].sort()) s.appendChild(el("option", { value: v }, v));
  }

  function showRange() {
    if (!weeks.length) { $("f-range").textContent = "no dated events"; return; }
    const a = Number($("f-from").value), b = Number($("f-to").value);
    $("f-range").textContent = `${weekStarts[a]} – ${addDays(weekStarts[b], 6)}`;
  }

  let serial = 0;
  async function refresh() {
    const mine = ++serial;
    const withDates = params(true), noDates = params(false);
    $("csv").setAttribute("href", "/events.csv" + (withDates.toString() ? "?" + withDates : ""));
    showRange();
    try {
      const [geo, total, chart] = await Promise.all([
        getJSON("/events.geojson?" + withDates), getJSON("/stats?" + withDates), getJSON("/stats?" + noDates)]);
      if (mine !== serial) return;  // a newer filter is on its way
      showMarkers(geo.features);
      showList(geo.features);
      drawChart(chart.by_week);
      const off = total.total - geo.features.length;
      $("count").textContent = `${geo.features.length} event(s) on the map` + (off > 0 ? ` (${off} more not on the map: no coordinates, or past the first 20,000)` : "");
      $("count").setAttribute("data-count", String(geo.features.length));
    } catch (e) {
      $("count").textContent = "error: " + e.message;
    }
  }

  async function start() {
    const [all, stats] = await Promise.all([getJSON("/events.geojson"), getJSON("/stats")]);
    fillSelect("f-type", all.features.map((f) => f.properties.event_type));
    fillSelect("f-sub", all.features.map((f) => f.properties.sub_event_type));
    fillSelect("f-country", all.features.map((f) => f.properties.country));
    weeks = stats.by_week.map((x) => x.week);
    weekStarts = weeks.map(mondayOf);
    for (const id of ["f-from", "f-to"]) $(id).max = String(Math.max(weeks.length - 1, 0));
    $("f-from").value = "0";
    $("f-to").value = String(Math.max(weeks.length - 1, 0));
    if (all.features.length) {
      const b = L.latLngBounds(all.features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
      map.fitBounds(b.pad(0.3), { maxZoom: 6 });
    }
    let timer = null;
    const later = () => { clearTimeout(timer); timer = setTimeout(refresh, 250); };
    for (const id of ["f-type", "f-sub", "f-country"]) $(id).addEventListener("change", refresh);
    $("f-actor").addEventListener("input", later);
    $("f-from").addEventListener("input", () => {
      if (Number($("f-from").value) > Number($("f-to").value)) $("f-to").value = $("f-from").value;
      later();
    });
    $("f-to").addEventListener("input", () => {
      if (Number($("f-to").value) < Number($("f-from").value)) $("f-from").value = $("f-to").value;
      later();
    });
    $("filters").addEventListener("reset", () => setTimeout(() => {
      $("f-from").value = "0"; $("f-to").value = String(Math.max(weeks.length - 1, 0)); refresh();
    }, 0));
    $("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
    window.addEventListener("resize", later);
    await refresh();
    document.body.setAttribute("data-ready", "1");
  }

  start().catch((e) => { $("count").textContent = "error: " + e.message; });
})();
