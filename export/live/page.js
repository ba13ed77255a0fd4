(function () {
  var body = document.body, conn = document.getElementById("conn");
  var head = document.getElementById("head"), items = document.getElementById("items");
  var view = body.getAttribute("data-view");
  if (!window.EventSource || !window.JSON || !head || !items) return;
  function state(on) {
    conn.textContent = conn.getAttribute(on ? "data-on" : "data-off");
    conn.className = on ? "on" : "off";
  }
  // Each event holds the header if it changed, the remarks whose text
  // changed (already escaped by the server) and the order of the view's
  // remarks; remarks left out of the order are removed.
  function apply(p) {
    if (typeof p.head === "string") head.innerHTML = p.head;
    var byId = {}, i, el, kids = items.children;
    for (i = 0; i < kids.length; i++) byId[kids[i].id] = kids[i];
    for (var id in (p.set || {})) {
      var t = document.createElement("template");
      t.innerHTML = p.set[id];
      el = t.content.firstElementChild;
      if (!el) continue;
      if (byId["r" + id]) byId["r" + id].replaceWith(el);
      byId["r" + id] = el;
    }
    var keep = [];
    for (i = 0; i < p.order.length; i++) {
      el = byId["r" + p.order[i]];
      if (!el) continue;
      keep.push(el);
      if (items.children[keep.length - 1] !== el) items.insertBefore(el, items.children[keep.length - 1] || null);
    }
    while (items.children.length > keep.length) items.removeChild(items.lastElementChild);
  }
  var es = new EventSource("events?v=" + encodeURIComponent(view));
  es.onopen = function () { state(true); };
  es.onerror = function () { state(false); };
  es.addEventListener("patch", function (e) {
    var doc = document.documentElement;
    var follow = view === "all" && (window.innerHeight + window.scrollY) >= doc.scrollHeight - 120;
    apply(JSON.parse(e.data));
    body.setAttribute("data-version", e.lastEventId);
    state(true);
    if (follow) window.scrollTo(0, doc.scrollHeight);
  });
})();
