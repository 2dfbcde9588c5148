/* Zo doen we dat: the search box in the header of every page (overrides/partials/header.html).
 *
 * It searches the site's one Pagefind index: cases and the other pages. The index is loaded
 * only when the visitor starts to search (focus on the box, or typing). Results open in a
 * panel under the box: arrow keys move through them, Escape closes the panel. Submitting
 * the form opens the finder with the words (?q=…), which also works as a plain link. "/" or
 * "s" (outside a field) puts the cursor in the box, as Material's own search did.
 */
import { pagefind, excerpt, resultHref, el, count } from "./zoeken.js";

var SHOWN = 8;  // results in the panel
var TYPING_PAUSE = 150;

var form = document.querySelector("form[data-zd-search]");
if (form) setUp(form);

function setUp(form) {
  var input = form.querySelector("input[type=search]");
  var panel = document.getElementById(input.getAttribute("aria-controls"));
  var list = panel.querySelector("ol");
  var all = panel.querySelector("[data-zd-all]");
  var status = document.getElementById(form.getAttribute("data-status"));
  var api = null, seq = 0, timer = null;

  form.hidden = false;  // without JavaScript there is no header search (the finder still is)

  function load() {
    if (!api) {
      api = pagefind();
      api.catch(function () { api = null; });
    }
    return api;
  }

  function open() { panel.hidden = false; }
  function close() { panel.hidden = true; }

  function search() {
    var q = input.value.trim();
    var mine = ++seq;
    if (!q) {
      close();
      status.textContent = "";
      return;
    }
    load().then(function (pf) { return pf.search(q); }).then(function (found) {
      if (mine !== seq) return;
      return Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); })).then(function (items) {
        if (mine !== seq) return;
        show(q, found.results.length, items);
      });
    }).catch(function () {
      if (mine !== seq) return;
      list.textContent = "";
      status.textContent = "Zoeken lukt nu niet. Probeer het later nog eens.";
      open();
    });
  }

  function show(q, total, items) {
    list.textContent = "";
    items.forEach(function (item) {
      var meta = item.meta || {};
      var li = el("li", "zd-search__item");
      var a = el("a", "zd-search__link");
      a.href = resultHref(item.url);
      a.appendChild(el("span", "zd-search__title", meta.title || item.url));
      // A case has a place (its meta data); any other result is a page of the site.
      a.appendChild(el("span", "zd-search__kind", meta.plaats ? "Praktijkvoorbeeld · " + meta.plaats : "Pagina"));
      if (item.excerpt) {
        var text = el("span", "zd-search__excerpt");
        text.appendChild(excerpt(item.excerpt));
        a.appendChild(text);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    var shown = Math.min(total, items.length);
    status.textContent = total
      ? count(total, "resultaat", "resultaten") + " voor ‘" + q + "’" + (total > shown ? ", de eerste " + shown + " staan hieronder." : ".")
      : "Niets gevonden voor ‘" + q + "’.";
    all.href = form.getAttribute("action") + "?q=" + encodeURIComponent(q);
    all.textContent = "Zoek ‘" + q + "’ in alle praktijkvoorbeelden";
    panel.querySelector("[data-zd-count]").textContent = status.textContent;
    open();
  }

  function links() {
    return Array.prototype.slice.call(panel.querySelectorAll("a"));
  }

  input.addEventListener("focus", function () {
    load();
    if (input.value.trim() && list.children.length) open();
  });
  input.addEventListener("input", function () {
    load();
    clearTimeout(timer);
    timer = setTimeout(search, TYPING_PAUSE);
  });
  form.addEventListener("keydown", function (event) {
    var items = links(), at = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      if (!panel.hidden) {
        event.preventDefault();
        close();
        input.focus();
      }
    } else if (event.key === "ArrowDown" && !panel.hidden && items.length) {
      event.preventDefault();
      items[Math.min(at + 1, items.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at !== -1) {
      event.preventDefault();
      if (at === 0) input.focus();
      else items[at - 1].focus();
    }
  });
  // As with Material's own search: "/" or "s" anywhere but in a field goes to the search box.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || (event.key !== "/" && event.key !== "s")) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
  });
  form.addEventListener("focusout", function (event) {
    if (!event.relatedTarget || !form.contains(event.relatedTarget)) close();
  });
}
