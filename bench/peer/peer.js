/*! The benchmark's peer: the sanctuary-explainer widget written the plain way — no framework,
 *  no wasm; d3-geo and topojson-client for the map. `cargo xtask bench` serves it as
 *  assets/peer.bundle.js: d3-array, d3-geo and topojson-client's UMD builds (they define the
 *  globals `d3` and `topojson`) followed by this file, one script like embed.js.
 *
 *  What it does, on the same page and with the same markup and stylesheet as ours:
 *  - finds every [data-sanctuary-explainer], reserves its space (embed.js's formula), mounts a
 *    widget in an open shadow root with the widget's CSS (a constructable stylesheet);
 *  - renders the Q&A accordion from the same story JSON (buttons with aria-expanded, every
 *    answer in the DOM, hidden) and the map, once both the data and the geometry are there (both
 *    download at once), then dispatches `sanctuary-explainer:ready` (bubbling, composed), as ours;
 *  - draws the states from us-atlas's states-albers-10m.json (already projected: geoPath with a
 *    null projection), shaded by the tiers ours computes (tiers.json), the cities as points
 *    (geoAlbersUsa), the legend; clicking a place selects it (aria-selected) and opens a detail
 *    panel from the same jurisdictions data; a state's "Show counties and cities" loads
 *    counties-albers-10m.json once and shows that state's counties.
 *  Data and geometry are fetched once per page and shared by every widget.
 *  Not here (ours has them): the Spanish story and language switch, keyboard navigation on the
 *  map, the table view, deep links and "copy link", `data-*` options, unmount.
 */
