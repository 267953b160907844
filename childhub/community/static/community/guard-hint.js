// A hint while typing: asks the server's child-identity guard about the text and says what it found.
// Publishing never depends on this script; the server checks every text again.
(function () {
  "use strict";
  document.querySelectorAll("form[data-guard-url]").forEach(function (form) {
    var hint = form.querySelector(".guard-hint");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (!hint || !token || !window.fetch) return;
    var timer = null;
    form.addEventListener("input", function (event) {
      if (event.target.tagName !== "TEXTAREA" && event.target.type !== "text") return;
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = Array.prototype.map.call(form.querySelectorAll("textarea, input[type=text]"), function (f) {
          return f.value;
        }).join("\n");
        var body = new URLSearchParams({ text: text, csrfmiddlewaretoken: token.value });
        fetch(form.dataset.guardUrl, { method: "POST", body: body, credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { findings: [] }; })
          .then(function (data) {
            var found = data.findings || [];
            hint.hidden = found.length === 0;
            hint.textContent = found.map(function (f) { return "“" + f.text + "”: " + f.suggestion; }).join(" · ");
          })
          .catch(function () { hint.hidden = true; });
      }, 800);
    });
  });
})();
