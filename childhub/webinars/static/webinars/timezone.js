// Remember the browser's time zone in the "tz" cookie, so the hub can also show times in it.
// Optional: without JavaScript, times are shown in each webinar's own zone.
(function () {
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone) { return; }
  var current = (document.cookie.match(/(?:^|;\s*)tz=([^;]*)/) || [])[1];
  if (current && decodeURIComponent(current) === zone) { return; }
  document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
  var shown = document.querySelector("[data-viewer-zone]");
  if (shown && shown.getAttribute("data-viewer-zone") !== zone && !sessionStorage.getItem("tz-reloaded")) {
    sessionStorage.setItem("tz-reloaded", "1");
    location.reload();
  }
})();
