// The app's service worker: after one visit the app works with no network.
// The server writes into this script, when it loads the app's files, the
// version (a hash of all of them), the list of files to keep and the hash
// of each but the page and the icons, so that a change to any file is a
// change to this script,
// which the browser installs on the next visit with a network: it fetches
// the new files into a cache of the new version and waits. A page open
// keeps the version it was loaded with, every file it loads later from
// that version's cache, and says that a new version is ready; its Reload
// asks the new version to take over ("take over"), which drops the old
// cache. With no page open, the browser lets the new version take over
// by itself.
"use strict";
const VERSION = "__GODAE_VERSION__";
const FILES = __GODAE_FILES__;
// Each file's hash (all but the page's and the icons': server/assets.go
// integrity): a file of another version (a deploy caught halfway, a CDN's
// older copy) fails the install, and the version kept before stays in use.
const INTEGRITY = __GODAE_INTEGRITY__;
// The scope is in the cache's name: two copies of the app on one origin
// (caches are the origin's) keep their own.
const PREFIX = "godae " + self.registration.scope + " ";
const CACHE = PREFIX + VERSION;

// The files are fetched past the browser's cache, asking the server
// whether its copy is still its version's ("no-cache": an unchanged file
// costs no download). Should one fail, all are fetched again whole
// ("reload"): a host that dates its files, rather than tagging them with a
// hash, answers that a copy of another version, fetched halfway through a
// deploy and dated later than the file that replaced it, is still good,
// and the version would never be kept.
self.addEventListener("install", (event) => {
  const keep = (cache, mode) => cache.addAll(FILES.map((f) => new Request(f, { cache: mode, integrity: INTEGRITY[f] || "" })));
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => keep(cache, "no-cache").catch(() => keep(cache, "reload"))),
  );
});

// A page's Reload of the new version that waits: it takes over every page
// open, and the page that asked reloads. Taking over at once, as this
// worker did before 2026-12-07, gave a page of the old version its later
// files (the upload workers' scripts, the strong model's weights) from the
// new one. Every later version must take over when asked so: the pages of
// this one ask it in these words.
self.addEventListener("message", (event) => {
  if (event.data === "take over") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page's own addresses: the scope, and index.html in it.
const SCOPE = new URL(self.registration.scope).pathname;
const PAGES = [SCOPE, SCOPE + "index.html"];

// The app's files come from the cache of this version; a visit to the page
// (whatever its query) is the page; anything else, such as a mistyped
// address (the server's "not found" online, the browser's offline), and
// everything should the cache lack a file, comes from the network.
self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  const page = event.request.mode === "navigate" && PAGES.includes(new URL(event.request.url).pathname);
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => page ? cache.match("./", { ignoreSearch: true }) : cache.match(event.request))
      .then((hit) => hit || fetch(event.request))
      .catch((err) => {
        if (event.request.mode !== "navigate") throw err;
        return offline(page);
      }),
  );
});

// offline is the page for a visit while the network is down that the cache
// cannot answer: to another address, or to the app's own when its copy was
// not kept (its cache cleared by the browser). The browser's own page
// would only say that the site cannot be reached.
function offline(page) {
  const says = page
    ? "The network is down, and this browser has not kept the app for use offline (its copy was cleared): open it again once the network is back."
    : "The network is down, and this address is not the app's page, which works offline: " +
      '<a href="' + SCOPE + '">open the digit denoiser</a>.';
  const body = '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
    "<title>Offline — Denoise a handwritten digit</title>" +
    "<style>:root { color-scheme: light dark; } body { font: 1.1rem/1.5 system-ui, sans-serif; max-width: 36rem; " +
    "margin: 3rem auto; padding: 0 1rem; }</style><p>" + says + "</p>";
  return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
