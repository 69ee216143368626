// Item editor: show the fields of the chosen kind. The live preview itself is htmx.
(function () {
  "use strict";
  function update() {
    var select = document.getElementById("id_kind");
    if (!select) { return; }
    document.querySelectorAll("[data-kinds]").forEach(function (el) {
      var kinds = el.getAttribute("data-kinds").split(" ");
      el.hidden = kinds.indexOf(select.value) === -1;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var select = document.getElementById("id_kind");
    if (select) { select.addEventListener("change", update); update(); }
  });
})();
