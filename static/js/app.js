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
      /* Small decorative charts (sparklines) are pictures only: nothing to focus or click. */
      if (el.hasAttribute("data-static")) { config.staticPlot = true; config.displayModeBar = false; }
      window.Plotly.newPlot(el, fig.data || [], fig.layout || {}, config);
    });
  }
  /* A table wider than its box scrolls sideways: make that region reachable by keyboard. */
  function focusableScrollRegions() {
    document.querySelectorAll(".table-scroll").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute("tabindex")) {
        var caption = el.querySelector("caption");
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", (caption && caption.textContent.trim()) || "Tabel (kan rulles vandret)");
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusableScrollRegions);
  } else {
    focusableScrollRegions();
  }
  window.addEventListener("resize", focusableScrollRegions);
  document.addEventListener("toggle", focusableScrollRegions, true);

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
