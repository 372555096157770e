// Détente report: draws the charts, renders the tables (sort, page, filter, CSV) and shows
// the evidence behind anything clicked. Text is only ever inserted with textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var CONTEXT = 240, PAGE = 25;
  var filters = {actor: "", issue: "", outlet: "", from: "", to: ""};
  var redraws = [];

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

  function evidenceItem(id) {
    var item = data.items[id];
    var wrap = el("div", "item");
    var doc = data.documents[item.doc_id];
    wrap.appendChild(el("div", "meta", [item.actor, item.stance, item.date || (doc && doc.date) || "",
      (doc && (doc.title || doc.doc)) || item.doc, doc && doc.outlet].filter(Boolean).join(" · ")));
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
    document.getElementById("evidence-link").setAttribute("href", "#evidence=" + encodeURIComponent(key));
    var items = document.getElementById("evidence-items");
    var shown = entry.items.slice(0, 200);
    items.replaceChildren.apply(items, shown.map(evidenceItem));
    if (entry.items.length > shown.length)
      items.appendChild(el("p", "note", "… and " + (entry.items.length - shown.length) + " more."));
    if (!entry.items.length) items.appendChild(el("p", "note", "No statements in this window."));
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function closeEvidence() {
    document.getElementById("evidence").hidden = true;
  }

  // A permalink (#evidence=KEY) opens its evidence.
  function fromHash() {
    var hash = location.hash;
    if (hash.indexOf("#evidence=") === 0) showEvidence(decodeURIComponent(hash.slice(10)));
  }

  document.getElementById("evidence-close").addEventListener("click", closeEvidence);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeEvidence();
  });
  document.querySelectorAll("[data-evidence]").forEach(function (node) {
    node.addEventListener("click", function (event) {
      event.preventDefault();
      showEvidence(node.getAttribute("data-evidence"));
    });
  });
  window.addEventListener("hashchange", fromHash);

  // --- tables -----------------------------------------------------------------------
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  // never a formula in a spreadsheet
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function keep(spec, row) {
    var at = function (name) {
      return (spec.filters[name] || "").split("|").filter(Boolean).map(function (key) {
        return String(row[spec.index[key]] === null ? "" : row[spec.index[key]]);
      });
    };
    if (filters.actor && spec.filters.actor && !at("actor").some(function (v) {
      return v.toLowerCase().indexOf(filters.actor.toLowerCase()) >= 0; })) return false;
    if (filters.issue && spec.filters.issue && at("issue").indexOf(filters.issue) < 0) return false;
    if (filters.outlet && spec.filters.outlet && at("outlet").indexOf(filters.outlet) < 0) return false;
    if ((filters.from || filters.to) && spec.filters.date) {
      var when = at("date")[0] || "";
      if (!/^\d{4}-\d{2}-\d{2}/.test(when)) return false;
      var start = when.slice(0, 10), end = when.slice(-10);
      if (filters.from && end < filters.from) return false;
      if (filters.to && start > filters.to) return false;
    }
    return true;
  }

  function makeTable(node, name) {
    var spec = data.tables[name];
    spec.index = {};
    spec.columns.forEach(function (c, i) { spec.index[c.key] = i; });
    var state = {page: 0, sort: null, descending: false, search: "", choice: {}};
    var bar = el("div", "tablebar");
    var search = el("input");
    search.type = "search";
    search.placeholder = "Search this table…";
    search.setAttribute("aria-label", "Search " + name);
    var count = el("span", "count");
    var download = el("button", "csv", "Download CSV");
    download.type = "button";
    bar.appendChild(search);
    // a menu of the values of each column in spec.choices, e.g. the event type
    (spec.choices || []).forEach(function (key) {
      var column = spec.columns[spec.index[key]], seen = {};
      var menu = el("select", "choice");
      menu.name = key;
      menu.setAttribute("aria-label", column.label + " in " + name);
      menu.appendChild(el("option", null, "any " + column.label.toLowerCase())).value = "";
      spec.rows.forEach(function (row) { if (row[spec.index[key]]) seen[row[spec.index[key]]] = true; });
      Object.keys(seen).sort().forEach(function (v) { menu.appendChild(el("option", null, v)); });
      menu.addEventListener("change", function () { state.choice[key] = menu.value; state.page = 0; draw(); });
      bar.appendChild(menu);
    });
    bar.append(count, download);
    var scroller = el("div", "scroller");
    var tableNode = el("table", "data");
    tableNode.id = "table-" + name;
    var head = el("thead"), headRow = el("tr"), body = el("tbody");
    spec.columns.forEach(function (column, i) {
      var th = el("th");
      var button = el("button", "sort", column.label);
      button.type = "button";
      button.addEventListener("click", function () {
        state.descending = state.sort === i ? !state.descending : false;
        state.sort = i;
        state.page = 0;
        draw();
      });
      th.appendChild(button);
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    tableNode.append(head, body);
    scroller.appendChild(tableNode);
    var pager = el("div", "pager");
    var previous = el("button", null, "‹ Previous"), next = el("button", null, "Next ›"), where = el("span");
    previous.type = next.type = "button";
    pager.append(previous, where, next);
    node.append(bar, scroller, pager);

    function chosen() {
      var words = state.search.toLowerCase().split(/\s+/).filter(Boolean);
      var rows = [];
      spec.rows.forEach(function (row, i) {
        if (!keep(spec, row)) return;
        for (var key in state.choice)
          if (state.choice[key] && String(row[spec.index[key]]) !== state.choice[key]) return;
        var text = row.join(" ").toLowerCase();
        if (words.every(function (w) { return text.indexOf(w) >= 0; })) rows.push(i);
      });
      if (state.sort !== null) {
        var k = state.sort, sign = state.descending ? -1 : 1;
        rows.sort(function (a, b) {
          var x = spec.rows[a][k], y = spec.rows[b][k];
          if (typeof x === "number" && typeof y === "number") return sign * (x - y);
          return sign * String(x === null ? "" : x).localeCompare(String(y === null ? "" : y));
        });
      }
      return rows;
    }

    function draw() {
      var rows = chosen();
      var pages = Math.max(1, Math.ceil(rows.length / PAGE));
      state.page = Math.min(state.page, pages - 1);
      var cells = rows.slice(state.page * PAGE, (state.page + 1) * PAGE).map(function (i) {
        var tr = el("tr");
        var key = spec.keys[i];
        if (key) {
          tr.className = "ev";
          tr.tabIndex = 0;
          tr.addEventListener("click", function () { showEvidence(key); });
          tr.addEventListener("keydown", function (e) { if (e.key === "Enter") showEvidence(key); });
        }
        spec.rows[i].forEach(function (value, c) {
          var td = el("td", spec.columns[c].key, value === null ? "" : String(value));
          tr.appendChild(td);
        });
        return tr;
      });
      body.replaceChildren.apply(body, cells);
      headRow.querySelectorAll("th").forEach(function (th, i) {
        th.setAttribute("aria-sort", state.sort === i ? (state.descending ? "descending" : "ascending") : "none");
      });
      count.textContent = rows.length + " of " + spec.rows.length + " rows";
      where.textContent = "page " + (state.page + 1) + " of " + pages;
      previous.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
      node.hidden = false;
    }

    search.addEventListener("input", function () { state.search = search.value; state.page = 0; draw(); });
    previous.addEventListener("click", function () { state.page -= 1; draw(); });
    next.addEventListener("click", function () { state.page += 1; draw(); });
    download.addEventListener("click", function () {
      var lines = [spec.columns.map(function (c) { return csvCell(c.label); }).join(",")];
      chosen().forEach(function (i) { lines.push(spec.rows[i].map(csvCell).join(",")); });
      var link = el("a");
      link.href = URL.createObjectURL(new Blob([lines.join("\r\n") + "\r\n"], {type: "text/csv"}));
      link.download = name + ".csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
    redraws.push(function () { state.page = 0; draw(); });
    if (!spec.rows.length) node.appendChild(el("p", "note", "Nothing to show."));
    draw();
  }

  document.querySelectorAll("[data-table]").forEach(function (node) {
    makeTable(node, node.getAttribute("data-table"));
  });

  // --- the filter bar: choices from the records, applied to every table ---------------
  var form = document.getElementById("filters");
  var records = data.tables.records;
  function distinct(key) {
    var seen = {};
    records.rows.forEach(function (row) { var v = row[records.index[key]]; if (v) seen[v] = true; });
    return Object.keys(seen).sort();
  }
  distinct("issue").forEach(function (v) { form.issue.appendChild(el("option", null, v)); });
  distinct("outlet").forEach(function (v) { form.outlet.appendChild(el("option", null, v)); });
  distinct("actor").forEach(function (v) { var o = el("option"); o.value = v; form.querySelector("datalist").appendChild(o); });
  function applyFilters() {
    Object.keys(filters).forEach(function (name) { filters[name] = form[name].value; });
    redraws.forEach(function (redraw) { redraw(); });
  }
  form.addEventListener("input", applyFilters);
  form.addEventListener("change", applyFilters);
  form.addEventListener("reset", function () { setTimeout(applyFilters, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  // --- charts -------------------------------------------------------------------------
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
  fromHash();
})();
