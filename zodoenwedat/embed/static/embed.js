/* Zo doen we dat: sizes embedded iframes to their content.
 * Include on the host page with the snippet from a case page. Listens for the height
 * that an embed page sends, and only accepts it when the message comes from one of
 * our iframes (event.source) and from our origin (or "null": a sandboxed frame). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.postMessage) return;
  var origin = new URL(script.src, window.location.href).origin;

  function ours(frame) {
    try { return new URL(frame.src, window.location.href).origin === origin; } catch (e) { return false; }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "zodoenwedat:hoogte" || typeof data.hoogte !== "number" || !isFinite(data.hoogte)) return;
    if (event.origin !== origin && event.origin !== "null") return;
    var frames = document.querySelectorAll("iframe[data-zodoenwedat]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source && ours(frames[i])) {
        frames[i].style.height = Math.max(100, Math.min(4000, Math.ceil(data.hoogte))) + "px";
        return;
      }
    }
  });
})();