(function () {
  "use strict";
  var SELECTOR = "[data-sanctuary-explainer]";
  var READY = "sanctuary-explainer:ready";
  var script = document.currentScript;
  var base = new URL(".", (script && script.src) || document.baseURI).href;
  var W = 975, H = 610;
  var TIERS = ["broad", "limited", "none_known", "bans", "unknown"];
  var TIER_LABEL = {
    broad: "Broad limits on cooperation", limited: "Some limits on cooperation",
    none_known: "No known law", bans: "Bans sanctuary policies", unknown: "Not reviewed"
  };
  var MONTH = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
  var MONTH_FULL = ["January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December"];
  var KIND = { state: "State", county: "County", city: "City" };

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function date(iso) {
    var p = String(iso).split("-");
    if (p.length === 1) return p[0];
    if (p.length === 2) return MONTH_FULL[+p[1] - 1] + " " + p[0];
    return MONTH[+p[1] - 1] + " " + +p[2] + ", " + p[0];
  }
  function paragraphs(text) {
    return String(text).split(/\n\s*\n/).map(function (p) {
      return p.split("\n").map(function (l) { return l.trim(); }).filter(Boolean).join(" ");
    }).filter(Boolean);
  }
  function json(name) {
    return fetch(base + name).then(function (r) {
      if (!r.ok) throw new Error(name + ": HTTP " + r.status);
      return r.json();
    });
  }

  // ---- data shared by every widget on the page ----
  var core = null, states = null, counties = null;
  function loadCore() {
    if (!core) {
      core = Promise.all([
        json("story.en.json"), json("jurisdictions.json"), json("tiers.json"),
        fetch(base + "widget.css").then(function (r) { return r.text(); })
      ]).then(function (all) {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(all[3]);
        var byId = {};
        all[1].jurisdictions.forEach(function (j) { byId[j.id] = j; });
        var sources = {};
        all[0].sources.forEach(function (s) { sources[s.id] = s; });
        return { story: all[0], data: all[1], byId: byId, tiers: all[2], sheet: sheet, sources: sources };
      });
    }
    return core;
  }
  // A layer: its features with their SVG path and bounds, computed once.
  function layer(features) {
    var path = d3.geoPath();
    return features.map(function (f) {
      return { id: f.id, name: f.properties.name, d: path(f), bounds: path.bounds(f), centroid: path.centroid(f) };
    });
  }
  function loadStates() {
    if (!states) {
      states = json("states-albers-10m.json").then(function (topo) {
        return layer(topojson.feature(topo, topo.objects.states).features);
      });
    }
    return states;
  }
  function loadCounties(fips) {
    if (!counties) {
      counties = json("counties-albers-10m.json").then(function (topo) {
        return { all: topojson.feature(topo, topo.objects.counties).features, byState: {} };
      });
      counties.catch(function () { counties = null; });
    }
    return counties.then(function (c) {
      if (!c.byState[fips]) {
        c.byState[fips] = layer(c.all.filter(function (f) { return f.id.slice(0, 2) === fips; }));
      }
      return c.byState[fips];
    });
  }
  var albers = null;
  function project(lon, lat) {
    albers = albers || d3.geoAlbersUsa().scale(1300).translate([487.5, 305]);
    return albers([lon, lat]);
  }
  function stateOf(j) {
    return j.kind === "state" ? j.id : j.kind === "county" ? j.id.slice(0, 2) : j.state;
  }
  function fit(b, margin) {
    var w = Math.max(b[1][0] - b[0][0], 1), h = Math.max(b[1][1] - b[0][1], 1);
    var cx = (b[0][0] + b[1][0]) / 2, cy = (b[0][1] + b[1][1]) / 2;
    w *= 1 + 2 * margin; h *= 1 + 2 * margin;
    if (w / h < W / H) w = h * W / H; else h = w * H / W;
    return [cx - w / 2, cy - h / 2, w, h];
  }

  // ---- one widget ----
  function reserve(el) {
    if (el.shadowRoot || el.children.length) return;
    var width = el.getBoundingClientRect().width || 0;
    el.style.minHeight = Math.round(Math.max(1520, width * 0.48 + 1190)) + "px";
  }
  function release(el, root) {
    if (!el.style.minHeight) return;
    if (root.firstElementChild.scrollHeight >= el.offsetHeight) {
      el.style.minHeight = "";
      return;
    }
    var go = function () {
      el.style.minHeight = "";
      el.removeEventListener("pointerdown", go);
      el.removeEventListener("keydown", go);
    };
    el.addEventListener("pointerdown", go);
    el.addEventListener("keydown", go);
  }

  function sourceList(c, ids) {
    return '<div class="se-sources"><p class="se-sources__label">Sources</p><ul class="se-sources__list">' +
      ids.map(function (id) {
        var s = c.sources[id] || c.data.sources.filter(function (x) { return x.id === id; })[0];
        if (!s) return "";
        var title = "<cite>" + esc(s.title) + "</cite>";
        if (s.url) title = '<a href="' + esc(s.url) + '" target="_blank" rel="noopener noreferrer">' + title + "</a>";
        return '<li><span class="se-sources__pub">' + esc(s.publisher) + "</span>, " + title +
          ', <time datetime="' + esc(s.date) + '">' + esc(date(s.date)) + "</time></li>";
      }).join("") + "</ul></div>";
  }

  function qaHtml(c) {
    var qs = c.story.questions;
    return '<section class="se-qa" aria-label="Questions and answers"><div class="se-qa__bar">' +
      '<button type="button" class="se-qa__all">Expand all</button></div><ol class="se-qa__list">' +
      qs.map(function (q, i) {
        var places = (q.jurisdictions || []).map(function (id) { return c.byId[id]; }).filter(Boolean);
        var next = qs[i + 1] ? 'Next question: <span class="se-qa__next-q">' + esc(qs[i + 1].question) + "</span>" : "Back to the first question";
        return '<li class="se-qa__item"><h3 class="se-qa__heading"><button type="button" class="se-qa__trigger" id="se-q-' +
          esc(q.id) + '" aria-expanded="false" aria-controls="se-a-' + esc(q.id) + '" data-i="' + i + '">' +
          '<span class="se-qa__num" aria-hidden="true">' + (i + 1) + '</span><span class="se-qa__q">' + esc(q.question) +
          '</span><span class="se-qa__icon" aria-hidden="true"></span></button></h3>' +
          '<div class="se-qa__panel" id="se-a-' + esc(q.id) + '" hidden>' +
          paragraphs(q.answer).map(function (p) { return "<p>" + esc(p) + "</p>"; }).join("") +
          (places.length ? '<div class="se-onmap"><p class="se-onmap__label">Show on the map</p><ul class="se-onmap__list">' +
            places.map(function (j) {
              return '<li><button type="button" class="se-chip" data-show="' + esc(j.id) + '">' + esc(j.name) + "</button></li>";
            }).join("") + "</ul></div>" : "") +
          sourceList(c, q.sources || []) +
          '<div class="se-qa__actions"><button type="button" class="se-qa__next" data-next="' + i + '">' + next +
          '<span aria-hidden="true"> →</span></button></div></div></li>';
      }).join("") + "</ol></section>";
  }

  function legendHtml(c, layerStates) {
    var count = {};
    layerStates.forEach(function (s) { var t = c.tiers[s.id] || "unknown"; count[t] = (count[t] || 0) + 1; });
    return '<div class="se-legend"><p class="se-legend__title">Legend</p><ul class="se-legend__list">' +
      TIERS.map(function (t) {
        return '<li class="se-legend__item"><span class="se-swatch" data-tier="' + t + '" aria-hidden="true"></span>' +
          TIER_LABEL[t] + '<span class="se-legend__count"> (' + (count[t] || 0) + ")</span></li>";
      }).join("") + "</ul></div>";
  }

  function Widget(el, c) {
    this.el = el;
    this.c = c;
    this.zoom = null;
    this.selected = null;
    this.states = null;
    this.counties = null;
    var root = this.root = el.shadowRoot || el.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [c.sheet];
    var s = c.story;
    root.innerHTML = '<div class="se-root"><article class="se" data-theme="light" lang="en" aria-labelledby="se-title">' +
      '<header class="se-head"><div class="se-head__top">' + (s.kicker ? '<p class="se-kicker">' + esc(s.kicker) + "</p>" : "") +
      '</div><h2 class="se-title" id="se-title">' + esc(s.title) + "</h2>" + (s.dek ? '<p class="se-dek">' + esc(s.dek) + "</p>" : "") +
      '<p class="se-asof">As of <time datetime="' + esc(s.as_of) + '">' + esc(date(s.as_of)) + "</time></p></header>" +
      qaHtml(c) +
      '<section class="se-map" aria-labelledby="se-map-title"><div class="se-map__head"><h3 class="se-map__title" id="se-map-title">' +
      'Map of jurisdictional protections</h3></div><div class="se-map__zoomslot"></div>' +
      '<div class="se-map__frame se-map__frame--loading" aria-busy="true"></div><div class="se-map__legend"></div>' +
      '<p class="se-credit">Map: U.S. Census Bureau, via us-atlas · As of <time datetime="' + esc(c.data.as_of) + '">' +
      esc(date(c.data.as_of)) + '</time></p><div class="se-live" aria-live="polite" aria-atomic="true"></div>' +
      '<div class="se-map__detail"></div></section></article></div>';
    this.frame = root.querySelector(".se-map__frame");
    var self = this;
    root.addEventListener("click", function (e) { self.onClick(e); });
  }

  Widget.prototype.onClick = function (e) {
    var t = e.target;
    var trigger = t.closest(".se-qa__trigger");
    if (trigger) return this.toggle(trigger, trigger.getAttribute("aria-expanded") !== "true");
    var next = t.closest(".se-qa__next");
    if (next) {
      var all = this.root.querySelectorAll(".se-qa__trigger");
      var i = +next.getAttribute("data-next");
      var to = all[(i + 1) % all.length];
      this.toggle(all[i], false);
      this.toggle(to, true);
      return to.focus();
    }
    if (t.closest(".se-qa__all")) {
      var triggers = this.root.querySelectorAll(".se-qa__trigger");
      var open = [].some.call(triggers, function (b) { return b.getAttribute("aria-expanded") !== "true"; });
      for (var k = 0; k < triggers.length; k++) this.toggle(triggers[k], open);
      t.closest(".se-qa__all").textContent = open ? "Collapse all" : "Expand all";
      return;
    }
    var place = t.closest("[data-jurisdiction]");
    if (place) return this.select(place.getAttribute("data-jurisdiction"));
    var show = t.closest("[data-show]");
    if (show) {
      var j = this.c.byId[show.getAttribute("data-show")];
      var zoom = j.kind === "state" ? null : stateOf(j);
      if (zoom !== this.zoom) this.setZoom(zoom, j.id); else this.select(j.id);
      return;
    }
    if (t.closest(".se-detail__zoom")) return this.setZoom(this.selected, this.selected);
    if (t.closest(".se-button--back")) return this.setZoom(null, this.zoom);
    if (t.closest(".se-detail__close")) return this.select(null);
  };

  Widget.prototype.toggle = function (button, open) {
    button.setAttribute("aria-expanded", String(open));
    button.closest(".se-qa__item").toggleAttribute("data-open", open);
    this.root.getElementById(button.getAttribute("aria-controls")).hidden = !open;
  };

  Widget.prototype.drawStates = function (layerStates) {
    this.states = layerStates;
    this.root.querySelector(".se-map__legend").innerHTML = legendHtml(this.c, layerStates);
    this.draw();
  };

  // The map for the current view: the states and every city, or one state's counties and cities.
  Widget.prototype.draw = function () {
    var c = this.c, self = this;
    var shapes = this.zoom ? this.counties : this.states;
    if (!shapes) {
      this.frame.className = "se-map__frame se-map__frame--loading";
      this.frame.innerHTML = this.zoom ? '<p class="se-map__status" role="status">Loading counties…</p>' : "";
      return;
    }
    var vb = [0, 0, W, H];
    if (this.zoom) {
      var st = this.states.filter(function (s) { return s.id === self.zoom; })[0];
      vb = fit(st.bounds, 0.04);
    }
    var scale = vb[2] / W;
    var cities = c.data.jurisdictions.filter(function (j) {
      return j.kind === "city" && j.lon != null && (!self.zoom || stateOf(j) === self.zoom);
    }).map(function (j) {
      return { j: j, at: project(j.lon, j.lat) };
    }).filter(function (p) { return p.at; });
    var option = function (id, name, tier) {
      var sel = id === self.selected;
      return ' id="se-j-' + esc(id) + '" role="option" aria-selected="' + sel + '" aria-label="' + esc(name) + ": " +
        TIER_LABEL[tier] + '" data-jurisdiction="' + esc(id) + '"';
    };
    var html = '<svg class="se-map__svg" viewBox="' + vb.join(" ") + '" role="listbox" tabindex="0" ' +
      'aria-label="Map of jurisdictional protections" preserveAspectRatio="xMidYMid meet"><defs>' +
      '<pattern id="se-pat-bans" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45) scale(' + scale + ')">' +
      '<rect width="6" height="6" class="se-pat-bans-bg"/><rect width="2.2" height="6" class="se-pat-bans-line"/></pattern>' +
      '<pattern id="se-pat-unknown" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="scale(' + scale + ')">' +
      '<rect width="5" height="5" class="se-pat-unknown-bg"/><circle cx="2.5" cy="2.5" r="0.8" class="se-pat-unknown-dot"/></pattern>' +
      '</defs><g role="none" class="se-map__shapes">' +
      shapes.map(function (f) {
        var j = c.byId[f.id], tier = c.tiers[f.id] || "unknown";
        var name = j ? j.name : f.name;
        return "<path" + option(f.id, name, tier) + ' class="se-shape" data-tier="' + tier + '" d="' + f.d + '"/>';
      }).join("") + '</g><g class="se-outline-layer"></g><g role="none" class="se-map__cities">' +
      cities.map(function (p) {
        var tier = c.tiers[p.j.id] || "unknown";
        return "<circle" + option(p.j.id, p.j.name, tier) + ' class="se-city" data-tier="' + tier + '" cx="' + p.at[0] +
          '" cy="' + p.at[1] + '" r="' + 6 * scale + '" stroke-width="' + 1.5 * scale + '"/>';
      }).join("") + "</g></svg>" +
      cities.map(function (p) {
        return '<span class="se-city-label" aria-hidden="true">' + esc(p.j.name) + "</span>";
      }).join("");
    this.frame.className = "se-map__frame";
    this.frame.removeAttribute("aria-busy");
    this.frame.innerHTML = html;
    var labels = this.frame.querySelectorAll(".se-city-label");
    cities.forEach(function (p, i) {
      var left = (p.at[0] - vb[0]) / vb[2] * 100;
      labels[i].style.left = left.toFixed(2) + "%";
      labels[i].style.top = ((p.at[1] - vb[1]) / vb[3] * 100).toFixed(2) + "%";
      if (left > 75) labels[i].setAttribute("data-side", "left");
    });
    this.outline();
  };

  Widget.prototype.outline = function () {
    var layerEl = this.frame.querySelector(".se-outline-layer");
    if (!layerEl) return;
    var el = this.selected && this.frame.querySelector('path[data-jurisdiction="' + this.selected + '"]');
    layerEl.innerHTML = el ? '<path class="se-outline" data-outline="selected" aria-hidden="true" d="' + el.getAttribute("d") + '"/>' : "";
  };

  Widget.prototype.setZoom = function (fips, select) {
    var self = this;
    this.zoom = fips;
    this.selected = select;
    this.root.querySelector(".se-map__zoomslot").innerHTML = fips ? '<div class="se-map__zoombar">' +
      '<button type="button" class="se-button se-button--back"><span aria-hidden="true">← </span>Back to the U.S. map</button>' +
      '<span class="se-map__zoomname">' + esc(this.c.byId[fips] ? this.c.byId[fips].name : fips) + "</span></div>" : "";
    this.counties = null;
    this.draw();
    this.detail();
    if (fips) {
      loadCounties(fips).then(function (layerCounties) {
        if (self.zoom !== fips) return;
        self.counties = layerCounties;
        self.draw();
        self.detail();
      }, function () {
        self.frame.innerHTML = '<p class="se-map__status" role="status">The counties could not load.</p>';
      });
    }
  };

  Widget.prototype.select = function (id) {
    var prev = this.selected;
    this.selected = id;
    var svg = this.frame.querySelector("svg");
    if (svg) {
      if (prev) {
        var p = svg.querySelector('[data-jurisdiction="' + prev + '"]');
        if (p) { p.setAttribute("aria-selected", "false"); }
      }
      if (id) {
        var n = svg.querySelector('[data-jurisdiction="' + id + '"]');
        if (n) { n.setAttribute("aria-selected", "true"); }
      }
      this.outline();
    }
    this.detail();
  };

  // The detail panel of the selected place: name, kind, tier, its own policies, the state's law.
  Widget.prototype.detail = function () {
    var c = this.c, id = this.selected;
    var box = this.root.querySelector(".se-map__detail");
    var live = this.root.querySelector(".se-live");
    if (!id) { box.innerHTML = ""; live.textContent = ""; return; }
    var j = c.byId[id];
    var shape = (this.counties || []).concat(this.states || []).filter(function (f) { return f.id === id; })[0];
    var name = j ? j.name : shape ? shape.name : id;
    var kind = j ? j.kind : id.length === 5 ? "county" : "state";
    var tier = c.tiers[id] || "unknown";
    var fips = j ? stateOf(j) : id.slice(0, 2);
    var st = kind !== "state" && c.byId[fips];
    var tierHtml = function (t) {
      return '<p class="se-tier"><span class="se-swatch" data-tier="' + t + '" aria-hidden="true"></span><span class="se-tier__label">' +
        TIER_LABEL[t] + "</span></p>";
    };
    var policies = function (jj) {
      if (!jj || !jj.policies || !jj.policies.length) {
        return '<p class="se-layer__none">Not reviewed: this jurisdiction\'s own laws are unknown to this explainer.</p>';
      }
      return '<ul class="se-layer__policies">' + jj.policies.map(function (p) {
        return '<li class="se-policy"><h5 class="se-policy__law"><span class="se-policy__name">' + esc(p.law) + "</span>" +
          (p.number ? ' <span class="se-policy__num">' + esc(p.number) + "</span>" : "") + '</h5><p class="se-policy__meta">' +
          '<span class="se-policy__date"><time datetime="' + esc(p.date) + '">' + esc(date(p.date)) + "</time></span></p>" +
          '<p class="se-policy__summary">' + esc(p.summary) + "</p>" + sourceList(c, p.sources || []) + "</li>";
      }).join("") + "</ul>";
    };
    var questions = c.story.questions.filter(function (q) { return (q.jurisdictions || []).indexOf(id) >= 0; });
    box.innerHTML = '<section class="se-detail" aria-labelledby="se-detail-title"><div class="se-detail__head">' +
      '<h3 class="se-detail__title" id="se-detail-title" tabindex="-1">' + esc(name) + "</h3>" +
      '<button type="button" class="se-detail__close"><span class="se-detail__x" aria-hidden="true"></span>' +
      '<span class="se-detail__close-text">Close</span></button></div>' +
      '<p class="se-detail__kind">' + KIND[kind] + (st ? " · " + esc(st.name) : "") + "</p>" +
      '<div class="se-detail__tier"><span class="se-detail__tier-name">Category<span class="se-vh">: </span></span>' + tierHtml(tier) + "</div>" +
      (kind === "state" && this.zoom !== id ? '<button type="button" class="se-detail__zoom">Show counties and cities</button>' : "") +
      '<section class="se-layer se-layer--own"><h4 class="se-layer__title">Its own laws and policies</h4>' + policies(j) + "</section>" +
      (st ? '<section class="se-layer se-layer--state"><h4 class="se-layer__title">State law that applies here: ' + esc(st.name) +
        "</h4>" + tierHtml(c.tiers[st.id] || "unknown") + policies(st) + "</section>" : "") +
      (questions.length ? '<section class="se-detail__extra"><h4 class="se-layer__title">In the questions</h4><ul class="se-detail__questions">' +
        questions.map(function (q) {
          return '<li><button type="button" class="se-detail__question" data-question="' + esc(q.id) + '">' + esc(q.question) +
            '<span class="se-detail__arrow" aria-hidden="true"> →</span></button></li>';
        }).join("") + "</ul></section>" : "") +
      '<p class="se-detail__asof">As of <time datetime="' + esc(c.data.as_of) + '">' + esc(date(c.data.as_of)) + "</time></p></section>";
    live.textContent = "Selected: " + name + ", " + TIER_LABEL[tier];
  };

  function mount(el) {
    if (el.__peer) return;
    el.__peer = true;
    reserve(el);
    // As ours does: the geometry downloads with the data, not after it, and the first view
    // waits for both, so it has the map (or the map's error message) when ready is dispatched.
    var states = loadStates().then(function (s) { return { s: s }; }, function (err) { return { err: err }; });
    Promise.all([loadCore(), states]).then(function (all) {
      var w = new Widget(el, all[0]);
      release(el, w.root);
      if (all[1].s) {
        w.drawStates(all[1].s);
      } else {
        w.frame.className = "se-map__frame se-map__frame--message";
        w.frame.textContent = "The map could not load.";
        console.error("peer: states", all[1].err);
      }
      el.dispatchEvent(new CustomEvent(READY, { bubbles: true, composed: true }));
    }).catch(function (err) {
      console.error("peer: could not load", err);
    });
  }

  function scan() {
    var els = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }
  scan();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
