// A worker that prepares uploads off the page's thread (webapp.Preparer):
// it runs the app's own wasm, which the page posts to it compiled
// ({module}), in the mode that only prepares (wasm/prepworker.go). The page
// then posts {id, pixels, width, height, request} (RGBA bytes, and a
// webapp.PrepRequest as JSON) and gets {id, answer, input} (a
// webapp.PrepAnswer as JSON, and its input as bytes: webapp.InputBytes) or
// {id, error}; {broken} if the wasm could not start.
"use strict";
importScripts("wasm_exec.js");
// vecty, linked in the app, refuses to start where there is no document;
// the worker renders nothing and reads nothing of it.
self.document = {};
self.godaePreparing = true;
let ready = Promise.reject(new Error("no module was posted"));
ready.catch(function () {});
self.onmessage = function (e) {
  const d = e.data;
  if (d.module) {
    const go = new Go();
    ready = WebAssembly.instantiate(d.module, go.importObject).then(function (instance) {
      go.run(instance); // main offers self.godaePrepare before it waits for calls
    });
    ready.catch(function (err) { self.postMessage({ broken: String(err) }); });
    return;
  }
  ready.then(function () {
    let answer;
    try {
      answer = self.godaePrepare(d.pixels, d.width, d.height, d.request);
    } catch (err) {
      answer = { error: String(err) };
    }
    if (!answer || typeof answer !== "object") { // the program stopped while it prepared
      answer = { error: "the preparer gave no answer: its program stopped" };
    }
    answer.id = d.id;
    self.postMessage(answer, answer.input ? [answer.input.buffer] : []);
  }, function (err) {
    self.postMessage({ id: d.id, error: String(err) });
  });
};
