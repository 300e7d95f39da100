// Starts the Go WebAssembly app; shows a message on the page if it cannot.
(function () {
  "use strict";
  function fail(err) {
    var el = document.getElementById("boot");
    if (el) {
      el.className = "error";
      el.setAttribute("role", "alert");
      el.textContent = "The app could not start: " + err + ". Try reloading the page; it needs a browser with WebAssembly.";
    }
  }
  if (typeof WebAssembly !== "object" || typeof Go !== "function") {
    fail("WebAssembly is not available");
    return;
  }
  var go = new Go();
  // The weights of the first view download while the wasm compiles; the app
  // awaits these promises (window.godaeWeights) rather than fetching them
  // again. The strong model's, which the first view does not use, the app
  // fetches once that view is shown.
  window.godaeWeights = {};
  ["weights/dae.safetensors", "weights/ae.safetensors", "weights/classifier.safetensors"].forEach(function (url) {
    var p = fetch(url).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.arrayBuffer();
    });
    p.catch(function () {}); // reported by the app when it awaits p
    window.godaeWeights[url] = p;
  });
  var load = WebAssembly.instantiateStreaming
    ? WebAssembly.instantiateStreaming(fetch("web/main.wasm"), go.importObject)
    : fetch("web/main.wasm").then(function (r) { return r.arrayBuffer(); })
        .then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
  load.then(function (r) {
    performance.mark("wasm-ready"); // compiled and instantiated (make bench reads the marks)
    window.godaeModule = r.module; // for the worker that prepares uploads (web/prep.js)
    // The app's memory: a WebAssembly memory only grows, so its size is the
    // most the app has held (the browser tests check that use does not grow it).
    window.godaeMemory = r.instance.exports.mem;
    return go.run(r.instance);
  }).catch(fail);
})();
