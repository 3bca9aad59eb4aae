/* Renders pymdownx.arithmatex output (generic mode) with the local KaTeX copy: inline math arrives as
   <span class="arithmatex">\(...\)</span>, display math as <div class="arithmatex">\[...\]</div>. */
(function () {
  "use strict";
  function strip(tex) {
    var t = tex.trim();
    if ((t.startsWith("\\(") && t.endsWith("\\)")) || (t.startsWith("\\[") && t.endsWith("\\]"))) {
      return t.slice(2, -2);
    }
    if (t.startsWith("$$") && t.endsWith("$$") && t.length >= 4) {
      return t.slice(2, -2);
    }
    if (t.startsWith("$") && t.endsWith("$") && t.length >= 2) {
      return t.slice(1, -1);
    }
    return t;
  }
  function render() {
    if (typeof katex === "undefined") {
      return;
    }
    document.querySelectorAll(".arithmatex").forEach(function (el) {
      if (el.getAttribute("data-ponder-math") === "done") {
        return;
      }
      var display = el.tagName === "DIV";
      try {
        katex.render(strip(el.textContent), el, { displayMode: display, throwOnError: false });
        el.setAttribute("data-ponder-math", "done");
      } catch (e) {
        el.setAttribute("data-ponder-math", "error");
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();
