// Small behaviours shared by staff pages. No inline scripts (Content-Security-Policy).
(function () {
  "use strict";
  // Send the CSRF token with every htmx request.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) { event.detail.headers["X-CSRFToken"] = meta.content; }
  });
  // Ask before anything destructive: <form data-confirm="..."> or <button data-confirm="...">.
  document.addEventListener("submit", function (event) {
    var el = event.submitter && event.submitter.dataset.confirm ? event.submitter : event.target;
    var text = el && el.dataset ? el.dataset.confirm : null;
    if (text && !window.confirm(text)) { event.preventDefault(); }
  }, true);
})();
