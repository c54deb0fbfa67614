// wiretrace UI behaviour: highlights the sentences aligned with the one under
// the pointer or keyboard focus. Served as a file because the
// Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";

  function partners(el) {
    var ids = (el.getAttribute("data-pairs") || "").split(" ");
    var out = [];
    for (var i = 0; i < ids.length; i++) {
      if (!ids[i]) continue;
      var p = document.getElementById(ids[i]);
      if (p) out.push(p);
    }
    return out;
  }

  function light(el, on) {
    var ps = partners(el);
    el.classList.toggle("hot", on);
    for (var i = 0; i < ps.length; i++) ps[i].classList.toggle("hot", on);
  }

  function sentenceOf(target) {
    return target && target.closest ? target.closest(".sent[data-pairs]") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var s = sentenceOf(e.target);
    if (s) light(s, true);
  });
  document.addEventListener("mouseout", function (e) {
    var s = sentenceOf(e.target);
    if (s) light(s, false);
  });
  document.addEventListener("focusin", function (e) {
    var s = sentenceOf(e.target);
    if (s) light(s, true);
  });
  document.addEventListener("focusout", function (e) {
    var s = sentenceOf(e.target);
    if (s) light(s, false);
  });

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
