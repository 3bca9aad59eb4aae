/* Draws the learning graph with the local vis-network copy. The data comes from the inline
   <script type="application/json" id="graph-data"> when present (works from file://), else from the JSON file named by
   data-src on the #graph element. Format: {"nodes":[{"id":1,"label":"..","group":".."}],"edges":[{"from":2,"to":1}]},
   optionally "groups" (vis-network group options). */
(function () {
  "use strict";
  var container = document.getElementById("graph");
  if (!container) {
    return;
  }
  function fail(message) {
    container.textContent = message;
    container.style.height = "auto";
    container.style.padding = "1em";
  }
  function draw(data) {
    if (typeof vis === "undefined") {
      fail("The graph viewer (vis-network) did not load.");
      return;
    }
    var nodes = Array.isArray(data.nodes) ? data.nodes : [];
    var edges = Array.isArray(data.edges) ? data.edges : [];
    var options = {
      nodes: { shape: "dot", size: 12, font: { size: 14 } },
      edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, smooth: false },
      physics: { stabilization: { iterations: 250 }, barnesHut: { gravitationalConstant: -4000, springLength: 120 } },
      interaction: { hover: true, navigationButtons: false, keyboard: false }
    };
    if (data.groups && typeof data.groups === "object") {
      options.groups = data.groups;
    }
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
    });
  }
  var inline = document.getElementById("graph-data");
  if (inline) {
    try {
      draw(JSON.parse(inline.textContent));
    } catch (e) {
      fail("The learning graph data could not be read: " + e);
    }
    return;
  }
  var src = container.getAttribute("data-src");
  if (!src) {
    fail("No learning graph data.");
    return;
  }
  fetch(src).then(function (r) {
    if (!r.ok) {
      throw new Error("HTTP " + r.status);
    }
    return r.json();
  }).then(draw).catch(function (e) {
    fail("The learning graph could not be loaded from " + src + " (" + e + "). Opened from disk, some browsers " +
      "refuse to read it: serve the site (mkdocs serve) instead.");
  });
})();
