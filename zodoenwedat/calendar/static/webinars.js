/* Zo doen we dat: decide "upcoming" or "past" with the visitor's clock, not the build's.
 * The page was split when the site was built (the no-JavaScript fallback); this script
 * re-sorts it now: upcoming soonest first, past newest first, and hides registration
 * links of webinars that are over. On the home page it picks the next webinar. */
(function () {
  "use strict";
  var now = Date.now();
  function t(value) { return Date.parse(value); }
  function isPast(li) { return t(li.getAttribute("data-end")) <= now; }

  var upcoming = document.getElementById("zd-upcoming-list");
  var past = document.getElementById("zd-past-list");
  if (upcoming && past) {
    var items = Array.prototype.slice.call(document.querySelectorAll(".zd-webinar[data-start]"));
    var coming = items.filter(function (li) { return !isPast(li); });
    var done = items.filter(isPast);
    coming.sort(function (a, b) { return t(a.getAttribute("data-start")) - t(b.getAttribute("data-start")); });
    done.sort(function (a, b) { return t(b.getAttribute("data-start")) - t(a.getAttribute("data-start")); });
    coming.forEach(function (li) { upcoming.appendChild(li); });
    done.forEach(function (li) { past.appendChild(li); });
    items.forEach(function (li) {
      var register = li.querySelector(".zd-webinar__register");
      if (register) register.hidden = isPast(li);
    });
    upcoming.hidden = !coming.length;
    past.hidden = !done.length;
    document.getElementById("zd-upcoming-empty").hidden = coming.length > 0;
    document.getElementById("zd-past-empty").hidden = done.length > 0;
  }

  var next = document.getElementById("zd-next-webinar");
  var candidates = document.getElementById("zd-next-candidates");
  if (next && candidates) {
    var options = Array.prototype.slice.call(candidates.children).filter(function (li) { return !isPast(li); });
    options.sort(function (a, b) { return t(a.getAttribute("data-start")) - t(b.getAttribute("data-start")); });
    var chosen = options.length ? options[0] : document.getElementById("zd-next-none");
    next.textContent = "";
    Array.prototype.forEach.call(chosen.childNodes, function (node) { next.appendChild(node.cloneNode(true)); });
  }
  document.documentElement.setAttribute("data-zd-webinars", "sorted");
})();
