// Inside an embed page: tell the page that frames it how tall this page is, so that
// embed.js can size the iframe (on load, on resize and whenever the content changes).
(function () {
  function send() {
    parent.postMessage({ type: "zodoenwedat:hoogte", hoogte: document.documentElement.scrollHeight }, "*");
  }
  addEventListener("load", send);
  addEventListener("resize", send);
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
  send();
})();
