/* Zo doen we dat: the case finder on /praktijkvoorbeelden/.
 *
 * Loads the prebuilt lunr index (zoekindex.json, Dutch pipeline: lunr.nl) and the
 * case data (zoekdata.json), then filters as one types and ticks. The state lives in
 * the query string (?q=…&thema=…&partner=…&doelgroep=…&provincie=…&fase=…).
 * Query logic mirrors zodoenwedat/search/reference.py: all words required; if nothing
 * is found, word prefixes; then one typing error per word.
 * Everything from the data is put on the page with textContent, never as HTML.
 */
(function () {
  "use strict";
  // This script is loaded async (it may run before the page is fully read): fetch the data at
  // once, and wait for the finder's own markup, which comes before the static list.
  if (!window.fetch || !window.lunr || !window.URLSearchParams) return giveUp();
  var indexUrl = document.documentElement.getAttribute("data-zd-index");
  var dataUrl = document.documentElement.getAttribute("data-zd-data");
  var loading = Promise.all([json(indexUrl), json(dataUrl)]);
  if (document.getElementById("zd-results")) init();
  else document.addEventListener("DOMContentLoaded", init);

  // Without the finder the static list must show: the page hides it while the finder loads.
  function giveUp() { document.documentElement.classList.remove("zd-js"); }

  function json(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  function init() {
    var root = document.getElementById("zd-finder");
    if (!root) return giveUp();
    var PAGE = 30;  // cards rendered at once; "Toon meer" adds the next ones

    var FACETS = ["thema", "partner", "doelgroep", "provincie", "fase"];
    var siteRoot = root.getAttribute("data-root") || "./";
    var input = document.getElementById("zd-q");
    var status = document.getElementById("zd-status");
    var suggest = document.getElementById("zd-suggest");
    var list = document.getElementById("zd-results");
    var more = document.getElementById("zd-more");
    var index = null, data = null, shownAll = [], rendered = 0;

    // lunr.nl's index pipeline, for the words of a query (the index itself is stemmed at build time).
    var trimmer = lunr.nl.trimmer, stop = lunr.nl.stopWordFilter, stemmer = lunr.nl.stemmer;

    function words(text) {
      var out = [];
      text.toLowerCase().split(/[\s\-\ufeff]+/).forEach(function (raw) {
        if (!raw) return;
        var token = trimmer(new lunr.Token(raw, {}));
        if (!token || !stop(token)) return;
        out.push(token.toString());
      });
      return out;
    }

    function run(list, mode) {
      var P = lunr.Query.presence.REQUIRED;
      return index.query(function (q) {
        list.forEach(function (word) {
          if (mode === "exact") q.term(word, { presence: P });
          else if (mode === "prefix") q.term(word, { presence: P, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
          else q.term(stemmer(new lunr.Token(word, {})).toString(), { presence: P, editDistance: 1, usePipeline: false });
        });
      });
    }

    // Returns {refs: [positions in order] or null for "no text query", mode}.
    function textSearch(text) {
      var list = words(text);
      if (!list.length) return { refs: null, mode: "none" };
      var modes = ["exact", "prefix", "fuzzy"];
      for (var i = 0; i < modes.length; i++) {
        var results = run(list, modes[i]);
        if (results.length) {
          results.sort(function (a, b) { return (b.score - a.score) || (Number(a.ref) - Number(b.ref)); });
          return { refs: results.map(function (r) { return Number(r.ref); }), mode: modes[i] };
        }
      }
      return { refs: [], mode: "none" };
    }

    function readState() {
      var params = new URLSearchParams(window.location.search);
      var state = { q: params.get("q") || "" };
      if (typeof window.zdFinderQuery === "string") {
        // Taken out of the URL by the page's head script so that Material's search stays closed.
        state.q = window.zdFinderQuery;
        delete window.zdFinderQuery;
      }
      FACETS.forEach(function (f) { state[f] = params.getAll(f); });
      return state;
    }

    function stateFromControls() {
      var state = { q: input.value };
      FACETS.forEach(function (f) {
        state[f] = Array.prototype.map.call(root.querySelectorAll('input[name="' + f + '"]:checked'), function (el) { return el.value; });
      });
      return state;
    }

    function applyToControls(state) {
      input.value = state.q;
      FACETS.forEach(function (f) {
        Array.prototype.forEach.call(root.querySelectorAll('input[name="' + f + '"]'), function (el) {
          el.checked = state[f].indexOf(el.value) !== -1;
        });
      });
    }

    function toQuery(state) {
      var params = new URLSearchParams();
      if (state.q) params.set("q", state.q);
      FACETS.forEach(function (f) { state[f].forEach(function (v) { params.append(f, v); }); });
      var s = params.toString();
      return window.location.pathname + (s ? "?" + s : "");
    }

    function matchesFacets(item, state, except) {
      for (var i = 0; i < FACETS.length; i++) {
        var f = FACETS[i];
        if (f === except || !state[f].length) continue;
        var codes = item.f[f], hit = false;
        for (var j = 0; j < state[f].length; j++) if (codes.indexOf(state[f][j]) !== -1) { hit = true; break; }
        if (!hit) return false;
      }
      return true;
    }

    function el(tag, cls, text) {
      var node = document.createElement(tag);
      if (cls) node.className = cls;
      if (text != null) node.textContent = text;
      return node;
    }

    function card(item) {
      var li = el("li", "zd-card");
      var h = el("h2", "zd-card__title");
      var a = el("a", null, item.t);
      a.href = siteRoot + item.u;
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(el("p", "zd-card__place", item.p));
      li.appendChild(el("p", "zd-card__summary", item.s));
      var tags = el("ul", "zd-tags");
      tags.setAttribute("aria-label", "Thema's");
      item.f.thema.forEach(function (code) {
        var t = el("li"), link = el("a", "zd-tag", data.labels.thema[code] || code);
        link.href = siteRoot + "themas/" + code + "/";
        t.appendChild(link);
        tags.appendChild(t);
      });
      li.appendChild(tags);
      return li;
    }

    function plural(n) { return n === 1 ? "1 praktijkvoorbeeld" : n + " praktijkvoorbeelden"; }

    function render(state) {
      var text = textSearch(state.q);
      var pool = text.refs === null ? data.cases.map(function (_, i) { return i; }) : text.refs;
      var shown = pool.filter(function (i) { return matchesFacets(data.cases[i], state, null); });

      // Live counts: how many cases each choice would leave, given the other facets and the words.
      FACETS.forEach(function (f) {
        var counts = {};
        pool.forEach(function (i) {
          var item = data.cases[i];
          if (!matchesFacets(item, state, f)) return;
          item.f[f].forEach(function (code) { counts[code] = (counts[code] || 0) + 1; });
        });
        Array.prototype.forEach.call(root.querySelectorAll('[data-count-for^="' + f + ':"]'), function (node) {
          var code = node.getAttribute("data-count-for").slice(f.length + 1);
          node.textContent = "(" + (counts[code] || 0) + ")";
        });
      });

      list.textContent = "";
      shownAll = shown;
      rendered = 0;
      showMore();

      var message;
      if (shown.length) {
        message = plural(shown.length) + " gevonden";
        if (text.mode === "prefix") message += " (woorden die zo beginnen)";
        if (text.mode === "fuzzy") message += " (met een kleine typefout verbeterd)";
        message += ".";
      } else {
        message = "Geen praktijkvoorbeelden gevonden.";
      }
      status.textContent = message;
      showSuggestions(state, shown.length);
      root.setAttribute("data-ready", "1");
      root.setAttribute("data-results", String(shown.length));
      if (window.performance && performance.mark) performance.mark("zd-finder-results");
    }

    function showMore() {
      var frag = document.createDocumentFragment();
      shownAll.slice(rendered, rendered + PAGE).forEach(function (i) { frag.appendChild(card(data.cases[i])); });
      list.appendChild(frag);
      rendered = Math.min(shownAll.length, rendered + PAGE);
      var left = shownAll.length - rendered;
      more.hidden = left <= 0;
      more.textContent = "Toon meer (nog " + plural(left) + ")";
    }

    function showSuggestions(state, count) {
      suggest.textContent = "";
      var active = [];
      FACETS.forEach(function (f) { state[f].forEach(function (v) { active.push([f, v]); }); });
      if (count || (!active.length && !state.q)) { suggest.hidden = true; return; }
      var p = el("p", null, active.length ? "Haal een filter weg om meer te vinden:" : "Probeer minder of andere woorden.");
      suggest.appendChild(p);
      if (active.length) {
        var ul = el("ul", "zd-finder__remove");
        active.forEach(function (pair) {
          var li = el("li"), button = el("button", "md-button", "Zonder " + (data.labels[pair[0]][pair[1]] || pair[1]));
          button.type = "button";
          button.addEventListener("click", function () {
            var box = root.querySelector('input[name="' + pair[0] + '"][value="' + CSS.escape(pair[1]) + '"]');
            if (box) { box.checked = false; update(true); input.focus(); }
          });
          li.appendChild(button);
          ul.appendChild(li);
        });
        suggest.appendChild(ul);
      }
      suggest.hidden = false;
    }

    function update(push) {
      var state = stateFromControls();
      var url = toQuery(state);
      if (url !== window.location.pathname + window.location.search) {
        if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
      }
      render(state);
    }

    function start(results) {
      index = lunr.Index.load(results[0]);
      data = results[1];
      root.hidden = false;
      var state = readState();
      applyToControls(state);
      history.replaceState(null, "", toQuery(state));
      render(state);
      input.addEventListener("input", function () { update(false); });
      root.addEventListener("change", function (event) { if (event.target.type === "checkbox") update(true); });
      root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); update(true); });
      window.addEventListener("popstate", function () { var s = readState(); applyToControls(s); render(s); });
      more.addEventListener("click", function () {
        var first = rendered;
        showMore();
        var next = list.children[first] && list.children[first].querySelector("a");
        if (next) next.focus();
      });
    }

    loading.then(start).catch(giveUp);
  }
})();
