// Runs one engine (?engine=NAME) on the exported model and inputs, checks its
// outputs against the pure-Go engine's within 1e-4, then times it. The result
// is left in window.benchResult for the driver (bench/run) to collect.
"use strict";

const SIZE = 784;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error("could not load " + src));
    document.head.appendChild(s);
  });
}

async function fetchFloats(url) {
  const r = await fetch(url);
  return new Float32Array(await r.arrayBuffer());
}

// Each engine returns run(input Float32Array, n) -> Promise<Float32Array>.
// All run the seed's denoising autoencoder but go-wasm-strong, the Go
// engine running the strong model.
const engines = {
  "go-wasm": () => goWasm("dae"),
  "go-wasm-strong": () => goWasm("strong"),
  async "ort-wasm-simd"() {
    await loadScript("ort/ort.wasm.min.js");
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.wasmPaths = new URL("ort/", location.href).href;
    const session = await ort.InferenceSession.create("model.onnx", { executionProviders: ["wasm"] });
    return async (input, n) => {
      const t = new ort.Tensor("float32", input.subarray(0, n * SIZE), [n, 1, 28, 28]);
      const r = await session.run({ input: t });
      return r.output.data;
    };
  },
  "tfjs-wasm-simd": () => tfjs("wasm", true),
  "tfjs-wasm-scalar": () => tfjs("wasm", false),
  "tfjs-cpu": () => tfjs("cpu", false),
};

// goWasm is the pure-Go engine running the model in model.safetensors.
async function goWasm(model) {
  await loadScript("wasm_exec.js");
  const go = new Go();
  const { instance } = await WebAssembly.instantiateStreaming(fetch("godae.wasm"), go.importObject);
  go.run(instance);
  const weights = new Uint8Array(await (await fetch(model + ".safetensors")).arrayBuffer());
  const err = godae.load(weights);
  if (err) throw new Error(err);
  let out = new Float32Array(0);
  const run = async (input, n) => {
    if (out.length !== n * SIZE) out = new Float32Array(n * SIZE);
    godae.in = new Uint8Array(input.buffer, input.byteOffset, n * SIZE * 4);
    godae.out = new Uint8Array(out.buffer);
    if (instance.exports.denoise(n) !== 0) throw new Error(godae.error);
    return out;
  };
  // Where the time goes, layer by layer, in this browser.
  run.profile = (one) => {
    const r = godae.profile(new Uint8Array(one.buffer, one.byteOffset, SIZE * 4), 300);
    if (!r.startsWith("[")) throw new Error(r);
    return JSON.parse(r);
  };
  return run;
}

async function tfjs(backend, simd) {
  await loadScript("tfjs/tf.min.js");
  if (backend === "wasm") {
    await loadScript("tfjs/tf-backend-wasm.min.js");
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    tf.env().set("WASM_HAS_SIMD_SUPPORT", simd);
    tf.wasm.setWasmPaths(new URL("tfjs/", location.href).href);
  }
  await tf.setBackend(backend);
  await tf.ready();
  const spec = await (await fetch("tfjs-layers.json")).json();
  const model = tf.sequential();
  let channels = spec.input[2];
  for (const l of spec.layers) {
    const first = model.layers.length === 0 ? { inputShape: spec.input } : {};
    if (l.kind === "conv") {
      const layer = tf.layers.conv2d({ ...first, filters: l.filters, kernelSize: 3, padding: l.padding, activation: l.activation });
      model.add(layer);
      layer.setWeights([tf.tensor4d(l.kernel, [3, 3, channels, l.filters]), tf.tensor1d(l.bias)]);
      channels = l.filters;
    } else if (l.kind === "maxpool") {
      model.add(tf.layers.maxPooling2d({ ...first, poolSize: 2, strides: 2, padding: "same" }));
    } else {
      model.add(tf.layers.upSampling2d({ ...first, size: [2, 2] }));
    }
  }
  // One channel: N×1×28×28 and N×28×28×1 are the same memory.
  return async (input, n) => {
    const y = tf.tidy(() => model.predict(tf.tensor4d(input.subarray(0, n * SIZE), [n, 28, 28, 1])));
    const out = await y.data();
    y.dispose();
    return out;
  };
}

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
function p95(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length * 0.95)]; }

async function main() {
  const name = new URLSearchParams(location.search).get("engine");
  const result = { engine: name };
  try {
    if (!engines[name]) throw new Error("unknown engine " + name);
    const run = await engines[name]();
    await run(new Float32Array(SIZE), 1);
    result.firstInferenceMs = performance.now(); // since navigation started
    const inputs = await fetchFloats("inputs.bin");
    const expected = await fetchFloats(name === "go-wasm-strong" ? "expected-strong.bin" : "expected.bin");
    const count = inputs.length / SIZE;
    const out = await run(inputs, count);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(out[i] - expected[i]));
    result.maxAbsDiff = worst;
    if (!(worst <= 1e-4)) throw new Error(`outputs differ from the Go engine's by ${worst}`);

    const one = new Float32Array(SIZE);
    for (let i = 0; i < 20; i++) { one.set(inputs.subarray((i % count) * SIZE, (i % count + 1) * SIZE)); await run(one, 1); }
    const lat = [];
    for (let i = 0; i < 500; i++) {
      one.set(inputs.subarray((i % count) * SIZE, (i % count + 1) * SIZE));
      const t = performance.now();
      await run(one, 1);
      lat.push(performance.now() - t);
    }
    result.batch1MedianMs = median(lat);
    result.batch1P95Ms = p95(lat);
    await run(inputs, count);
    const batch = [];
    for (let i = 0; i < 7; i++) { const t = performance.now(); await run(inputs, count); batch.push(performance.now() - t); }
    result.batchSize = count;
    result.batchImagesPerSecond = count / (median(batch) / 1000);
    if (run.profile) result.layers = run.profile(one);
    let bytes = 0;
    for (const e of performance.getEntriesByType("resource")) {
      if (/\.(bin)$/.test(e.name)) continue; // the benchmark's own inputs
      bytes += e.transferSize;
    }
    bytes += performance.getEntriesByType("navigation")[0].transferSize;
    result.bytesTransferred = bytes;
  } catch (e) {
    result.error = String(e && e.message || e);
  }
  document.getElementById("result").textContent = JSON.stringify(result, null, 2);
  document.getElementById("status").textContent = result.error ? "Failed" : "Done";
  window.benchResult = result;
}
main();
