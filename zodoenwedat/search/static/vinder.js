/* Zo doen we dat: the case finder on /praktijkvoorbeelden/, on Pagefind's JavaScript API.
 *
 * Words, filters and the order live in the address (?q=…&thema=…&partner=…&doelgroep=…
 * &provincie=…&fase=…&volgorde=nieuwste): every change is a history entry (typing replaces
 * the current one), so reload, back and sharing work. Which filters exist, their labels and
 * links, and the names of Pagefind's filters and sort key come from the page's own markup
 * (data attributes made from data/*.yml); nothing about the vocabularies is written here.
 * Within one filter a case needs one of the ticked values, across filters all of them.
 * Everything from the index is put on the page as text (excerpts: see zoeken.js).
 */
import { pagefind, excerpt, resultHref, el, count } from "./zoeken.js";

var PAGE = 20;  // results shown at once; "Toon meer" adds the next ones
var TYPING_PAUSE = 120;  // ms after the last key before searching
var api = pagefind();  // start loading the index at once, while the page is still being read

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();

function init() {
  var root = document.getElementById("zd-finder");
  if (!root) return;
  var input = document.getElementById("zd-q");
  var form = root.querySelector("form");
  var sortSelect = document.getElementById("zd-sort");
  var status = document.getElementById("zd-status");
  var chosen = document.getElementById("zd-chosen");
  var chosenList = document.getElementById("zd-chosen-list");
  var clearAll = document.getElementById("zd-clear");
  var suggest = document.getElementById("zd-suggest");
  var list = document.getElementById("zd-results");
  var more = document.getElementById("zd-more");

  // Cases only: the index's other pages carry a filter the cases do not have.
  var notAPage = {};
  notAPage[root.getAttribute("data-kind-filter")] = root.getAttribute("data-kind-page");
  var kindFilter = { not: notAPage };
  var sortKey = root.getAttribute("data-sort-key");
  var groups = Array.prototype.slice.call(root.querySelectorAll("[data-facet]"));
  var FACETS = groups.map(function (g) { return g.getAttribute("data-facet"); });
  var tagFacet = (root.querySelector("[data-facet][data-tags]") || { getAttribute: function () { return null; } }).getAttribute("data-facet");

  var pf = null, results = [], shown = 0, current = null, seq = 0, typing = null, words = null, filtersLoaded = null, firstResults = null;
  var typed = false;  // typing since the last history entry: the words replace that entry
  var sortChoice = "";  // "nieuwste" when the visitor chose it (without words the list is newest first anyway)

  function boxes(facet) {
    return Array.prototype.slice.call(root.querySelectorAll('[data-facet="' + facet + '"] input[type="checkbox"]'));
  }
  function box(facet, code) {
    return boxes(facet).filter(function (b) { return b.value === code; })[0] || null;
  }
  function label(facet, code) {
    var b = box(facet, code);
    return b ? b.getAttribute("data-label") : code;
  }
  function facetName(facet) {
    var g = root.querySelector('[data-facet="' + facet + '"]');
    return g ? g.getAttribute("data-name") : facet;
  }

  // ---- state <-> address <-> controls ----
  function readState() {
    var params = new URLSearchParams(window.location.search);
    var state = { q: (params.get("q") || "").trim(), sort: params.get("volgorde") === "nieuwste" ? "nieuwste" : "", facets: {} };
    FACETS.forEach(function (f) {
      var known = boxes(f).map(function (b) { return b.value; });
      state.facets[f] = params.getAll(f).filter(function (v, i, all) { return known.indexOf(v) !== -1 && all.indexOf(v) === i; });
    });
    return state;
  }
  function stateFromControls() {
    var q = input.value.trim();
    var state = { q: q, sort: q && sortChoice === "nieuwste" ? "nieuwste" : "", facets: {} };
    FACETS.forEach(function (f) {
      state.facets[f] = boxes(f).filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    });
    return state;
  }
  function applyToControls(state) {
    input.value = state.q;
    sortChoice = state.sort;
    FACETS.forEach(function (f, i) {
      boxes(f).forEach(function (b) { b.checked = state.facets[f].indexOf(b.value) !== -1; });
      if (state.facets[f].length) groups[i].open = true;
    });
    syncSort(state);
  }
  function syncSort(state) {
    var relevance = sortSelect.querySelector('option[value="relevantie"]');
    relevance.disabled = !state.q;
    sortSelect.value = state.q && state.sort !== "nieuwste" ? "relevantie" : "nieuwste";
  }
  function address(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (f) { state.facets[f].forEach(function (v) { params.append(f, v); }); });
    if (state.q && state.sort === "nieuwste") params.set("volgorde", "nieuwste");
    var search = params.toString();
    return window.location.pathname + (search ? "?" + search : "");
  }
  function active(state) {
    var out = [];
    FACETS.forEach(function (f) { state.facets[f].forEach(function (v) { out.push([f, v]); }); });
    return out;
  }

  // ---- searching ----
  function filtersFor(state, without) {
    var filters = Object.assign({}, kindFilter);
    FACETS.forEach(function (f) {
      if (f !== without && state.facets[f].length) filters[f] = { any: state.facets[f].slice() };
    });
    return filters;
  }
  function searchOptions(state) {
    var options = { filters: filtersFor(state, null) };
    if (state.q && state.sort === "nieuwste") { options.sort = {}; options.sort[sortKey] = "desc"; }
    return options;
  }

  // The counts next to the filters: what each value would leave. Pagefind counts them once all
  // filter chunks are loaded (filtersLoaded); a filter's own counts leave out its own ticks
  // (within a filter, values add up), so a filter with ticks gets a search of its own.
  function countsFor(state) {
    return filtersLoaded.then(function () {
      var main = pf.search(state.q || null, { filters: filtersFor(state, null) });
      var own = FACETS.filter(function (f) { return state.facets[f].length; }).map(function (f) {
        return pf.search(state.q || null, { filters: filtersFor(state, f) }).then(function (r) { return [f, r.filters[f] || {}]; });
      });
      return Promise.all([main, Promise.all(own)]).then(function (answers) {
        var counts = Object.assign({}, answers[0].filters || {});
        answers[1].forEach(function (pair) { counts[pair[0]] = pair[1]; });
        return counts;
      });
    });
  }

  // The results first (Pagefind loads only the chunks this search needs), the counts when
  // they are ready; data-ready says both are on the page.
  function render(state) {
    var mine = ++seq;
    current = state;
    syncSort(state);
    // Without words Pagefind keeps the index's order, which is the catalogue's: newest first.
    var shownResults = pf.search(state.q || null, searchOptions(state)).then(function (answer) {
      if (mine !== seq) return;
      results = answer.results;
      shown = 0;
      return showMore(mine, true).then(function () {
        if (mine !== seq) return;
        if (window.performance && performance.mark) performance.mark("zd-finder-results");
        if (firstResults) {
          // The counts' filter chunks load once the first results are on the screen.
          var release = firstResults;
          firstResults = null;
          requestAnimationFrame(function () { setTimeout(release, 0); });
        }
        showChosen(state);
        var n = results.length;
        status.textContent = n
          ? count(n, "praktijkvoorbeeld", "praktijkvoorbeelden") + " gevonden" + (state.q ? " voor ‘" + state.q + "’" : "") + "."
          : "Geen praktijkvoorbeelden gevonden" + (state.q ? " voor ‘" + state.q + "’" : "") + (active(state).length ? " met deze filters" : "") + ".";
        root.setAttribute("data-results", String(n));
        return showSuggestions(state, mine, n);
      });
    });
    var shownCounts = countsFor(state).then(function (counts) {
      if (mine === seq) showCounts(state, counts);
    });
    return Promise.all([shownResults, shownCounts]).then(function () {
      if (mine === seq) root.setAttribute("data-ready", "1");
    });
  }

  function showCounts(state, counts) {
    FACETS.forEach(function (f, i) {
      var values = counts[f] || {};
      boxes(f).forEach(function (b) {
        var n = values[b.value] || 0;
        var node = b.parentNode.querySelector("[data-count]");
        if (node) node.textContent = "(" + n + ")";
        b.parentNode.classList.toggle("zd-facet__option--empty", n === 0 && !b.checked);
      });
      var picked = state.facets[f].length;
      var note = groups[i].querySelector("[data-chosen]");
      if (note) note.textContent = picked ? picked + " gekozen" : "";
    });
  }

  function showMore(mine, fresh) {
    var batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (mine !== seq) return;
      if (fresh) list.textContent = "";  // the old results stay until the new ones are there
      var frag = document.createDocumentFragment();
      items.forEach(function (item) { frag.appendChild(card(item)); });
      list.appendChild(frag);
      var left = results.length - shown;
      more.hidden = left <= 0;
      more.textContent = left > 0 ? "Toon meer (nog " + count(left, "praktijkvoorbeeld", "praktijkvoorbeelden") + ")" : "";
    });
  }

  function card(item) {
    var meta = item.meta || {};
    var li = el("li", "zd-card");
    var h = el("h2", "zd-card__title");
    var a = el("a", null, meta.title || item.url);
    a.href = resultHref(item.url);
    h.appendChild(a);
    li.appendChild(h);
    if (meta.plaats) li.appendChild(el("p", "zd-card__place", meta.plaats));
    var text = el("p", "zd-card__summary");
    if (current && current.q && /<mark>/.test(item.excerpt || "")) {
      text.className += " zd-card__excerpt";
      text.appendChild(document.createTextNode("… "));
      text.appendChild(excerpt(item.excerpt));
      text.appendChild(document.createTextNode(" …"));
    } else {
      text.textContent = meta.samenvatting || "";
    }
    li.appendChild(text);
    var codes = tagFacet && item.filters ? item.filters[tagFacet] || [] : [];
    if (codes.length) {
      var tags = el("ul", "zd-tags");
      tags.setAttribute("aria-label", facetName(tagFacet));
      codes.forEach(function (code) {
        var b = box(tagFacet, code), t = el("li"), link = el("a", "zd-tag", label(tagFacet, code));
        link.href = b ? b.getAttribute("data-url") : "#";
        t.appendChild(link);
        tags.appendChild(t);
      });
      li.appendChild(tags);
    }
    return li;
  }

  function showChosen(state) {
    var pairs = active(state);
    chosenList.textContent = "";
    pairs.forEach(function (pair) {
      var li = el("li"), button = el("button", "zd-chosen__item");
      button.type = "button";
      button.appendChild(el("span", "zd-visually-hidden", "Filter weghalen: " + facetName(pair[0]) + " "));
      button.appendChild(document.createTextNode(label(pair[0], pair[1])));
      button.appendChild(el("span", "zd-chosen__x", " ×")).setAttribute("aria-hidden", "true");
      button.setAttribute("data-facet-value", pair[0] + ":" + pair[1]);
      button.addEventListener("click", function () { removeFilter(pair[0], pair[1], button); });
      li.appendChild(button);
      chosenList.appendChild(li);
    });
    chosen.hidden = !pairs.length;
  }

  function removeFilter(facet, code, button) {
    var b = box(facet, code);
    if (b) b.checked = false;
    var buttons = Array.prototype.slice.call(chosenList.querySelectorAll("button"));
    var next = buttons[buttons.indexOf(button) + 1] || buttons[buttons.indexOf(button) - 1];
    var focusKey = next && next !== button ? next.getAttribute("data-facet-value") : null;
    typed = false;
    update(true).then(function () {
      var target = focusKey && chosenList.querySelector('[data-facet-value="' + CSS.escape(focusKey) + '"]');
      (target || input).focus();
    });
  }

  function hideSuggestions() {
    suggest.hidden = true;
    suggest.textContent = "";
  }

  // A spelling from the site's own words when a word of the query is in no case (Pagefind then
  // may still match a short word it starts with: "almre" finds "al"); with no results, also
  // the filters to remove.
  function showSuggestions(state, mine, n) {
    var pairs = active(state);
    var spelling = state.q ? spellingFor(state.q) : Promise.resolve(null);
    return spelling.then(function (better) {
      if (mine !== seq) return;
      if (n && !better) return hideSuggestions();
      suggest.textContent = "";
      if (better) {
        var p = el("p", "zd-finder__spelling", "Bedoelde je ");
        var link = el("a", null, better);
        var target = { q: better, sort: state.sort, facets: state.facets };
        link.href = address(target);
        link.addEventListener("click", function (event) {
          event.preventDefault();
          applyToControls(target);
          typed = false;
          update(true).then(function () { input.focus(); });
        });
        p.appendChild(link);
        p.appendChild(document.createTextNode("?"));
        suggest.appendChild(p);
      }
      if (n) {
        // results after all: the spelling is all there is to say
      } else if (pairs.length) {
        suggest.appendChild(el("p", null, "Haal een filter weg om meer te vinden:"));
        var ul = el("ul", "zd-finder__remove");
        pairs.forEach(function (pair) {
          var li = el("li"), button = el("button", "md-button", "Zonder " + label(pair[0], pair[1]));
          button.type = "button";
          button.addEventListener("click", function () {
            var b = box(pair[0], pair[1]);
            if (b) b.checked = false;
            typed = false;
            update(true).then(function () { input.focus(); });
          });
          li.appendChild(button);
          ul.appendChild(li);
        });
        suggest.appendChild(ul);
      } else if (!better) {
        suggest.appendChild(el("p", null, "Probeer minder of andere woorden."));
      }
      suggest.hidden = false;
    });
  }

  // ---- spelling: the nearest of the site's own words (titles, places, organisations, labels) ----
  function spellingFor(q) {
    var tokens = q.toLowerCase().split(/\s+/).filter(Boolean);
    var cores = tokens.map(function (token) { return token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""); });
    return Promise.all(cores.map(known)).then(function (flags) {
      if (flags.every(Boolean)) return null;
      return loadWords().then(function (list) {
        var changed = false;
        var fixed = tokens.map(function (token, i) {
          if (flags[i]) return token;
          var best = nearest(cores[i], list);
          if (!best) return token;
          changed = true;
          return token.replace(cores[i], best);
        }).join(" ");
        if (!changed) return null;
        return pf.search(fixed, { filters: kindFilter }).then(function (r) { return r.results.length ? fixed : null; });
      });
    }).catch(function () { return null; });
  }

  // Is the word (or a form of it: Pagefind stems) in some case? A quoted search matches whole words only.
  var knownWords = {};
  function known(word) {
    if (word.length < 4) return Promise.resolve(true);  // too short to correct
    if (!(word in knownWords)) {
      knownWords[word] = pf.search('"' + word + '"', { filters: kindFilter }).then(function (r) { return r.results.length > 0; });
    }
    return knownWords[word];
  }

  function loadWords() {
    if (!words) {
      words = fetch(root.getAttribute("data-words"), { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      words.catch(function () { words = null; });
    }
    return words;
  }

  function nearest(word, list) {
    if (word.length < 4 || list.indexOf(word) !== -1) return null;
    var limit = word.length < 6 ? 1 : 2, best = null, bestDistance = limit + 1;
    for (var i = 0; i < list.length; i++) {
      var candidate = list[i];
      if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
      var d = distance(word, candidate, bestDistance);
      if (d < bestDistance) { best = candidate; bestDistance = d; if (d === 1) break; }
    }
    return best;
  }

  // Damerau-Levenshtein distance (optimal string alignment: a swap of two neighbours counts 1);
  // stops early once every path costs at least `stop`.
  function distance(a, b, stop) {
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < rowMin) rowMin = v;
      }
      if (rowMin >= stop) return stop;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  // ---- events ----
  // Every change is a history entry; while the visitor types, the words update one entry
  // (the first key makes it), so Back returns to what was there before the typing.
  function update(push) {
    clearTimeout(typing);
    var state = stateFromControls();
    var url = address(state);
    if (url !== window.location.pathname + window.location.search) {
      if (push) history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    }
    return render(state).catch(fail);
  }

  function start(loaded) {
    pf = loaded;
    var state = readState();
    applyToControls(state);
    history.replaceState(null, "", address(state));
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () {
        var first = !typed;
        typed = true;
        update(first);
      }, TYPING_PAUSE);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(!typed);
      typed = false;
    });
    root.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") { typed = false; update(true); }
    });
    sortSelect.addEventListener("change", function () {
      sortChoice = sortSelect.value === "nieuwste" ? "nieuwste" : "";
      typed = false;
      update(true);
    });
    clearAll.addEventListener("click", function () {
      FACETS.forEach(function (f) { boxes(f).forEach(function (b) { b.checked = false; }); });
      typed = false;
      update(true).then(function () { input.focus(); });
    });
    more.addEventListener("click", function () {
      var first = shown;
      showMore(seq).then(function () {
        var next = list.children[first] && list.children[first].querySelector("a");
        if (next) next.focus();
      });
    });
    window.addEventListener("popstate", function () {
      var s = readState();
      typed = false;
      applyToControls(s);
      render(s).catch(fail);
    });
    return render(state);
  }

  function fail() {
    // Without the index the static list shows (it is hidden while the finder works).
    root.classList.add("zd-finder--failed");
    document.documentElement.classList.add("zd-finder-failed");
  }

  api.then(function (loaded) {
    // All filter chunks (for the counts) load after the first results: those need only theirs.
    var release;
    filtersLoaded = new Promise(function (resolve) { release = resolve; }).then(function () { return loaded.filters(); });
    firstResults = release;
    return start(loaded);
  }).catch(fail);
}
