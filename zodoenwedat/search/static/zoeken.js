/* Zo doen we dat: what the finder (vinder.js) and the header search (kop.js) share.
 *
 * Both read the one Pagefind index of the site (made in the build, folder pagefind/ at the
 * site's root) through Pagefind's JavaScript API. This module loads that API once, on first
 * use, from the site itself: the bundle's place follows from this file's own URL
 * (assets/zoeken/zoeken.js), so the site works in any folder of any host.
 */

var siteRoot = new URL("../../", import.meta.url);
var loading = null;

/* The site's root URL, e.g. https://example.org/kennisbank/ */
export function root() {
  return siteRoot.href;
}

/* Pagefind's API, loaded (and its index opened) once; later calls get the same promise. */
export function pagefind() {
  if (!loading) {
    loading = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (api) {
      // noWorker: Pagefind searches in this page rather than in a Web Worker of its own: one
      // script and one round trip less before the first result (the finder preloads the
      // WebAssembly), and a search of this index takes milliseconds.
      return Promise.resolve(api.options({ excerptLength: 24, noWorker: true })).then(function () {
        return Promise.resolve(api.init()).then(function () { return api; });
      });
    });
    loading.catch(function () { loading = null; });  // a later try may succeed
  }
  return loading;
}

/* Pagefind's excerpt as DOM nodes: its text with the hit words in <mark>. Pagefind escapes the
 * page's text and adds only <mark> elements; anything else is taken as plain text here, so no
 * markup from an indexed page can reach the document. */
export function excerpt(html) {
  var template = document.createElement("template");
  template.innerHTML = html;
  var out = document.createDocumentFragment();
  template.content.childNodes.forEach(function (node) {
    if (node.nodeType === 1 && node.nodeName === "MARK") {
      var mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.appendChild(mark);
    } else {
      out.appendChild(document.createTextNode(node.textContent));
    }
  });
  return out;
}

// The finder's page asks for the index at once (a meta tag in its head; this module is also
// one of its own scripts there): Pagefind starts loading while the rest of the page arrives.
if (document.querySelector('meta[name="zd-zoeken"][content="direct"]')) pagefind();

/* A link to a result: Pagefind's URL is absolute on this host; keep it on this site. */
export function resultHref(url) {
  var target = new URL(url, siteRoot);
  return target.origin === siteRoot.origin ? target.pathname + target.search + target.hash : siteRoot.href;
}

export function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

export function count(n, one, many) {
  return n === 1 ? "1 " + one : n + " " + many;
}
