/* The register's search, filters and pages of results, on the home page. Without this script the first page of
   results is shown and every use case is listed by category. No framework, no request: the index of every use
   case (assets/recherche.js, loaded before) is searched in the page, and only the page of results shown is
   drawn. The search folds accents, case and a final s or x (« réseaux » finds « réseau ») the way the build folds
   the index (src/iaterr/publish/site/recherche.py); the query and the filters live in the address (?q=…&statut=…)
   so that a filtered view can be shared. */
(function () {
  "use strict";
  var section = document.getElementById("recherche");
  var list = document.getElementById("liste");
  var index = window.IATERR_INDEX;
  var labelsNode = document.getElementById("libelles");
  if (!section || !list || !index || !labelsNode) { return; }
  var labels = JSON.parse(labelsNode.textContent);
  var perPage = parseInt(list.getAttribute("data-par-page"), 10) || 50;
  var box = document.getElementById("f-texte");
  var selects = Array.prototype.slice.call(section.querySelectorAll("select"));
  var status = document.getElementById("resultats");
  var nav = document.getElementById("pagination");
  var heading = document.getElementById("t-liste");
  var cases = index.cas;  // [id, nom, collectivité, résumé, thème, statut, types, risque, mots]
  var columns = {theme: 4, statut: 5, types: 6, risque: 7};
  var recordLang = labels.langue_fiches || "";

  function fold(text) {
    text = String(text || "").toLowerCase();
    if (text.normalize) { text = text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
    return text.replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/[^a-z0-9]+/g, " ").trim();
  }
  function stem(word) { return word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word; }
  function words(text) {
    var seen = {}, out = [];
    fold(text).split(" ").forEach(function (w) {
      if (w) { w = stem(w); if (!seen[w]) { seen[w] = true; out.push(w); } }
    });
    return out;
  }
  // each use case's words, with those of its collectivité's name
  var collWords = {};
  Object.keys(index.collectivites).forEach(function (id) { collWords[id] = words(index.collectivites[id]).join(" "); });
  var haystacks = cases.map(function (c) { return c[8] + (collWords[c[2]] || "") + " "; });

  var found = [], page = 1;

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    box.value = params.get("q") || "";
    selects.forEach(function (s) {
      var value = params.get(s.name) || "";
      s.value = Array.prototype.some.call(s.options, function (o) { return o.value === value; }) ? value : "";
    });
    page = Math.max(1, parseInt(params.get("page"), 10) || 1);
  }
  function writeAddress() {
    var params = new URLSearchParams();
    if (box.value.trim()) { params.set("q", box.value.trim()); }
    selects.forEach(function (s) { if (s.value) { params.set(s.name, s.value); } });
    if (page > 1) { params.set("page", String(page)); }
    var query = params.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") +
                                  window.location.hash);
    } catch (e) { /* a browser that refuses: the view is not in the address, nothing else changes */ }
  }

  function filter() {
    var wanted = words(box.value).map(function (w) { return " " + w; });
    var chosen = selects.filter(function (s) { return s.value !== ""; }).map(function (s) {
      return [columns[s.getAttribute("data-cle")], s.value];
    });
    found = [];
    for (var i = 0; i < cases.length; i++) {
      var c = cases[i], ok = true, j;
      for (j = 0; ok && j < chosen.length; j++) {
        ok = chosen[j][0] === 6 ? (" " + c[6] + " ").indexOf(" " + chosen[j][1] + " ") !== -1
                                : c[chosen[j][0]] === chosen[j][1];
      }
      for (j = 0; ok && j < wanted.length; j++) { ok = haystacks[i].indexOf(wanted[j]) !== -1; }
      if (ok) { found.push(i); }
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function link(href, text) { var a = element("a", "", text); a.href = href; return a; }
  function theirs(node) { if (recordLang) { node.lang = recordLang; } return node; }

  function card(c) {
    var li = element("li", "resultat");
    var h = theirs(element("h3", "resultat-nom"));
    h.appendChild(link("cas/" + encodeURIComponent(c[0]) + ".html", c[1]));
    li.appendChild(h);
    var coll = theirs(element("p", "resultat-coll"));
    coll.appendChild(link("collectivites/" + encodeURIComponent(c[2]) + ".html", index.collectivites[c[2]] || c[2]));
    li.appendChild(coll);
    if (c[3]) { li.appendChild(theirs(element("p", "resultat-resume", c[3]))); }
    var tags = element("p", "etiquettes");
    tags.appendChild(element("span", "etiquette", labels.mots.statut + (labels.statuts[c[5]] || c[5])));
    tags.appendChild(document.createTextNode(" "));
    tags.appendChild(element("span", "etiquette", labels.mots.risque + (labels.risques[c[7]] || c[7])));
    li.appendChild(tags);
    return li;
  }

  function pages() { return Math.max(1, Math.ceil(found.length / perPage)); }

  function render() {
    page = Math.min(page, pages());
    var start = (page - 1) * perPage, fragment = document.createDocumentFragment();
    found.slice(start, start + perPage).forEach(function (i) { fragment.appendChild(card(cases[i])); });
    list.textContent = "";
    list.appendChild(fragment);
    list.start = start + 1;
    status.textContent = found.length ? labels.resultats.replace("{n}", String(found.length))
      .replace("{total}", String(cases.length)).replace("{page}", String(page)).replace("{pages}", String(pages()))
      : labels.aucun.replace("{total}", String(cases.length));
    drawNav();
  }

  function go(to) {
    page = to;
    render();
    writeAddress();
    heading.focus();
  }

  function drawNav() {
    nav.textContent = "";
    nav.hidden = pages() <= 1;
    if (nav.hidden) { return; }
    var previous = element("button", "page-precedente", labels.precedente);
    previous.type = "button";
    previous.disabled = page <= 1;
    previous.addEventListener("click", function () { go(page - 1); });
    var next = element("button", "page-suivante", labels.suivante);
    next.type = "button";
    next.disabled = page >= pages();
    next.addEventListener("click", function () { go(page + 1); });
    nav.appendChild(previous);
    nav.appendChild(element("span", "page-position",
                            labels.position.replace("{page}", String(page)).replace("{pages}", String(pages()))));
    nav.appendChild(next);
  }

  function update() {
    page = 1;
    filter();
    render();
    writeAddress();
  }

  section.hidden = false;
  readAddress();
  filter();
  render();
  box.addEventListener("input", update);
  selects.forEach(function (s) { s.addEventListener("change", update); });
  // for bench/site_filtrage.py: the time of one search, measured in the page
  window.IATERR_RECHERCHER = function (query) {
    var t0 = window.performance.now();
    box.value = query;
    update();
    return window.performance.now() - t0;
  };
}());
