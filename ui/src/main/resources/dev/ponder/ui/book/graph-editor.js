/* The learning graph in the window: drawn with the local vis-network copy, updated in place when the professor
   edits it (so nodes keep their places), and a click on a concept selects it in the table beside it. Data in
   LearningGraphFiles.toJson's format. */
(function () {
  "use strict";
  var container = document.getElementById("graph");
  var nodes = null;
  var edges = null;
  var network = null;

  function create(data) {
    nodes = new vis.DataSet(data.nodes);
    edges = new vis.DataSet(data.edges.map(withId));
    network = new vis.Network(container, { nodes: nodes, edges: edges }, {
      nodes: { shape: "dot", size: 12, font: { size: 14, color: document.body.classList.contains("dark")
        ? "#e6edf3" : "#1f2328" } },
      edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, smooth: false },
      groups: data.groups || {},
      physics: { stabilization: { iterations: 200 }, barnesHut: { gravitationalConstant: -4000, springLength: 120 } },
      interaction: { hover: true, keyboard: false }
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      network.fit({ animation: false });
    });
    network.on("selectNode", function (params) {
      if (window.ponderBridge && params.nodes.length > 0) {
        window.ponderBridge.select(params.nodes[0]);
      }
    });
  }

  function withId(edge) {
    return { id: edge.from + ">" + edge.to, from: edge.from, to: edge.to };
  }

  function replace(set, items) {
    var keep = {};
    items.forEach(function (item) { keep[item.id] = true; });
    set.remove(set.getIds().filter(function (id) { return !keep[id]; }));
    set.update(items);
  }

  window.ponderGraph = {
    show: function (json) {
      var data = JSON.parse(json);
      if (network === null) {
        create(data);
      } else {
        replace(nodes, data.nodes);
        replace(edges, data.edges.map(withId));
      }
    },
    select: function (id) {
      if (network !== null && nodes.get(id) !== null) {
        network.selectNodes([id]);
        network.focus(id, { scale: 1.2, animation: false });
      }
    },
    setDark: function (dark) {
      document.body.classList.toggle("dark", dark);
    },
    nodeCount: function () {
      return nodes === null ? 0 : nodes.length;
    }
  };
})();
