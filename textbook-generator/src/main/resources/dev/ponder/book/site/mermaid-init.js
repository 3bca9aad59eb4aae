/* Renders ```mermaid fences (written by pymdownx.superfences as <div class="mermaid">) with the local Mermaid copy. */
(function () {
  "use strict";
  if (typeof mermaid === "undefined") {
    return;
  }
  var dark = document.body && document.body.getAttribute("data-md-color-scheme") === "slate";
  mermaid.initialize({ startOnLoad: true, theme: dark ? "dark" : "default", securityLevel: "strict" });
})();
