/* Installed by scripts/bench_search.py before any page script (window.__zdWanted is set
 * first): when the wanted case, the first results, the filter counts and the header search's
 * hit are in the page, and the first frame drawn after each. */
(() => {
  const zd = window.__zd = {inserted: null, shown: null, countsInserted: null, countsShown: null, headerShown: null, firstKey: null};
  const wanted = () => window.__zdWanted || "";
  const drawn = (set) => requestAnimationFrame(() => setTimeout(() => set(performance.now()), 0));
  const check = () => {
    const slug = wanted();
    if (zd.inserted === null) {
      const hit = slug ? document.querySelector('#zd-results a[href*="/' + slug + '/"]')
                       : document.querySelector('#zd-results li');
      if (hit) {
        zd.inserted = performance.now();
        drawn((at) => { zd.shown = at; });
      }
    }
    if (zd.countsInserted === null) {
      const count = document.querySelector('#zd-finder [data-count]');
      if (count && count.textContent) {
        zd.countsInserted = performance.now();
        drawn((at) => { zd.countsShown = at; });
      }
    }
    if (zd.headerShown === null && slug && document.querySelector('.zd-search__item a[href*="/' + slug + '/"]')) {
      const at = performance.now();
      requestAnimationFrame(() => setTimeout(() => { zd.headerShown = performance.now(); zd.headerInserted = at; }, 0));
      zd.headerShown = -1;
    }
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true});
  document.addEventListener("keydown", () => { if (zd.firstKey === null) zd.firstKey = performance.now(); }, true);
})();
