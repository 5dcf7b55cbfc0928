/*! sanctuary-explainer embed loader. Include once per page:
 *    <div data-sanctuary-explainer></div>
 *    <script async src="https://cdn.example.org/sanctuary-explainer/embed.js"></script>
 *  It finds every placeholder, reserves its space, loads the widget's wasm once (when a
 *  placeholder comes within about a viewport of being visible) from the directory this file was
 *  served from, and mounts one independent widget per placeholder, each in its own shadow root.
 *  Placeholders added later mount by themselves; single-page apps can also call
 *  window.SanctuaryExplainer.mount(element, options) and .unmount(element).
 */
(function () {
  "use strict";
  var NAME = "sanctuary-explainer";
  var SELECTOR = "[data-sanctuary-explainer]";
  if (window.SanctuaryExplainer && window.SanctuaryExplainer.mount) return; // included twice
  var script = document.currentScript;
  // Assets live beside embed.js, wherever the newsroom hosts it.
  var base = new URL(".", (script && script.src) || document.baseURI).href;
  // `cargo xtask dist` replaces this line with the content-hashed names of this build.
  var FILES = { glue: "sanctuary_explainer.js", wasm: "sanctuary_explainer_bg.wasm", geo: "geo/", check: "sanctuary_validator.js", checkWasm: "sanctuary_validator_bg.wasm" };
  // Space reserved per view before the wasm arrives: max(min, share × width + fixed), measured
  // to be at least the widget's first height from 320 to 1280 px (the map is 975:610; the Q&A's
  // questions wrap less as the width grows). The widget keeps the space until the reader first
  // interacts, so it never pushes the article down. Static fallbacks reserve nothing.
  var RESERVE = { qa: [-0.15, 960, 800], map: [0.4056, 690, 0], both: [0.48, 1190, 1520] };
  var OPTIONS = { lang: "data-lang", view: "data-view", theme: "data-theme", accent: "data-accent",
                  open: "data-open", content: "data-content" };

  var loading = null;
  var state = new WeakMap(); // element -> "waiting" | "mounting" | "mounted"
  var glue = null;

  function load() {
    if (!loading) {
      // The wasm download starts now, beside the glue's, not after it (streaming compile).
      var wasm = fetch(base + FILES.wasm);
      wasm.catch(function () {}); // a failure surfaces through init below, once
      loading = import(base + FILES.glue).then(function (m) {
        return m.default({ module_or_path: wasm }).then(function () {
          glue = m;
          return m;
        });
      });
    }
    return loading;
  }

  // The data-content validator: a second, small wasm with the JSON parser and the editor-facing
  // checks, loaded on first use only (pages without data-content never fetch it). Resolves to
  // the packed content the widget decodes; rejects with the problems, one per line.
  var checker = null;
  function check(text) {
    if (!checker) {
      var wasm = fetch(base + FILES.checkWasm);
      wasm.catch(function () {});
      checker = import(base + FILES.check).then(function (m) {
        return m.default({ module_or_path: wasm }).then(function () { return m; });
      });
    }
    return checker.then(function (m) { return m.check(text); }, function (err) {
      checker = null; // a later widget tries again
      throw err;
    });
  }

  function reserve(el) {
    if (el.shadowRoot) return;
    var view = el.getAttribute("data-view");
    var r = RESERVE[view] || RESERVE.both;
    var box = el.getBoundingClientRect();
    // A pasted static fallback keeps at least its own height.
    var h = Math.max(r[2], box.width * r[0] + r[1], el.children.length ? box.height : 0);
    el.style.minHeight = Math.round(h) + "px";
  }

  // Shown when the widget cannot load and the placeholder has no static fallback: a short
  // message for the reader and a way to try again. Built with DOM calls and a constructable
  // stylesheet, so it works under a strict CSP. The wording follows the page's language.
  var MESSAGE = {
    en: ["This interactive explainer could not load.", "Try again"],
    es: ["No se pudo cargar este explicativo interactivo.", "Reintentar"]
  };
  var MESSAGE_CSS = ":host{display:block}p{margin:0 0 8px;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b}" +
    "button{font:600 15px system-ui,sans-serif;min-height:44px;padding:8px 16px;border:1px solid #1d4f91;" +
    "border-radius:4px;background:#fff;color:#1d4f91;cursor:pointer}" +
    "div{border:1px solid #d6d6d6;border-radius:4px;padding:16px;background:#fff}";

  function showFailure(el) {
    if (el.children.length && !el.shadowRoot) return; // the static fallback stays visible
    var root = el.shadowRoot || el.attachShadow({ mode: "open" });
    var lang = (el.getAttribute("data-lang") || document.documentElement.lang || "en").slice(0, 2);
    var text = MESSAGE[lang] || MESSAGE.en;
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(MESSAGE_CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) { /* unstyled is still usable */ }
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.className = "se-load-error";
    var p = document.createElement("p");
    p.textContent = text[0];
    var retry = document.createElement("button");
    retry.type = "button";
    retry.textContent = text[1];
    retry.addEventListener("click", function () {
      root.replaceChildren();
      loading = null; // fetch again
      state.set(el, "waiting");
      start(el);
    });
    box.append(p, retry);
    root.replaceChildren(box);
    el.style.minHeight = "";
  }

  function start(el) {
    if (state.get(el) !== "waiting") return;
    state.set(el, "mounting");
    load().then(function (m) {
      if (state.get(el) !== "mounting") return; // unmounted meanwhile
      m.mount(el, base, FILES.geo);
      state.set(el, "mounted");
    }).catch(function (err) {
      state.set(el, "failed");
      console.error(NAME + ": could not load the widget from " + base + " (the page's text stays as it is)", err);
      showFailure(el);
    });
  }

  var io = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          if (e.isIntersecting) {
            io.unobserve(e.target);
            start(e.target);
          }
        });
      }, { rootMargin: "100% 0px 100% 0px" })
    : null;

  // Within about a viewport of being visible: the same margin as the observer's.
  function near(el) {
    var box = el.getBoundingClientRect();
    var h = window.innerHeight || document.documentElement.clientHeight;
    return box.bottom > -h && box.top < 2 * h;
  }

  function watch(el) {
    if (state.has(el)) return;
    state.set(el, "waiting");
    reserve(el);
    // Already near the viewport: start now rather than a frame later, when the observer reports.
    if (!io || near(el)) start(el); else io.observe(el);
  }

  function scan(root) {
    if (root.matches && root.matches(SELECTOR)) watch(root);
    var els = root.querySelectorAll ? root.querySelectorAll(SELECTOR) : [];
    for (var i = 0; i < els.length; i++) watch(els[i]);
  }

  function unmount(el) {
    var s = state.get(el);
    if (io) io.unobserve(el);
    state.delete(el);
    if (s === "mounted" && glue) glue.unmount(el);
    el.style.minHeight = "";
  }

  window.SanctuaryExplainer = {
    /** Mounts a widget now (no lazy start). `options`: {lang, view, theme, accent, open, content}. */
    mount: function (el, options) {
      options = options || {};
      Object.keys(OPTIONS).forEach(function (k) {
        if (options[k] != null) el.setAttribute(OPTIONS[k], String(options[k]));
      });
      if (!el.hasAttribute("data-sanctuary-explainer")) el.setAttribute("data-sanctuary-explainer", "");
      if (state.get(el) === "mounted" || state.get(el) === "mounting") return;
      state.set(el, "waiting");
      reserve(el);
      start(el);
    },
    /** Removes a widget and everything it added. */
    unmount: unmount,
    /** Internal, for the widget's data-content: see check() above. */
    _check: check
  };

  scan(document);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { scan(document); });
  }
  if ("MutationObserver" in window) {
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        r.addedNodes.forEach(function (n) { if (n.nodeType === 1) scan(n); });
        r.removedNodes.forEach(function (n) {
          if (n.nodeType === 1 && state.has(n) && !n.isConnected) unmount(n);
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
