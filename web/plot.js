// web/plot.js — a log-log plot in plain SVG: the excluded region of a scan (one polygon per run
// of neighbouring excluded intervals, islands included), the (g-2)_mu band, the relic line, axes
// with decade ticks, labels and a legend (the layout of the NA64 2021 paper's Fig. 4).
// No charting library: the page needs two log axes, filled polygons and lines, which is a
// hundred lines of SVG; a library would add a build step and more bytes than the rest of the page.
"use strict";

const SvPlot = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const W = 760, H = 560, M = { left: 84, right: 24, top: 40, bottom: 62 };

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }

  // "10^k" with a superscript exponent, as an SVG <text>.
  function decadeLabel(k, attrs, parent) {
    const t = el("text", attrs, parent);
    t.appendChild(document.createTextNode("10"));
    const s = el("tspan", { dy: "-0.5em", "font-size": "75%" }, t);
    s.textContent = String(k).replace("-", "\u2212");
    return t;
  }

  // Fills an SVG <text> with `str`, where "_{..}" and "^{..}" are sub- and superscripts.
  function richText(t, str) {
    const re = /([_^])\{([^}]*)\}/g;
    let last = 0, m;
    const plain = (text) => { if (text) el("tspan", {}, t).textContent = text; };
    while ((m = re.exec(str)) !== null) {
      plain(str.slice(last, m.index));
      const sub = m[1] === "_";
      const s = el("tspan", { "font-size": "70%", dy: sub ? "0.3em" : "-0.5em" }, t);
      s.textContent = m[2];
      el("tspan", { dy: sub ? "-0.3em" : "0.5em" }, t).textContent = "\u200b";
      last = re.lastIndex;
    }
    plain(str.slice(last));
    return t;
  }

  class LogLogPlot {
    constructor(svg) {
      this.svg = svg;
      svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
      svg.setAttribute("role", "img");
    }

    // spec: {x: [lo, hi], y: [lo, hi], xLabel, yLabel, layers: [...]} where a layer is
    // {kind: "band", x, lo, hi, label, cls} | {kind: "line", x, y, label, cls}
    // | {kind: "exclusion", rows, label, cls} (rows: exclusion.json rows).
    draw(spec) {
      const svg = this.svg;
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      const lx = [Math.log10(spec.x[0]), Math.log10(spec.x[1])];
      const ly = [Math.log10(spec.y[0]), Math.log10(spec.y[1])];
      const pw = W - M.left - M.right, ph = H - M.top - M.bottom;
      const X = (v) => M.left + ((Math.log10(v) - lx[0]) / (lx[1] - lx[0])) * pw;
      const Y = (v) => M.top + ph - ((Math.log10(v) - ly[0]) / (ly[1] - ly[0])) * ph;
      const clipY = (v) => Math.min(Math.max(v, spec.y[0] / 10), spec.y[1] * 10);

      const defs = el("defs", {}, svg);
      const clip = el("clipPath", { id: "plot-area" }, defs);
      el("rect", { x: M.left, y: M.top, width: pw, height: ph }, clip);
      el("rect", { x: M.left, y: M.top, width: pw, height: ph, class: "frame-bg" }, svg);
      const area = el("g", { "clip-path": "url(#plot-area)" }, svg);

      // grid and ticks
      const axes = el("g", { class: "axes" }, svg);
      for (let k = Math.ceil(lx[0] - 1e-9); k <= Math.floor(lx[1] + 1e-9); ++k) {
        const x = X(10 ** k);
        el("line", { x1: x, x2: x, y1: M.top, y2: M.top + ph, class: "grid" }, area);
        el("line", { x1: x, x2: x, y1: M.top + ph, y2: M.top + ph - 8, class: "tick" }, axes);
        decadeLabel(k, { x, y: M.top + ph + 22, "text-anchor": "middle", class: "ticklabel" }, axes);
      }
      for (let k = Math.ceil(ly[0] - 1e-9); k <= Math.floor(ly[1] + 1e-9); ++k) {
        const y = Y(10 ** k);
        el("line", { x1: M.left, x2: M.left + pw, y1: y, y2: y, class: "grid" }, area);
        el("line", { x1: M.left, x2: M.left + 8, y1: y, y2: y, class: "tick" }, axes);
        decadeLabel(k, { x: M.left - 10, y: y + 5, "text-anchor": "end", class: "ticklabel" }, axes);
      }
      // minor ticks (2..9 of every decade)
      for (let k = Math.floor(lx[0]); k <= Math.ceil(lx[1]); ++k)
        for (let m = 2; m <= 9; ++m) {
          const v = m * 10 ** k;
          if (v < spec.x[0] || v > spec.x[1]) continue;
          el("line", { x1: X(v), x2: X(v), y1: M.top + ph, y2: M.top + ph - 4, class: "tick" }, axes);
        }
      for (let k = Math.floor(ly[0]); k <= Math.ceil(ly[1]); ++k)
        for (let m = 2; m <= 9; ++m) {
          const v = m * 10 ** k;
          if (v < spec.y[0] || v > spec.y[1]) continue;
          el("line", { x1: M.left, x2: M.left + 4, y1: Y(v), y2: Y(v), class: "tick" }, axes);
        }

      const legend = [];
      for (const layer of spec.layers) {
        const g = el("g", { class: layer.cls || "" }, area);
        if (layer.kind === "band") {
          const pts = [];
          for (let i = 0; i < layer.x.length; ++i) pts.push(`${X(layer.x[i])},${Y(clipY(layer.hi[i]))}`);
          for (let i = layer.x.length - 1; i >= 0; --i)
            pts.push(`${X(layer.x[i])},${Y(clipY(layer.lo[i] > 0 ? layer.lo[i] : spec.y[0] / 10))}`);
          el("polygon", { points: pts.join(" "), class: "fill" }, g);
          if (layer.central) {
            const c = layer.x.map((x, i) => `${X(x)},${Y(clipY(layer.central[i]))}`);
            el("polyline", { points: c.join(" "), class: "line" }, g);
          }
        } else if (layer.kind === "line") {
          const c = layer.x.map((x, i) => `${X(x)},${Y(clipY(layer.y[i]))}`);
          el("polyline", { points: c.join(" "), class: "line" }, g);
        } else if (layer.kind === "exclusion") {
          for (const island of islands(layer.rows)) {
            const pts = island.map((p) => `${X(p.x)},${Y(clipY(p.upper))}`);
            for (let i = island.length - 1; i >= 0; --i)
              pts.push(`${X(island[i].x)},${Y(clipY(island[i].lower))}`);
            el("polygon", { points: pts.join(" "), class: "fill" }, g);
          }
        }
        if (layer.label) legend.push(layer);
      }
      el("rect", { x: M.left, y: M.top, width: pw, height: ph, class: "frame" }, svg);

      // axis labels
      richText(el("text", { x: M.left + pw / 2, y: H - 14, "text-anchor": "middle", class: "axislabel" }, svg),
               spec.xLabel);
      richText(el("text", {
        x: 26, y: M.top + ph / 2, "text-anchor": "middle", class: "axislabel",
        transform: `rotate(-90 26 ${M.top + ph / 2})`,
      }, svg), spec.yLabel);

      // legend (bottom right, as the paper's)
      if (legend.length) {
        const lw = 300, lh = 10 + 22 * legend.length;
        const g = el("g", { class: "legend", transform: `translate(${M.left + pw - lw - 10},${M.top + ph - lh - 10})` }, svg);
        el("rect", { x: 0, y: 0, width: lw, height: lh, class: "legend-bg" }, g);
        legend.forEach((layer, i) => {
          const y = 16 + 22 * i;
          const s = el("g", { class: layer.cls || "" }, g);
          if (layer.kind === "line") el("line", { x1: 10, x2: 40, y1: y, y2: y, class: "line" }, s);
          else el("rect", { x: 10, y: y - 7, width: 30, height: 14, class: "fill" }, s);
          richText(el("text", { x: 50, y: y + 5, class: "legendtext" }, g), layer.label);
        });
      }
      if (spec.title)
        richText(el("text", { x: M.left + pw / 2, y: M.top - 8, "text-anchor": "middle", class: "plottitle" }, svg),
                 spec.title);
    }
  }

  // Groups the excluded intervals of neighbouring x values into islands: interval j at x_i
  // continues an island ending at x_{i-1} when the two overlap in y. Each island is a list of
  // {x, lower, upper}, ascending in x.
  function islands(rows) {
    const byX = [];
    for (const r of rows) {
      if (r.lower === null || r.upper === null) {
        if (!byX.length || byX[byX.length - 1].x !== r.x) byX.push({ x: r.x, intervals: [] });
        continue;
      }
      if (!byX.length || byX[byX.length - 1].x !== r.x) byX.push({ x: r.x, intervals: [] });
      byX[byX.length - 1].intervals.push({ x: r.x, lower: r.lower, upper: r.upper });
    }
    const done = [];
    let open = [];
    for (const column of byX) {
      const next = [];
      for (const iv of column.intervals) {
        const k = open.findIndex((isl) => {
          const last = isl[isl.length - 1];
          return iv.lower <= last.upper && iv.upper >= last.lower;
        });
        if (k >= 0) {
          const isl = open.splice(k, 1)[0];
          isl.push(iv);
          next.push(isl);
        } else next.push([iv]);
      }
      done.push(...open);
      open = next;
    }
    done.push(...open);
    return done;
  }

  return { LogLogPlot, islands, richText };
})();
