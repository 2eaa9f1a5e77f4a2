(function () {
  "use strict";
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button.cite"));
  var all = document.querySelector("button.toggle-all");
  function panelOf(button) {
    return document.getElementById(button.getAttribute("aria-controls"));
  }
  function setOpen(button, open) {
    var panel = panelOf(button);
    if (!panel) { return; }
    button.setAttribute("aria-expanded", open ? "true" : "false");
    panel.hidden = !open;
  }
  function syncAll() {
    if (!all) { return; }
    var every = buttons.length > 0 && buttons.every(function (b) {
      return b.getAttribute("aria-expanded") === "true";
    });
    all.setAttribute("aria-pressed", every ? "true" : "false");
    all.textContent = every ? "Hide all evidence" : "Show all evidence";
  }
  buttons.forEach(function (button) {
    setOpen(button, false);
    button.addEventListener("click", function () {
      setOpen(button, button.getAttribute("aria-expanded") !== "true");
      syncAll();
    });
  });
  if (all) {
    all.hidden = false;
    all.addEventListener("click", function () {
      var open = all.getAttribute("aria-pressed") !== "true";
      buttons.forEach(function (b) { setOpen(b, open); });
      syncAll();
    });
  }
  syncAll();
}());
