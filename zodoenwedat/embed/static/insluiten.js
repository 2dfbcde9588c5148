/* Zo doen we dat: the copy button next to the embed snippet on case pages. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-zd-copy]"), function (button) {
    var field = document.getElementById(button.getAttribute("data-zd-copy"));
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    button.hidden = false;
    button.addEventListener("click", function () {
      function done(ok) { if (status) status.textContent = ok ? "Gekopieerd." : "Kopiëren lukte niet; selecteer de code en kopieer die zelf."; }
      field.focus();
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () { done(document.execCommand && document.execCommand("copy")); });
      } else {
        done(document.execCommand && document.execCommand("copy"));
      }
    });
  });
})();
