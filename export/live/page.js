(function () {
  var body = document.body, live = document.getElementById("live"), conn = document.getElementById("conn");
  var view = body.getAttribute("data-view");
  if (!window.EventSource) return;
  function state(on) {
    conn.textContent = conn.getAttribute(on ? "data-on" : "data-off");
    conn.className = on ? "on" : "off";
  }
  var es = new EventSource("events?v=" + encodeURIComponent(view));
  es.onopen = function () { state(true); };
  es.onerror = function () { state(false); };
  es.addEventListener("update", function (e) {
    var follow = view === "all" && (window.innerHeight + window.scrollY) >= document.documentElement.scrollHeight - 120;
    live.innerHTML = e.data;
    body.setAttribute("data-version", e.lastEventId);
    state(true);
    if (follow) window.scrollTo(0, document.documentElement.scrollHeight);
  });
})();
