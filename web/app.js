// web/app.js — the explorer page: controls, state, the URL, and the calls to the worker
// (worker.js runs the WebAssembly module; the API is web/src/explorer.cpp).
//
// The state is committed only when the library accepts it: a control with a bad value (a
// negative mass, α_D > 4π, malformed JSON, ...) gets a message, and the plot, the edge table,
// the CSV and the link keep showing the last good computation.
"use strict";

const explorer = (() => {
  const $ = (id) => document.getElementById(id);

  const planes = {
    "maprime-epsilon": { x: "m_{A′} [GeV]", y: "ε", x_range: [1e-3, 1], y_range: [1e-6, 1e-1],
      fixed: ["alpha_dark", "mass_ratio", "splitting"] },
    "maprime-alphadark": { x: "m_{A′} [GeV]", y: "α_{D}", x_range: [1e-3, 1], y_range: [1e-4, 1],
      fixed: ["mass_ratio", "splitting"] },
    "mchi1-splitting": { x: "m_{χ1} [GeV]", y: "Δ/m_{χ1}", x_range: [1e-3, 0.33],
      y_range: [1e-2, 0.99], fixed: ["alpha_dark", "mass_ratio"] },
  };
  const defaults = {
    experiment: "na64-2016-2018", model: "semivisible", plane: "maprime-epsilon",
    alpha_dark: 0.1, splitting: 0.4, mass_ratio: 3, exposure: null, x_lo: 1e-3, x_hi: 1,
    y_lo: 1e-6, y_hi: 1e-1, points: 100, tolerance: 1e-3, gm2: "2021", z: null,
  };
  const fieldOfKey = {
    alpha_dark: ["alpha_dark"], splitting: ["splitting"], mass_ratio: ["mass_ratio"],
    exposure: ["exposure"], x_range: ["x_lo", "x_hi"], y_range: ["y_lo", "y_hi"],
    points: ["points"], tolerance: ["tolerance"],
  };

  const page = {
    builtins: [],          // the experiments() answer
    custom: null,          // {name, text} of a user's JSON, when one is in use
    state: null,           // the committed state (last successful computation)
    request: null,         // its compute_plane request
    result: null,          // its compute_plane answer
    overlays: { gm2: null, relic: null, gm2Key: "", relicKey: "" },
    computeCount: 0,       // successful plane computations (tests wait on it)
    overlayCount: 0,       // overlay refreshes after them (g-2 band, relic line)
    errorCount: 0,         // refused inputs
    busy: false,
    timings: {},
    lastInputAt: null,
  };

  // ---- the worker ----
  const worker = new Worker("worker.js");
  let nextId = 1;
  const waiting = new Map();
  worker.onmessage = (e) => {
    const w = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    w.resolve({ ...e.data, roundtrip_ms: performance.now() - w.sent });
  };
  function call(fn, request) {
    return new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, { resolve, sent: performance.now() });
      worker.postMessage({ id, fn, request });
    });
  }

  // ---- number formatting and parsing ----
  const roundSig = (v, digits) => Number(v.toPrecision(digits));
  // A label with "_{..}" subscripts as HTML (the labels are this file's constants).
  const html = (label) => label.replace(/_\{([^}]*)\}/g, "<sub>$1</sub>");
  function parseNumber(id, label) {
    const text = $(id).value.trim();
    const v = text === "" ? NaN : Number(text);
    if (!Number.isFinite(v)) throw fieldError(id, `${label} = '${text}' is not a number`);
    return v;
  }
  function fieldError(id, message) {
    const e = new Error(message);
    e.fields = [id];
    return e;
  }

  // ---- sliders bound to fields ----
  function bindParams(root) {
    for (const p of root.querySelectorAll(".param")) {
      const slider = p.querySelector("input[type=range]");
      const field = p.querySelector("input[type=text]");
      slider.min = p.dataset.min;
      slider.max = p.dataset.max;
      slider.step = p.dataset.step;
      const log = p.dataset.scale === "log";
      slider.addEventListener("input", () => {
        const s = Number(slider.value);
        field.value = String(log ? roundSig(10 ** s, 3) : roundSig(s, 6));
        page.lastInputAt = performance.now();
        schedule(80);
      });
      field.addEventListener("change", () => {
        syncSlider(field, slider, log);
        page.lastInputAt = performance.now();
        schedule(0);
      });
      p.sync = () => syncSlider(field, slider, log);
    }
  }
  function syncSlider(field, slider, log) {
    const v = Number(field.value);
    if (!Number.isFinite(v) || (log && !(v > 0))) return;
    slider.value = String(log ? Math.log10(v) : v);
  }
  function syncAllSliders() {
    for (const p of document.querySelectorAll(".param")) if (p.sync) p.sync();
  }

  // ---- the experiment and its regions ----
  function builtin(name) {
    return page.builtins.find((e) => e.name === name);
  }
  function experimentText() {
    return page.custom ? page.custom.text : builtin($("experiment").value).json;
  }
  function originalRegions(text) {
    try {
      const j = JSON.parse(text);
      return (j.regions || []).map((r) => ({ name: r.name, z: r.decay_z_m }));
    } catch (e) {
      return null;
    }
  }
  function showRegions(regions, z) {
    const list = $("region-list");
    list.innerHTML = "";
    if (!regions) return;
    const escape = (t) => String(t).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    regions.forEach((r0, i) => {
      const r = { ...r0, name: escape(r0.name) };  // a user's JSON goes into innerHTML
      const [start, end] = (z && z[i] ? z[i] : r.z || [0, null]).map((v) => (v === null ? null : Number(v)));
      const top = Math.max(20, Math.ceil(1.5 * (end ?? start)));
      const row = document.createElement("div");
      row.className = "region";
      row.innerHTML = `
        <div class="param" data-key="z${i}_start" data-scale="lin" data-min="0" data-max="${top}" data-step="0.05">
          <label for="z${i}_start">${r.name} from</label>
          <input type="range" id="z${i}_start-slider" aria-label="${r.name} start slider">
          <input type="text" id="z${i}_start" inputmode="decimal" value="${start}">
        </div>
        <div class="param" data-key="z${i}_end" data-scale="lin" data-min="0" data-max="${top}" data-step="0.05">
          <label for="z${i}_end">${r.name} to</label>
          <input type="range" id="z${i}_end-slider" aria-label="${r.name} end slider" ${end === null ? "disabled" : ""}>
          <input type="text" id="z${i}_end" inputmode="decimal" value="${end === null ? "" : end}" placeholder="∞">
        </div>`;
      list.appendChild(row);
    });
    bindParams(list);
    for (const p of list.querySelectorAll(".param")) p.sync();
  }
  function readRegions() {
    const rows = $("region-list").querySelectorAll(".region");
    const z = [];
    rows.forEach((_, i) => {
      const start = parseNumber(`z${i}_start`, `region ${i + 1} start z`);
      const endText = $(`z${i}_end`).value.trim();
      const end = endText === "" || endText === "∞" ? null : parseNumber(`z${i}_end`, `region ${i + 1} end z`);
      z.push([start, end]);
    });
    return z;
  }

  // ---- state <-> controls ----
  function readControls() {
    const s = {
      experiment: page.custom ? null : $("experiment").value,
      model: $("model").value,
      plane: $("plane").value,
      gm2: $("gm2").value,
      alpha_dark: parseNumber("alpha_dark", "α_D"),
      splitting: parseNumber("splitting", "Δ/m_χ1"),
      mass_ratio: parseNumber("mass_ratio", "m_A′/m_χ1"),
      exposure: parseNumber("exposure", "exposure"),
      x_lo: parseNumber("x_lo", "x range start"),
      x_hi: parseNumber("x_hi", "x range end"),
      y_lo: parseNumber("y_lo", "y range start"),
      y_hi: parseNumber("y_hi", "y range end"),
      points: parseNumber("points", "masses"),
      tolerance: parseNumber("tolerance", "edge tolerance"),
      z: readRegions(),
    };
    return s;
  }
  function writeControls(s) {
    $("experiment").value = s.experiment || $("experiment").value;
    $("model").value = s.model;
    $("plane").value = s.plane;
    $("gm2").value = s.gm2;
    for (const k of ["alpha_dark", "splitting", "mass_ratio", "exposure", "x_lo", "x_hi", "y_lo",
                     "y_hi", "points", "tolerance"])
      $(k).value = String(s[k]);
    syncAllSliders();
    planeLabels(s.plane);
  }
  function planeLabels(plane) {
    const p = planes[plane];
    $("x-label").innerHTML = html(p.x);
    $("edges-x").innerHTML = html(p.x);
    $("y_lo-label").innerHTML = `${html(p.y)} from`;
    $("y_hi-label").innerHTML = `${html(p.y)} to`;
    for (const k of ["alpha_dark", "splitting", "mass_ratio"]) {
      const on = p.fixed.includes(k);
      for (const e of document.querySelectorAll(`[data-key=${k}] input`)) e.disabled = !on;
    }
  }

  // ---- the request of a state ----
  function zEdited(s) {
    const orig = originalRegions(experimentText());
    if (!orig || !s.z) return false;
    return s.z.some((z, i) => !orig[i] || z[0] !== orig[i].z[0] || z[1] !== orig[i].z[1]);
  }
  function experimentPart(s) {
    if (!page.custom && !zEdited(s)) return { experiment: s.experiment };
    const text = experimentText();
    if (!zEdited(s)) return { experiment_json: text };
    const j = JSON.parse(text);
    j.regions.forEach((r, i) => { r.decay_z_m = s.z[i]; });
    return { experiment_json: JSON.stringify(j) };
  }
  function planeRequest(s) {
    return {
      plane: s.plane, model: s.model, ...experimentPart(s), alpha_dark: s.alpha_dark,
      mass_ratio: s.mass_ratio, splitting: s.splitting, x_range: [s.x_lo, s.x_hi], points: s.points,
      y_range: [s.y_lo, s.y_hi], exposure: s.exposure, tolerance: s.tolerance, gm2: s.gm2,
    };
  }

  // ---- the URL ----
  function toHash(s) {
    const q = new URLSearchParams();
    if (s.experiment) q.set("experiment", s.experiment);
    for (const k of ["model", "plane", "gm2", "alpha_dark", "splitting", "mass_ratio", "exposure",
                     "points", "tolerance"])
      q.set(k, String(s[k]));
    q.set("x", `${s.x_lo}:${s.x_hi}`);
    q.set("y", `${s.y_lo}:${s.y_hi}`);
    if (zEdited(s)) q.set("z", s.z.map(([a, b]) => `${a}:${b === null ? "" : b}`).join(","));
    return q.toString();
  }
  function fromHash(hash) {
    const q = new URLSearchParams(hash.replace(/^#/, ""));
    const s = { ...defaults };
    for (const k of ["experiment", "model", "plane", "gm2"]) if (q.has(k)) s[k] = q.get(k);
    for (const k of ["alpha_dark", "splitting", "mass_ratio", "exposure", "points", "tolerance"])
      if (q.has(k)) s[k] = Number(q.get(k));
    const pair = (t) => t.split(":").map((v) => (v === "" ? null : Number(v)));
    if (q.has("x")) [s.x_lo, s.x_hi] = pair(q.get("x"));
    if (q.has("y")) [s.y_lo, s.y_hi] = pair(q.get("y"));
    else if (planes[s.plane]) [s.y_lo, s.y_hi] = planes[s.plane].y_range;
    if (!q.has("x") && planes[s.plane]) [s.x_lo, s.x_hi] = planes[s.plane].x_range;
    if (q.has("z")) s.z = q.get("z").split(",").map(pair);
    if (!planes[s.plane]) s.plane = defaults.plane;
    return s;
  }

  // ---- messages ----
  function showMessage(text) {
    const m = $("message");
    m.textContent = text;
    m.hidden = false;
  }
  function clearMessage() {
    $("message").hidden = true;
    $("message").textContent = "";
    for (const e of document.querySelectorAll(".invalid")) e.classList.remove("invalid");
  }
  function markFields(message, explicit) {
    const ids = explicit || fieldOfKey[(message.match(/^(\w+) = /) || [])[1]] || [];
    for (const id of ids) if ($(id)) $(id).classList.add("invalid");
  }

  // ---- computing ----
  let timer = null, pending = false;
  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(() => { pending = true; pump(); }, delay);
  }
  async function pump() {
    if (page.busy || !pending) return;
    pending = false;
    let s;
    try {
      s = readControls();
    } catch (e) {
      refuse(e.message, e.fields);
      return;
    }
    const inputAt = page.lastInputAt;
    page.busy = true;
    $("status").textContent = "computing…";
    const answer = await call("compute_plane", planeRequest(s));
    if (!answer.result.ok) refuse(answer.result.error);
    else await commit(s, answer, inputAt);
    page.busy = false;
    if (pending) pump();
  }
  function refuse(message, fields) {
    clearMessage();
    showMessage(message);
    markFields(message, fields);
    page.errorCount++;
    $("status").textContent = page.state ? "input refused; the plot shows the last accepted values" : "input refused";
  }
  // Shows a successful computation of state s; inputAt: when the input that asked for it came.
  async function commit(s, answer, inputAt) {
    clearMessage();
    page.state = s;
    page.request = planeRequest(s);  // what was computed (tests hand it to the CLI)
    page.result = answer.result;
    page.timings = { compute_ms: answer.result.compute_ms, worker_ms: answer.worker_ms,
                     roundtrip_ms: answer.roundtrip_ms };
    draw();  // at once, with the overlays still valid for s; then the ones s changed
    if (inputAt !== null && inputAt !== undefined)
      page.timings.input_to_plot_ms = performance.now() - inputAt;
    showEdges(answer.result);
    history.replaceState(null, "", `#${toHash(s)}`);
    $("download-csv").disabled = false;
    const r = answer.result;
    $("status").textContent = `${r.x.length} points, ${r.excluded_rows} with an excluded interval` +
      `${r.failed_rows ? `, ${r.failed_rows} failed` : ""}; computed in ${Math.round(r.compute_ms)} ms ` +
      `(WebAssembly, one thread, in a worker)`;
    page.computeCount++;
    if (await refreshOverlays(s)) draw();
    page.overlayCount++;
  }
  function overlayKeys(s) {
    const lo = Math.max(1e-3, s.x_lo / s.mass_ratio), hi = Math.min(5, s.x_hi / s.mass_ratio);
    return { gm2: `${s.x_lo}:${s.x_hi}:${s.gm2}`, lo, hi,
             relic: `${lo}:${hi}:${s.alpha_dark}:${s.mass_ratio}:${s.splitting}:${s.gm2}` };
  }
  // Recomputes the overlays that state s changed; true when one did.
  async function refreshOverlays(s) {
    const o = page.overlays, keys = overlayKeys(s);
    let changed = false;
    if (s.plane === "maprime-epsilon") {
      const key = keys.gm2;
      if (o.gm2Key !== key) {
        changed = true;
        const a = await call("gm2_band", { x_range: [s.x_lo, s.x_hi], points: 200, gm2: s.gm2 });
        o.gm2 = a.result.ok ? a.result : null;
        o.gm2Key = key;
      }
    }
    if (s.plane !== "mchi1-splitting") {
      const { lo, hi, relic: key } = keys;
      if (o.relicKey !== key) {
        changed = true;
        o.relic = null;
        if (hi > lo) {
          const a = await call("relic_line", { x_range: [lo, hi], points: 40, alpha_dark: s.alpha_dark,
                                               mass_ratio: s.mass_ratio, splitting: s.splitting, gm2: s.gm2 });
          o.relic = a.result.ok ? a.result : null;
          page.timings.relic_ms = a.result.compute_ms;
        }
        o.relicKey = key;
      }
    }
    return changed;
  }

  // ---- the plot, the table, the CSV ----
  const plot = new SvPlot.LogLogPlot($("plot"));
  function draw() {
    const s = page.state, p = planes[s.plane], o = page.overlays, keys = overlayKeys(s);
    const layers = [];
    if (s.plane === "maprime-epsilon" && o.gm2 && o.gm2Key === keys.gm2)
      layers.push({ kind: "band", x: o.gm2.x, lo: o.gm2.two_sigma_low, hi: o.gm2.two_sigma_high,
                    central: o.gm2.central, cls: "gm2",
                    label: `(g−2)_{μ} ±2σ (${s.gm2 === "bnl" ? "BNL, pre-Fermilab" : "BNL+FNAL 2021"})` });
    const name = (page.result.parameters.experiment || s.experiment) + (page.custom ? ` (${page.custom.name})` : "");
    const cl = Math.round(100 * (page.result.parameters.cl || 0.9));
    layers.push({ kind: "exclusion", rows: page.result.rows, cls: "excluded",
                  label: `${name}${zEdited(s) ? " (z edited)" : ""} ${cl}% CL` });
    if (o.relic && o.relicKey === keys.relic && s.plane !== "mchi1-splitting" && o.relic.mass_aprime.length)
      layers.push({ kind: "line", x: o.relic.mass_aprime, cls: "relic", label: "thermal relic (Ωh^{2} = 0.12)",
                    y: s.plane === "maprime-epsilon" ? o.relic.epsilon : o.relic.alpha_dark_at_gm2 });
    const decay = { semivisible: "A′→χ_{1}χ_{2}", invisible: "A′→χχ̄", visible: "A′→ℓℓ, hadrons" }[s.model];
    const title = decay + ", " + {
      "maprime-epsilon": `α_{D} = ${s.alpha_dark}, m_{A′} = ${s.mass_ratio} m_{χ1}, Δ/m_{χ1} = ${s.splitting}`,
      "maprime-alphadark": `ε = ε_{(g−2)}, m_{A′} = ${s.mass_ratio} m_{χ1}, Δ/m_{χ1} = ${s.splitting}`,
      "mchi1-splitting": `ε = ε_{(g−2)}, α_{D} = ${s.alpha_dark}, m_{A′} = ${s.mass_ratio} m_{χ1}`,
    }[s.plane];
    plot.draw({ x: [s.x_lo, s.x_hi], y: [s.y_lo, s.y_hi], xLabel: p.x, yLabel: p.y, layers, title });
  }
  // The table shows the CSV's text (exclusion.csv's layout: x,lower,upper,status; numbers in
  // the library's shortest round-trip form), a row's message as its tooltip.
  function showEdges(r) {
    const body = $("edges").querySelector("tbody");
    body.innerHTML = "";
    const lines = r.csv.trim().split("\n").slice(1);
    lines.forEach((line, i) => {
      const tr = document.createElement("tr");
      for (const v of line.split(",")) {
        const td = document.createElement("td");
        td.textContent = v;
        tr.appendChild(td);
      }
      if (r.rows[i] && r.rows[i].message) tr.title = r.rows[i].message;
      body.appendChild(tr);
    });
  }
  function downloadCsv() {
    const blob = new Blob([page.result.csv], { type: "text/csv" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `exclusion-${page.state.plane}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  // ---- experiments ----
  function selectExperiment(name, z) {
    page.custom = null;
    $("experiment").value = name;
    const e = builtin(name);
    // A collider has no particles on target and no production sources of its own.
    const target = e.particles_on_target > 0 ? `, ${e.particles_on_target.toExponential(3)} on target` : "";
    const production = e.production.length ? `, production: ${e.production.join(", ")}` : "";
    $("experiment-description").textContent = `${e.beam}${target}${production}. ${e.description}`;
    $("experiment-json").value = e.json;
    showRegions(originalRegions(e.json), z);
  }
  async function applyCustom(name, text) {
    // Tried first: the experiment changes only when the library accepts the JSON.
    let s;
    try {
      s = readControls();
    } catch (e) {
      refuse(e.message, e.fields);
      return;
    }
    s.experiment = null;
    s.z = null;
    while (page.busy) await new Promise((r) => setTimeout(r, 20));
    const saved = page.custom;
    page.custom = { name, text };
    page.busy = true;
    const answer = await call("compute_plane", planeRequest(s));
    if (!answer.result.ok) {
      page.custom = saved;
      refuse(`${name}: ${answer.result.error}`);
    } else {
      $("experiment-description").textContent = `${name} (your JSON)`;
      $("experiment-json").value = text;
      showRegions(originalRegions(text), null);
      s.z = readRegions();
      await commit(s, answer, null);
    }
    page.busy = false;
    if (pending) pump();
  }

  async function init() {
    bindParams($("controls"));
    const answer = await call("experiments", {});
    if (!answer.result.ok) {
      showMessage(answer.result.error);
      return;
    }
    page.builtins = answer.result.experiments;
    for (const e of page.builtins) {
      const o = document.createElement("option");
      o.value = e.name;
      o.textContent = e.name;
      $("experiment").appendChild(o);
    }
    let s = fromHash(location.hash);
    if (!builtin(s.experiment)) s.experiment = defaults.experiment;
    selectExperiment(s.experiment, s.z);
    if (s.exposure === null) s.exposure = builtin(s.experiment).particles_on_target;
    writeControls(s);

    $("experiment").addEventListener("change", () => {
      const e = builtin($("experiment").value);
      selectExperiment(e.name, null);
      $("exposure").value = String(e.particles_on_target);
      syncAllSliders();
      page.lastInputAt = performance.now();
      schedule(0);
    });
    for (const id of ["model", "gm2"])
      $(id).addEventListener("change", () => { page.lastInputAt = performance.now(); schedule(0); });
    $("plane").addEventListener("change", () => {
      const p = planes[$("plane").value];
      [$("x_lo").value, $("x_hi").value] = p.x_range.map(String);
      [$("y_lo").value, $("y_hi").value] = p.y_range.map(String);
      syncAllSliders();
      planeLabels($("plane").value);
      schedule(0);
    });
    for (const id of ["x_lo", "x_hi", "points", "tolerance"])
      $(id).addEventListener("change", () => { page.lastInputAt = performance.now(); schedule(0); });
    $("experiment-file").addEventListener("change", async () => {
      const f = $("experiment-file").files[0];
      if (f) await applyCustom(f.name, await f.text());
    });
    $("apply-json").addEventListener("click", () => applyCustom("edited JSON", $("experiment-json").value));
    $("download-csv").addEventListener("click", downloadCsv);
    $("copy-link").addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText(location.href));
    window.addEventListener("hashchange", () => {
      const t = fromHash(location.hash);
      if (page.state && toHash(t) === toHash(page.state)) return;
      if (!builtin(t.experiment)) t.experiment = defaults.experiment;
      selectExperiment(t.experiment, t.z);
      if (t.exposure === null) t.exposure = builtin(t.experiment).particles_on_target;
      writeControls(t);
      schedule(0);
    });
    schedule(0);
  }

  init();
  return page;
})();
window.explorer = explorer;
