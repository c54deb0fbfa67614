// wiretrace UI behaviour beside the report's own (report.js, which links
// aligned sentences). Served as a file because the Content-Security-Policy
// forbids inline scripts.
(function () {
  "use strict";

  // A file chosen for upload replaces whatever was pasted beside it, so the
  // page says so instead of sending both.
  document.addEventListener("change", function (e) {
    var input = e.target;
    if (!input || input.type !== "file" || !input.files || !input.files.length) return;
    var card = input.closest(".card, form");
    var area = card && card.querySelector("textarea");
    if (area) area.placeholder = "Using the uploaded file " + input.files[0].name;
  });
})();
