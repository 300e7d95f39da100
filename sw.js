// The app's service worker: after one visit the app works with no network.
// The server writes into this script, when it loads the app's files, the
// version (a hash of all of them) and the list of files to keep, so that a
// change to any file is a change to this script, which the browser
// installs on the next visit with a network: it fetches the new files into
// a cache of the new version, takes over at once (the page open then gets
// its later files, such as the strong model's weights, from the new
// version) and drops the old cache.
"use strict";
const VERSION = "__GODAE_VERSION__";
const FILES = __GODAE_FILES__;
// The scope is in the cache's name: two copies of the app on one origin
// (caches are the origin's) keep their own.
const PREFIX = "godae " + self.registration.scope + " ";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "no-cache" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The app's files come from the cache of this version; a visit to the page
// (whatever its query) is the page; anything else (and everything, should
// the cache lack a file) comes from the network.
self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  const page = event.request.mode === "navigate";
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => page ? cache.match("./", { ignoreSearch: true }) : cache.match(event.request))
      .then((hit) => hit || fetch(event.request)),
  );
});
