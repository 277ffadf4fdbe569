/* VUM Implementering: start the design system and draw charts from data attributes.
   No inline script anywhere, so a strict Content-Security-Policy can hold. */
(function () {
  "use strict";
  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    try { window.DKFDS.init(); } catch (e) { /* components are progressive enhancement */ }
  }
  function drawCharts() {
    if (!window.Plotly) { return; }
    document.querySelectorAll("[data-figure]").forEach(function (el) {
      var fig;
      try { fig = JSON.parse(el.getAttribute("data-figure")); } catch (e) { return; }
      var config = { displaylogo: false, responsive: true, locale: "da",
                     modeBarButtonsToRemove: ["select2d", "lasso2d"] };
      window.Plotly.newPlot(el, fig.data || [], fig.layout || {}, config);
    });
  }
  /* plotly.js is large: load it only on pages that have a chart. */
  function start() {
    if (!document.querySelector("[data-figure]")) { return; }
    if (window.Plotly) { drawCharts(); return; }
    var script = document.createElement("script");
    script.src = document.body.getAttribute("data-plotly-src");
    script.onload = drawCharts;
    document.head.appendChild(script);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
