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
  var FILES = { glue: "sanctuary_explainer.js", wasm: "sanctuary_explainer_bg.wasm" };
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
      loading = import(base + FILES.glue).then(function (m) {
        return m.default({ module_or_path: base + FILES.wasm }).then(function () {
          glue = m;
          return m;
        });
      });
    }
    return loading;
  }

  function reserve(el) {
    // Only an empty placeholder: a pasted static fallback already takes its space.
    if (el.shadowRoot || el.children.length) return;
    var view = el.getAttribute("data-view");
    var r = RESERVE[view] || RESERVE.both;
    var width = el.getBoundingClientRect().width || 0;
    el.style.minHeight = Math.round(Math.max(r[2], width * r[0] + r[1])) + "px";
  }

  function start(el) {
    if (state.get(el) !== "waiting") return;
    state.set(el, "mounting");
    load().then(function (m) {
      if (state.get(el) !== "mounting") return; // unmounted meanwhile
      m.mount(el, base);
      state.set(el, "mounted");
    }).catch(function (err) {
      state.set(el, "failed");
      console.error(NAME + ": could not load the widget from " + base + " (the page's text stays as it is)", err);
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

  function watch(el) {
    if (state.has(el)) return;
    state.set(el, "waiting");
    reserve(el);
    if (io) io.observe(el); else start(el);
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
    unmount: unmount
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
