// Combined filters over the index's list of tools: each select narrows the rows (agency,
// each determination, assessment, each item ticked of the form's lists, each coded field of
// the yearly report's table), together; the filters stand in the page's address, so a
// filtered list can be shared, and the count is announced to screen readers. Without
// JavaScript the form stays hidden and the page says how to browse one value at a time.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.querySelector("table.tools");
  var status = document.getElementById("filter-status");
  if (!form || !table || !status) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var noScript = document.getElementById("filters-without-script");
  form.hidden = false;
  if (noScript) { noScript.hidden = true; }
  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (s) {
    var wanted = params.get(s.name);
    if (wanted !== null) { s.value = wanted; }
    s.addEventListener("change", apply);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  function apply() {
    var active = selects.filter(function (s) { return s.value !== ""; });
    var shown = 0;
    rows.forEach(function (row) {
      var match = active.every(function (s) {
        // A group a tool can hold several values of lists them, separated by spaces.
        if (s.hasAttribute("data-multi")) {
          return (row.getAttribute("data-f-" + s.name) || "").split(" ").indexOf(s.value) !== -1;
        }
        return row.getAttribute("data-" + s.name) === s.value;
      });
      row.hidden = !match;
      if (match) { shown++; }
    });
    var query = new URLSearchParams();
    active.forEach(function (s) { query.set(s.name, s.value); });
    var search = query.toString();
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
    var described = active.map(function (s) {
      var label = form.querySelector("label[for='" + s.id + "']");
      return (label ? label.textContent : s.name) + ": " + s.options[s.selectedIndex].text;
    });
    status.textContent = active.length === 0 ? "All " + rows.length + " tools are listed." :
      shown + " of " + rows.length + " tools match " + described.join(", ") + ".";
  }
  apply();
})();
