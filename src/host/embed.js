/*! sanctuary-explainer embed loader; how to embed it: EMBEDDING.md in its repository. */
/* Include once per page:
 *    <div data-sanctuary-explainer></div>
 *    <script async src="https://cdn.example.org/sanctuary-explainer/embed.js"></script>
 *  It finds every placeholder, reserves its space, loads the widget's wasm once (when a
 *  placeholder comes within about a viewport of being visible) from the directory this file was
 *  served from, and mounts one independent widget per placeholder, each in its own shadow root.
 *  Placeholders added later mount by themselves; single-page apps can also call
 *  window.SanctuaryExplainer.mount(element, options) and .unmount(element).
 *  A widget that hits an internal error offers "Try again"; the others restart.
 *  (Only the line above is kept in the minified file: every reader downloads it.)
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
  var FILES = { glue: "sanctuary_explainer.js", wasm: "sanctuary_explainer_bg.wasm", geo: "geo/", content: "content/", check: "sanctuary_validator.js", checkWasm: "sanctuary_validator_bg.wasm" };
  // Space reserved per view before the wasm arrives: max(min, share × width + fixed), measured
  // to be at least the widget's first height from 320 to 1280 px (the map is 975:610; the Q&A's
  // questions wrap less as the width grows). The widget keeps the space until the reader first
  // interacts, so it never pushes the article down. Static fallbacks reserve nothing.
  var RESERVE = { qa: [-0.15, 960, 800], map: [0.4056, 690, 0], both: [0.48, 1190, 1520] };
  var OPTIONS = { lang: "data-lang", view: "data-view", theme: "data-theme", accent: "data-accent",
                  open: "data-open", content: "data-content" };

  var state = new WeakMap(); // element -> "waiting" | "mounting" | "mounted" | "failed"
  var live = new Set(); // elements mounting or mounted
  var owner = new WeakMap(); // element -> its instance { m: glue module, dead }
  var compiled = null; // the wasm, downloaded and compiled once per page
  var loading = null, current = null, made = 0, recoveries = 0;
  var calling = null; // the element whose mount/unmount is running
  var lastEvent = null, lastHost = null; // the latest reader event on a widget
  var trapped = false; // our crash callback ran: the RuntimeError now unwinding is ours

  function compile(r) {
    if (!r.ok) throw new Error("HTTP " + r.status + " for " + r.url);
    var copy = r.clone();
    var bytes = function () { return copy.arrayBuffer().then(WebAssembly.compile); };
    // Streaming needs Content-Type: application/wasm; else compile the bytes.
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(r).catch(bytes) : bytes();
  }

  function load() {
    if (!loading) {
      // The wasm download starts now, beside the glue's (streaming compile).
      if (!compiled) {
        compiled = fetch(base + FILES.wasm).then(compile);
        compiled.catch(function () { compiled = null; });
      }
      // The glue keeps one instance in its module scope: a new instance (after a crash)
      // needs a new copy of the glue, not of the wasm.
      var n = made++;
      var p = loading = Promise.all([import(base + FILES.glue + (n ? "?instance=" + n : "")), compiled])
        .then(function (r) {
          return r[0].default({ module_or_path: r[1] }).then(function (exports) {
            var inst = current = { m: r[0], dead: false };
            // A trap anywhere in the instance (dist's guard around its exports), and, in a
            // build with a panic hook, the panic's message just before it.
            exports._t = function (e) { crash(inst, String(e)); };
            r[0].on_crash(function (message) { crash(inst, message); });
            return inst;
          });
        });
      p.catch(function () { if (loading === p) loading = null; }); // the next start tries again
    }
    return loading;
  }

  // The wasm's downloads (geometry, stories): get(url) resolves to the bytes, or rejects with
  // the reason (a string for the console). The map's states and the story in the reader's
  // language (its head, without the answers, unless a question is open at start) start beside
  // the wasm when the first widget that needs them starts (not after its first render), once
  // per page; get() hands over such a download once, and fetches anew after that (the
  // reader's "Try again").
  var TIMEOUT = 20000; // a download that hangs fails, so the reader can try again
  var prefetched = {}, started = {};
  var MAP_WAIT = 250; // ms
  function prefetch(el) {
    var states = base + FILES.geo + "states.bin";
    if ((el.getAttribute("data-view") || "").trim() !== "qa") early(states);
    // The wasm's language rule (host::start_lang): a valid data-lang, else Spanish for a
    // Spanish page, else English. A data-content story file needs neither story.
    var lang = (el.getAttribute("data-lang") || "").trim();
    if (lang !== "en" && lang !== "es") lang = /^es/i.test(document.documentElement.lang) ? "es" : "en";
    // The wasm's rule (host::Widget::with_default_story): the whole story when data-open or a
    // deep link opens a question (deeplink.rs: #sanctuary-explainer=<widget>/q/<id>, <widget>
    // the placeholder's id or its position on the page), else the head.
    var key = /^[\w-]{1,80}$/.test(el.id) ? el.id
      : String(Array.prototype.indexOf.call(document.querySelectorAll(SELECTOR), el) + 1);
    var open = (el.getAttribute("data-open") || "").trim() !== "" ||
      location.hash.indexOf("#sanctuary-explainer=" + key + "/q/") === 0;
    if (!el.hasAttribute("data-content")) {
      var story = base + FILES.content + (open ? "story." : "head.") + lang + ".bin";
      early(story);
      // The wasm renders when the story is there, and draws the map in that render if the states
      // are there too. They download together, and the story, being smaller, tends to come a
      // moment first: so the story is handed over once the states are there as well (or have
      // failed, or after MAP_WAIT ms), for one render with the map, not a second render and
      // layout just after the first.
      var s = prefetched[states], t = prefetched[story];
      if (s && t) {
        t = prefetched[story] = t.then(function (bytes) {
          return Promise.race([s.catch(function () {}), new Promise(function (r) { setTimeout(r, MAP_WAIT); })])
            .then(function () { return bytes; });
        });
        t.catch(function () {});
      }
    }
  }
  function early(url) {
    if (started[url]) return;
    started[url] = true;
    var p = prefetched[url] = download(url);
    p.catch(function () {}); // reported when the wasm takes it
  }
  function get(url) {
    var p = prefetched[url];
    delete prefetched[url];
    return p || download(url);
  }
  function download(url) {
    var abort = "AbortController" in window ? new AbortController() : null;
    var timer = abort && setTimeout(function () { abort.abort(); }, TIMEOUT);
    return fetch(url, abort ? { signal: abort.signal } : {}).then(function (r) {
      if (!r.ok) throw url + ": HTTP " + r.status;
      return r.arrayBuffer().catch(function () { throw url + ": the download was interrupted or timed out"; });
    }, function () {
      throw url + ": network error or timeout";
    }).finally(function () { clearTimeout(timer); });
  }

  // The data-content validator: a second, small wasm with the JSON parser and the editor-facing
  // checks, loaded on first use only (pages without data-content never fetch it). Downloads the
  // content file at `url` (relative to the page) and has it checked. Resolves to the packed
  // content the widget decodes; rejects with the problems, one per line.
  var checker = null;
  function check(url) {
    var text = download(url).then(function (bytes) {
      return new TextDecoder().decode(bytes);
    }, function (e) {
      throw "could not download the content file " + e;
    });
    text.catch(function () {});
    if (!checker) {
      var wasm = fetch(base + FILES.checkWasm);
      wasm.catch(function () {});
      checker = import(base + FILES.check).then(function (m) {
        return m.default({ module_or_path: wasm }).then(function () { return m; });
      });
    }
    return checker.then(function (m) {
      return text.then(function (t) {
        try {
          return m.check(t);
        } catch (e) {
          if (typeof e !== "string") checker = null; // not the file's problems: it crashed
          throw e;
        }
      });
    }, function (err) {
      checker = null; // a later widget tries again
      throw err;
    });
  }


  function note(e) { lastEvent = e; lastHost = e.currentTarget; }

  // From the wasm's panic hook, before the instance traps, or from the glue's guard as the trap
  // unwinds (a panic stops every widget in the instance). The widget at fault: the one being
  // mounted, or the one whose event is still dispatching.
  function crash(inst, message) {
    trapped = true;
    setTimeout(function () { trapped = false; }, 0);
    if (inst.dead) return; // reported already
    inst.dead = true;
    if (current === inst) current = loading = null;
    var el = calling || (lastEvent && lastEvent.eventPhase ? lastHost : null);
    setTimeout(function () { recover(inst, el, message); }, 0);
  }

  // The dead instance's DOM and listeners go with the shadow roots' content. The widget at
  // fault offers "Try again"; the others mount again in a new instance (all of them when the
  // one at fault is unknown). After 3 crashes every widget offers "Try again": never a loop.
  function recover(dead, el, message) {
    var again = ++recoveries <= 3;
    var all = Array.prototype.slice.call(document.querySelectorAll(SELECTOR));
    console.error(NAME + ": internal error in " +
      (el ? "the widget " + (el.id ? "#" + el.id + " " : "") + "(placeholder " + (all.indexOf(el) + 1 || "?") + " of " + all.length + ")" : "an unknown widget") +
      (again ? (el ? "; it offers \"Try again\", the others restarted. " : "; every widget restarted. ")
        : "; too many on this page, every widget offers \"Try again\". ") + message);
    Array.from(live).forEach(function (host) {
      if (owner.get(host) !== dead) return; // already in the new instance
      live.delete(host);
      if (host.shadowRoot) host.shadowRoot.replaceChildren();
      state.set(host, again && host !== el ? "waiting" : "failed");
      if (again && host !== el) start(host); else showFailure(host, true);
    });
  }

  // Our crash's RuntimeError is not written to the console a second time (the page's own error
  // handlers still hear of it: they were added first).
  window.addEventListener("error", function (e) {
    if (trapped && e.error instanceof WebAssembly.RuntimeError) {
      trapped = false;
      e.preventDefault();
    }
  });

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
    en: ["This interactive explainer could not load.", "Try again", "This interactive explainer stopped working."],
    es: ["No se pudo cargar este explicativo interactivo.", "Reintentar", "Este explicativo interactivo dejó de funcionar."]
  };
  var MESSAGE_CSS = ":host{display:block}p{margin:0 0 8px;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b}" +
    "button{font:600 15px system-ui,sans-serif;min-height:44px;padding:8px 16px;border:1px solid #1d4f91;" +
    "border-radius:4px;background:#fff;color:#1d4f91;cursor:pointer}" +
    "div{border:1px solid #d6d6d6;border-radius:4px;padding:16px;background:#fff}";

  function showFailure(el, stopped) {
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
    p.textContent = text[stopped ? 2 : 0];
    var retry = document.createElement("button");
    retry.type = "button";
    retry.textContent = text[1];
    retry.addEventListener("click", function () {
      root.replaceChildren();
      state.set(el, "waiting");
      start(el);
    });
    box.append(p, retry);
    root.replaceChildren(box);
    el.style.minHeight = "";
  }

  // A page that enforces Trusted Types (CSP `require-trusted-types-for 'script'`) blocks plain
  // strings in innerHTML, through which the widget writes its text-only parts, unless the page's
  // own default policy lets them through. Found out once, before any download: such a page keeps
  // its static fallback or gets the "could not load" message, and the console says why.
  var blocked = null;
  function htmlBlocked() {
    if (blocked === null) {
      blocked = false;
      if (window.trustedTypes) {
        try { document.createElement("template").innerHTML = "<b></b>"; } catch (e) { blocked = true; }
      }
      if (blocked) {
        console.error(NAME + ": this page enforces Trusted Types, and the widget writes its text with " +
          "innerHTML, which the page blocks (it has no default policy that lets it through); the page's " +
          "text stays as it is. See EMBEDDING.md, \"Content Security Policy\".");
      }
    }
    return blocked;
  }

  function start(el) {
    if (state.get(el) !== "waiting") return;
    if (htmlBlocked()) {
      state.set(el, "failed");
      showFailure(el);
      return;
    }
    state.set(el, "mounting");
    live.add(el);
    var loaded = load(); // the wasm first: the longest download
    prefetch(el);
    "click keydown focus blur change input mouseenter mouseleave".split(" ").forEach(function (t) {
      el.addEventListener(t, note, true); // once per element: the same listener
    });
    loaded.then(function (inst) {
      if (state.get(el) !== "mounting") return; // unmounted meanwhile
      owner.set(el, inst);
      if (inst.dead) return; // another mount crashed it: recover() has this one
      calling = el;
      try {
        // The widget renders once its story is there; if that cannot be had, the wasm lets go
        // of this element and says why, and it fails as a load would.
        inst.m.mount(el, base, FILES.geo, FILES.content, function (err) {
          var s = state.get(el);
          if ((s === "mounting" || s === "mounted") && !inst.dead) fail(el, err);
        });
      } catch (err) {
        if (inst.dead) { trapped = false; return; } // it crashed: recover() has it
        throw err;
      } finally {
        calling = null;
      }
      if (state.get(el) === "mounting") state.set(el, "mounted");
    }).catch(function (err) { fail(el, err); });
  }

  function fail(el, err) {
    live.delete(el);
    state.set(el, "failed");
    console.error(NAME + ": could not load the widget from " + base + " (the page's text stays as it is)", err);
    showFailure(el);
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
    // Near the viewport already: start now rather than a frame later, when the observer
    // reports. Measured before reserving (its own height does not move its top; reading after
    // the write would force a second layout).
    var go = !io || near(el);
    reserve(el);
    if (go) start(el); else io.observe(el);
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
    live.delete(el);
    var inst = owner.get(el);
    if (s === "mounted" && inst && !inst.dead) {
      calling = el;
      try { inst.m.unmount(el); } catch (e) { trapped = false; /* recover() reports it */ } finally { calling = null; }
    }
    if (el.shadowRoot && (s === "mounting" || s === "mounted" || s === "failed")) el.shadowRoot.replaceChildren();
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
    _check: check,
    /** Internal, the widget's downloads: see get() above. */
    _get: get
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
