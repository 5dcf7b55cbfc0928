/*! sanctuary-explainer embed loader. Include once per page:
 *    <div data-sanctuary-explainer></div>
 *    <script async src="https://cdn.example.org/sanctuary-explainer/embed.js"></script>
 *  It finds every placeholder, loads the widget's wasm once from the directory this file was
 *  served from, and mounts one independent widget per placeholder, each in its own shadow root.
 */
(function () {
  "use strict";
  var NAME = "sanctuary-explainer";
  var script = document.currentScript;
  // Assets live beside embed.js, wherever the newsroom hosts it.
  var base = new URL(".", (script && script.src) || document.baseURI).href;
  var loading = null;
  var seen = typeof WeakSet === "function" ? new WeakSet() : null;

  function load() {
    if (!loading) {
      loading = import(base + "sanctuary_explainer.js").then(function (glue) {
        return glue.default({ module_or_path: base + "sanctuary_explainer_bg.wasm" }).then(function () {
          return glue;
        });
      });
      loading.catch(function (err) {
        console.error(NAME + ": could not load the widget from " + base, err);
      });
    }
    return loading;
  }

  function mount(el) {
    if (!seen || seen.has(el)) return;
    seen.add(el);
    load().then(function (glue) {
      glue.mount(el, base);
    }).catch(function (err) {
      console.error(NAME + ": could not mount", el, err);
    });
  }

  function scan() {
    var els = document.querySelectorAll("[data-sanctuary-explainer]");
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }

  scan();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  }
})();
