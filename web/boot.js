// Starts the Go WebAssembly app; shows a message on the page if it cannot.
(function () {
  "use strict";
  var boot = document.getElementById("boot");
  function say(text) {
    if (boot) {
      boot.className = "error";
      boot.setAttribute("role", "alert");
      boot.textContent = text;
    }
  }
  // A download cut short (the network gone) is the network's, not the
  // browser's: it is said so.
  function fail(err) {
    var text = String(err);
    if (!navigator.onLine || /network|fetch|load failed/i.test(text)) {
      say("The app could not be downloaded (" + text + "): check the connection, then reload the page.");
    } else {
      say("The app could not start: " + text + ". Try reloading the page.");
    }
  }
  if (typeof WebAssembly !== "object" || typeof Go !== "function") {
    say("The app could not start: this browser has no WebAssembly, which the app needs.");
    return;
  }
  // counted passes the app's download through, saying beside "Loading the
  // app…" how much of it has come, a few times a second, so that on a slow
  // network the page is seen to be at work (the bytes are the unpacked
  // ones: a compressed download's length would not match them).
  function counted(response) {
    if (!boot || !response.ok || !response.body || typeof ReadableStream !== "function") return response;
    var got = 0, said = 0, reader = response.body.getReader();
    var progress = document.createElement("span");
    progress.id = "boot-progress";
    progress.setAttribute("aria-hidden", "true"); // the status is read out once, not at every step
    boot.appendChild(progress);
    var body = new ReadableStream({
      pull: function (c) {
        return reader.read().then(function (r) {
          if (r.done) {
            c.close();
            return;
          }
          got += r.value.byteLength;
          var now = performance.now();
          if (now - said > 250) {
            said = now;
            progress.textContent = " " + (got / 1048576).toFixed(1) + " MB so far";
          }
          c.enqueue(r.value);
        });
      },
      cancel: function (why) { return reader.cancel(why); },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
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
  var app = fetch("web/main.wasm").then(counted);
  var load = WebAssembly.instantiateStreaming
    ? WebAssembly.instantiateStreaming(app, go.importObject)
    : app.then(function (r) { return r.arrayBuffer(); })
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
