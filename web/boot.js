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
  // cut is set when the app's download failed (the network gone, before
  // its first byte or after): its failure is the network's, not the
  // browser's, and is said so.
  var cut = false;
  var networkFailed = "The app could not be downloaded: the network failed. Check the connection, then reload the page.";
  function fail(err) {
    if (cut) {
      // The browser's words ("TypeError: Failed to fetch") say nothing
      // more to a person: they go to the console.
      console.error("the app's download failed:", err);
      say(networkFailed);
    } else {
      say("The app could not start: " + err + ". Try reloading the page.");
    }
  }
  if (typeof WebAssembly !== "object") {
    say("The app could not start: this browser has no WebAssembly, which the app needs.");
    return;
  }
  if (typeof Go !== "function") { // wasm_exec.js, loaded before this script, did not come
    console.error("web/wasm_exec.js did not come");
    say(networkFailed);
    return;
  }
  // counting reads a copy of the app's download as it comes, saying beside
  // "Loading the app…" how much has come, a few times a second, so that on
  // a slow network the page is seen to be at work (the bytes are the
  // unpacked ones: a compressed download's length would not match them).
  // Of how much, where the server says (its X-Unpacked-Length on a
  // compressed download, or the length of one that is not): "3.1 of 6.5
  // MB". The browser compiles the download itself, not a stream made here,
  // which it could not keep compiled for the next visit. It resolves once
  // the copy has ended, failed (cut) or been read whole.
  function counting(response) {
    if (!boot || !response.ok || !response.body || typeof response.clone !== "function") return Promise.resolve();
    var h = response.headers;
    var total = Number(h.get("X-Unpacked-Length")) || (!h.get("Content-Encoding") && Number(h.get("Content-Length"))) || 0;
    var got = 0, said = 0, reader = response.clone().body.getReader();
    var progress = document.createElement("span");
    progress.id = "boot-progress";
    progress.setAttribute("aria-hidden", "true"); // the status is read out once, not at every step
    boot.appendChild(progress);
    function next() {
      return reader.read().then(function (r) {
        if (r.done) {
          progress.textContent = " " + amount(got, Math.max(total, got)); // the whole, not the count a quarter second before
          return;
        }
        got += r.value.byteLength;
        var now = performance.now();
        if (now - said > 250) {
          said = now;
          progress.textContent = " " + amount(got, total);
        }
        return next();
      });
    }
    return next().catch(function () { cut = true; });
  }
  // amount says how much of the app has come: "3.1 of 6.5 MB", "640 KB so
  // far" where the whole is not known (or less than has come); decimal
  // units, as a browser's downloads say them.
  function amount(got, total) {
    var mb = Math.max(got, total) >= 1e6;
    function size(n) { return mb ? (n / 1e6).toFixed(1) : String(Math.round(n / 1e3)); }
    var unit = mb ? " MB" : " KB";
    return total >= got ? size(got) + " of " + size(total) + unit : size(got) + unit + " so far";
  }
  // download fetches url's body (an ArrayBuffer), and gives up when none of
  // it has come for stallMs: a network that holds the connection open and
  // sends nothing would leave the page waiting for ever, its model never
  // coming and never said to have failed, so never tried again. A slow
  // download goes on as long as it moves. The error's name (Stalled) tells
  // the app so. The browser tests set a shorter wait (godaeStallMs).
  var stallMs = window.godaeStallMs > 0 ? window.godaeStallMs : 30000;
  function download(url) {
    return new Promise(function (resolve, reject) {
      var stop = typeof AbortController === "function" ? new AbortController() : null;
      var reader = null, settled = false, timer = 0;
      function end(ok, value) {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        (ok ? resolve : reject)(value);
      }
      // moved starts the stall's clock again: something came.
      function moved() {
        if (settled) return;
        clearTimeout(timer);
        timer = setTimeout(function () {
          var e = new Error("its download stopped: nothing came for " + Math.round(stallMs / 1000) + " s");
          e.name = "Stalled";
          end(false, e); // before the connection is let go, whose own error is then ignored
          if (stop) stop.abort();
          if (reader) reader.cancel().catch(function () {});
        }, stallMs);
      }
      moved();
      fetch(url, stop ? { signal: stop.signal } : {}).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        if (!r.body || typeof r.body.getReader !== "function") {
          // A body read whole is not seen to move: the clock stops at the
          // headers, rather than give up on a slow download that moves.
          clearTimeout(timer);
          return r.arrayBuffer();
        }
        reader = r.body.getReader();
        var parts = [], got = 0;
        function next() {
          if (settled) return undefined; // given up on
          return reader.read().then(function (c) {
            if (c.done) {
              var all = new Uint8Array(got), at = 0;
              parts.forEach(function (b) { all.set(b, at); at += b.byteLength; });
              return all.buffer;
            }
            moved();
            parts.push(c.value);
            got += c.value.byteLength;
            return next();
          });
        }
        moved();
        return next();
      }).then(function (body) { end(true, body); }, function (err) { end(false, err); });
    });
  }
  window.godaeDownload = download;
  var go = new Go();
  // The weights of the first view download while the wasm compiles; the app
  // awaits these promises (window.godaeWeights) rather than fetching them
  // again. The strong model's, which the first view does not use, the app
  // fetches once that view is shown.
  window.godaeWeights = {};
  ["weights/dae.safetensors", "weights/ae.safetensors", "weights/classifier.safetensors"].forEach(function (url) {
    var p = download(url);
    p.catch(function () {}); // reported by the app when it awaits p
    window.godaeWeights[url] = p;
  });
  var counted = Promise.resolve();
  var app = fetch("web/main.wasm").then(function (r) {
    counted = counting(r);
    return r;
  }, function (err) {
    cut = true;
    throw err;
  });
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
  }).catch(function (err) {
    // Said once the copy has told whether the download was cut (a failed
    // read of the download fails the copy's too), or after 2 s at most.
    Promise.race([counted, new Promise(function (done) { setTimeout(done, 2000); })]).then(function () { fail(err); });
  });
})();
