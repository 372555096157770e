// Draws the page's figures (plotly, served locally) and makes their points links:
// a position-map cell opens the actor's page on that issue, a network node the actor's page.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (form) {  // empty filters stay out of the URL, so that permalinks are short
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) { field.disabled = !field.value; });
    });
  }
  var holder = document.getElementById("figures");
  if (!holder || typeof Plotly === "undefined") { return; }
  var figures = JSON.parse(holder.textContent);
  document.querySelectorAll(".chart[data-figure]").forEach(function (element) {
    var figure = figures[element.dataset.figure];
    if (!figure) {
      element.textContent = "Nothing to draw for these filters.";
      element.classList.add("empty");
      return;
    }
    Plotly.newPlot(element, figure.data, figure.layout, {displaylogo: false, responsive: true});
    element.on("plotly_click", function (event) {
      var key = event.points && event.points[0] && event.points[0].customdata;
      if (typeof key !== "string") { return; }
      var cell = /^cell:([^|]+)\|(.+)$/.exec(key);
      var actor = /^actor:(.+)$/.exec(key);
      if (cell) {
        window.location.href = "/actors/" + encodeURIComponent(cell[1]) + "?issue=" + encodeURIComponent(cell[2]);
      } else if (actor) {
        window.location.href = "/actors/" + encodeURIComponent(actor[1]);
      }
    });
  });
  var target = document.querySelector("mark.target");
  if (target) { target.scrollIntoView({block: "center"}); }
}());
