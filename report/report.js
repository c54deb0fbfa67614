// wiretrace report behaviour: highlights the sentences aligned with the
// one under the pointer or keyboard focus.
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

  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var s = sentenceOf(e.target);
      if (s) light(s, true);
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var s = sentenceOf(e.target);
      if (s) light(s, false);
    });
  });
})();
