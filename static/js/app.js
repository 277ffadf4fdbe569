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
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawCharts);
  } else {
    drawCharts();
  }
})();
