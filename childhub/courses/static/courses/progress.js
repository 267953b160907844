// Tell the hub, every half minute while the lesson is in view, the time spent on it and the
// position in its video or audio, so the learner resumes where they left off. Optional: without
// JavaScript the "Mark as done" form counts the time since the page was opened.
(function () {
  var form = document.getElementById("lesson-done");
  if (!form || !window.fetch) { return; }
  var url = form.getAttribute("data-progress");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  var media = document.querySelector("[data-track]");
  var since = Date.now();
  var visible = !document.hidden;

  function report(last) {
    var seconds = visible ? Math.round((Date.now() - since) / 1000) : 0;
    since = Date.now();
    var body = new FormData();
    body.append("csrfmiddlewaretoken", token ? token.value : "");
    body.append("seconds", String(seconds));
    if (media && media.currentTime) { body.append("position", String(Math.floor(media.currentTime))); }
    if (!seconds && !media) { return; }
    fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: !!last })
      .catch(function () {});
  }

  setInterval(function () { report(false); }, 30000);
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { report(true); visible = false; } else { visible = true; since = Date.now(); }
  });
  window.addEventListener("pagehide", function () { report(true); });
  form.addEventListener("submit", function () { report(true); });
})();
