// Détente report: draws the charts and shows the evidence behind anything clicked.
// Article text is only ever inserted with textContent, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var CONTEXT = 240;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // The article text around [start, end) with that span in a <mark>.
  function highlighted(text, start, end, context) {
    var box = el("div", context === null ? "article" : "context");
    var from = context === null ? 0 : Math.max(0, start - context);
    var to = context === null ? text.length : Math.min(text.length, end + context);
    box.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.slice(from, start)));
    box.appendChild(el("mark", null, text.slice(start, end)));
    box.appendChild(document.createTextNode(text.slice(end, to) + (to < text.length ? "…" : "")));
    return box;
  }

  function evidenceItem(item) {
    var wrap = el("div", "item");
    var doc = data.documents[item.doc_id];
    wrap.appendChild(el("div", "meta", [item.actor, item.stance, item.date || (doc && doc.date) || "", item.doc]
      .filter(Boolean).join(" · ")));
    if (!doc) {
      wrap.appendChild(el("div", "context", item.text));
      return wrap;
    }
    var snippet = highlighted(doc.text, item.start, item.end, CONTEXT);
    wrap.appendChild(snippet);
    var whole = el("button", "link", "Show the whole article");
    whole.type = "button";
    whole.addEventListener("click", function () {
      var article = highlighted(doc.text, item.start, item.end, null);
      wrap.replaceChild(article, snippet);
      whole.remove();
      article.querySelector("mark").scrollIntoView({block: "center"});
    });
    wrap.appendChild(whole);
    return wrap;
  }

  function showEvidence(key) {
    var entry = data.evidence[key];
    if (!entry) return;
    var panel = document.getElementById("evidence");
    document.getElementById("evidence-title").textContent = entry.title;
    var items = document.getElementById("evidence-items");
    items.replaceChildren.apply(items, entry.items.map(evidenceItem));
    if (!entry.items.length) items.appendChild(el("p", "note", "No statements in this window."));
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  document.getElementById("evidence-close").addEventListener("click", function () {
    document.getElementById("evidence").hidden = true;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") document.getElementById("evidence").hidden = true;
  });
  document.querySelectorAll("[data-evidence]").forEach(function (node) {
    node.addEventListener("click", function (event) {
      event.preventDefault();
      showEvidence(node.getAttribute("data-evidence"));
    });
  });

  document.querySelectorAll("[data-figure]").forEach(function (node) {
    var figure = data.figures[node.getAttribute("data-figure")];
    if (!figure) {
      node.appendChild(el("p", "note", "Nothing to show yet."));
      return;
    }
    Plotly.newPlot(node, figure.data, figure.layout, {displaylogo: false, responsive: true})
      .then(function () {
        node.on("plotly_click", function (event) {
          var key = event.points.length && event.points[0].customdata;
          if (key) showEvidence(key);
        });
      });
  });

  var search = document.getElementById("search");
  search.addEventListener("input", function () {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    document.querySelectorAll("#records tbody tr").forEach(function (row) {
      var text = row.textContent.toLowerCase();
      row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
  });
})();
