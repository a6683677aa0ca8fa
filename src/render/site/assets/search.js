// Search over the prebuilt index (assets/search-index.js), as mdBook does: the pages work
// without it; with it, the search box appears and lists matching tools as you type.
(function () {
  "use strict";
  var index = window.ADSCHECK_INDEX;
  var box = document.querySelector(".search");
  var input = document.getElementById("search");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  if (!index || !box || !input) { return; }
  var script = document.currentScript || document.querySelector("script[data-root]");
  var root = (script && script.getAttribute("data-root")) || "";
  box.hidden = false;
  function fold(s) { return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  // Each tool's words (name, agency, description, purpose, the report's coded values); a
  // query word matches the start of one, so "rat" finds "rat sighting map", not
  // "administration", and "scoring" the tools that score.
  var haystacks = index.tools.map(function (t) {
    return fold(t[1] + " " + t[2] + " " + t[3] + " " + (t[5] || "") + " " + (t[6] || "")).split(/[^a-z0-9]+/).filter(Boolean);
  });
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  function run() {
    var words = fold(input.value).split(/[^a-z0-9]+/).filter(Boolean);
    results.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var found = 0;
    for (var i = 0; i < index.tools.length; i++) {
      var h = haystacks[i];
      if (!words.every(function (w) { return h.some(function (x) { return x.indexOf(w) === 0; }); })) { continue; }
      found++;
      if (found > 50) { continue; }
      var t = index.tools[i];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + t[4];
      a.textContent = t[1];
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + t[2] + ")" + (t[7] ? ": " + t[7] : "")));
      results.appendChild(li);
    }
    status.textContent = found === 0 ? "No tool matches." :
      found + (found === 1 ? " tool matches" : " tools match") + (found > 50 ? "; the first 50 are listed." : ".");
  }
})();
