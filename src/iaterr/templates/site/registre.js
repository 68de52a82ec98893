/* The register's search and filters: narrows the list of the home page as one types or chooses.
   Without this script the whole list is shown, and each filter value has its own page. No framework,
   no request: it only shows and hides rows of the table, and announces how many are shown. */
(function () {
  "use strict";
  var section = document.getElementById("recherche");
  var table = document.getElementById("liste");
  if (!section || !table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var box = document.getElementById("f-texte");
  var selects = Array.prototype.slice.call(section.querySelectorAll("select"));
  var status = document.getElementById("resultats");
  var template = status.getAttribute("data-modele") || "{n} / {total}";
  var total = rows.length;

  function fold(text) {
    text = (text || "").toLowerCase();
    if (text.normalize) { text = text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
    return text.replace(/\s+/g, " ").trim();
  }

  var texts = rows.map(function (row) { return fold(row.textContent); });
  var timer = null;

  function apply() {
    var words = fold(box.value).split(" ").filter(Boolean);
    var chosen = selects.map(function (s) { return [s.getAttribute("data-cle"), s.value]; })
      .filter(function (pair) { return pair[1] !== ""; });
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      for (var j = 0; ok && j < chosen.length; j++) {
        var values = (row.getAttribute("data-" + chosen[j][0]) || "").split(" ");
        ok = values.indexOf(chosen[j][1]) !== -1;
      }
      row.hidden = !ok;
      if (ok) { shown++; }
    }
    status.textContent = template.replace("{n}", String(shown)).replace("{total}", String(total));
  }

  function later() {
    if (timer) { clearTimeout(timer); }
    if (rows.length <= 2000) { apply(); return; }
    timer = setTimeout(apply, 200);
  }

  section.hidden = false;
  box.addEventListener("input", later);
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  apply();
}());
