// A worker that decodes an uploaded image off the page's thread. It says
// {ready} once loaded; the page posts {file, width, height} and, for a part
// of the image only, {x, y, w, h} too; createImageBitmap decodes the file
// (that part of it) and scales it to width×height here, and the pixels go
// back as RGBA bytes ({pixels}), or the reason it failed ({error}). The
// page terminates the worker when it has its answer, or when decoding
// takes too long.
"use strict";
// Loaded: the page's time limit for decoding starts now (until the service
// worker keeps this script, it comes over the network, which may be slow).
self.postMessage({ ready: true });
self.onmessage = async function (e) {
  const { file, width, height, x, y, w, h } = e.data;
  const options = { resizeWidth: width, resizeHeight: height, resizeQuality: "high" };
  try {
    const bitmap = w ? await createImageBitmap(file, x, y, w, h, options) : await createImageBitmap(file, options);
    const ctx = new OffscreenCanvas(width, height).getContext("2d");
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const pixels = ctx.getImageData(0, 0, width, height).data;
    self.postMessage({ pixels: pixels }, [pixels.buffer]);
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};
