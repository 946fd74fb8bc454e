// web/worker.js — runs the WebAssembly module (semivisible.js + semivisible.wasm) off the page's
// thread, so that the page stays responsive while a plane is computed.
// Message in: {id, fn, request} with fn one of experiments, compute_plane, gm2_band, relic_line
// (the embind API of web/src/explorer.cpp) and request a JSON-able object.
// Message out: {id, fn, result, worker_ms}: result is the parsed JSON answer ({ok: true, ...} or
// {ok: false, error}); worker_ms the time spent in the call.
"use strict";
importScripts("semivisible.js");

const ready = createSemivisible();
const api = ["experiments", "compute_plane", "gm2_band", "relic_line"];

onmessage = async (event) => {
  const { id, fn, request } = event.data;
  let result;
  const start = performance.now();
  try {
    const module = await ready;
    if (!api.includes(fn)) throw new Error(`unknown function '${fn}'`);
    result = JSON.parse(module[fn](JSON.stringify(request || {})));
  } catch (e) {
    result = { ok: false, error: `worker: ${e && e.message ? e.message : e}` };
  }
  postMessage({ id, fn, result, worker_ms: performance.now() - start });
};
