package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	dae "github.com/godae/dae"
)

// After one visit the app works with no network: its service worker keeps
// the page, the wasm and the weights. The test visits once, waits for the
// worker, then switches the network off in DevTools and also stops the
// server, and loads the page again (with a query, as a shared link may
// have): the first view, the strong model and an upload all work, and the manifest that makes the app installable is
// there; another address of the site is not the app, and the app's own,
// its copy cleared, says so.
func TestOffline(t *testing.T) {
	t.Parallel() // see the package doc
	srv := serveDist(t)
	m := nativeModels(t)
	p := &page{t: t, b: newBrowser(t)}
	var scope, manifest string
	p.run(chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery),
		chromedp.Evaluate(`navigator.serviceWorker.ready.then(r => r.scope)`, &scope, awaitPromise),
		chromedp.Evaluate(`fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json()).then(m => m.name + " " + m.icons.length)`, &manifest, awaitPromise))
	assert.Equal(t, srv.URL+"/", scope)
	assert.Equal(t, "Denoise a handwritten digit — godae 2", manifest)

	srv.Close()
	p.run(network.Enable(),
		networkAs(network.Conditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}),
		network.OverrideNetworkState(true, 0, -1, -1))
	var online, controlled bool
	p.run(chromedp.Navigate(srv.URL+"/?offline"), chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery),
		chromedp.Evaluate(`navigator.onLine`, &online),
		chromedp.Evaluate(`navigator.serviceWorker.controller !== null`, &controlled))
	assert.False(t, online, "the browser is offline")
	assert.True(t, controlled, "the page comes from the service worker")
	p.checkFirstViewAndUpload("offline, ", m, 9)
	assert.Empty(t, p.b.consoleErrors(), "no console errors")

	// A mistyped address is not the app: online it is the server's "not
	// found", offline a page that says so and links to the app.
	var text string
	p.run(chromedp.Navigate(srv.URL+"/no-such-page"), chromedp.Text("body", &text, chromedp.ByQuery),
		chromedp.Click("a", chromedp.ByQuery), chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery))
	assert.Equal(t, "The network is down, and this address is not the app's page, which works offline: open the digit denoiser.", text)

	// The app's own address, its copy cleared (as a browser short of space
	// clears it), says so, not that it is another address.
	var cleared bool
	p.run(chromedp.Evaluate(`caches.keys().then(ks => Promise.all(ks.map(k => caches.delete(k)))).then(() => true)`, &cleared, awaitPromise),
		chromedp.Navigate(srv.URL+"/"), chromedp.Text("body", &text, chromedp.ByQuery))
	assert.Equal(t, "The network is down, and this browser has not kept the app for use offline (its copy was cleared): open it again once the network is back.", text)
}

// A static host caught halfway through a deploy serves one file of another
// version than the service worker's (here style.css, changed after the
// worker was written): the worker's install fails on the file's hash, and
// keeps nothing, rather than keep a mix of versions for use offline (it
// kept the old main.wasm in the new version's cache, for good). Once the
// deploy is done, the next visit keeps the version, though the host, which
// dates its files (Go's file server, as many), dated the file of the other
// version later than the one that replaced it: asked whether the browser's
// copy is still good, it said so, and the install failed at every visit.
func TestOfflineKeepsOneVersion(t *testing.T) {
	t.Parallel() // see the package doc
	var halfway atomic.Bool
	halfway.Store(true)
	srv := serveDistChanged(t, "web/style.css", "text/css; charset=utf-8", "\n/* the next version */\n", halfway.Load)
	p := &page{t: t, b: newBrowser(t)}
	var state string
	var kept int
	p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := cdppage.AddScriptToEvaluateOnNewDocument(`window.warned = []; const warn = console.warn; console.warn = (...a) => { warned.push(a.join(" ")); warn(...a) }`).Do(ctx)
		return err
	}))
	install := chromedp.Evaluate(`(async () => {
			const reg = await navigator.serviceWorker.register("sw.js");
			const w = reg.installing || reg.waiting || reg.active;
			if (w.state === "installing") await new Promise(done => w.addEventListener("statechange", () => { if (w.state !== "installing") done() }));
			return w.state;
		})()`, &state, awaitPromise)
	count := chromedp.Evaluate(`caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.keys())))).then(ls => ls.reduce((n, l) => n + l.length, 0))`, &kept, awaitPromise)
	p.run(chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery), install, count)
	assert.Equal(t, "redundant", state, "the install failed")
	assert.Zero(t, kept, "nothing kept for use offline")
	p.run(chromedp.Poll(`warned.some(w => w.includes("not kept for use offline"))`, nil, chromedp.WithPollingTimeout(10*time.Second))) // and the console says so

	halfway.Store(false)
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery), install, count)
	assert.Contains(t, []string{"installed", "activating", "activated"}, state, "the deploy done, the version is kept")
	assert.NotZero(t, kept)
}

// A new version deployed while the page is open (here one with web/prep.js
// changed, the upload workers' script) installs and waits (sw.js), found
// when the network comes back: the page says a new version is ready, with
// a button to reload, and keeps its own version until then, every file it
// loads later with it (the new version took the page over at once, which
// then loaded the new version's workers); the browser's reload keeps it
// too, and says so at once; the button's Reload shows the new version. The
// first worker, which takes over a page of no other version, is not one;
// nor is, after Shift+Reload (the page from the network), the version
// that waited.
func TestNewVersionIsSaid(t *testing.T) {
	t.Parallel() // see the package doc
	next := []string{"\n// the next version\n", "\n// the one after\n"}
	var deployed atomic.Int32
	srv := serveVersions(t, "web/prep.js", next, func() int { return int(deployed.Load()) })
	p := &page{t: t, b: newBrowser(t)}
	controlled := chromedp.Poll(`navigator.serviceWorker.controller !== null`, nil, chromedp.WithPollingTimeout(20*time.Second))
	p.run(chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), controlled, chromedp.Sleep(200*time.Millisecond))
	assert.Empty(t, p.text("#new-version"), "the first worker is no new version")
	var prep string
	workers := chromedp.Evaluate(`fetch("web/prep.js").then(r => r.text())`, &prep, awaitPromise)
	online := chromedp.Evaluate(`dispatchEvent(new Event("online"))`, nil)

	// The browser's own looks for a new version (at the visit, at the
	// page's register) done before the deploy: a look is queued after
	// those under way.
	looked := chromedp.Evaluate(`navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)`, nil, awaitPromise)
	p.run(chromedp.Reload(), chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), controlled, looked)
	deployed.Store(1)
	p.run(online, chromedp.WaitVisible("#new-version-reload", chromedp.ByQuery), workers)
	assert.Equal(t, "A new version of this page is ready: reload to use it.", p.text("#new-version"), "said by a status region there from the start, the button beside it")
	assert.False(t, strings.Contains(prep, next[0]), "the page keeps its own version's files until it is reloaded")
	p.run(chromedp.Reload(), chromedp.WaitVisible("#new-version-reload", chromedp.ByQuery), workers)
	assert.False(t, strings.Contains(prep, next[0]), "the browser's reload: the old version still")
	// With weights of one's own, which a reload does not keep: said too.
	golden, err := filepath.Abs(filepath.Join(root, "nn", "testdata", "golden.safetensors"))
	require.NoError(t, err)
	p.run(chromedp.WaitVisible("#weights-file", chromedp.ByQuery), chromedp.SetUploadFiles("#weights-file", []string{golden}, chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("new-version").textContent.includes("your own weights are not kept")`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	var live string
	p.run(chromedp.Evaluate(`document.getElementById("new-version").getAttribute("role")`, &live))
	assert.Equal(t, "status", live)
	// The button's Reload: the new version, which has nothing to say of one.
	p.run(chromedp.Click("#new-version-reload", chromedp.ByQuery), chromedp.WaitNotPresent("#new-version-reload", chromedp.ByQuery),
		chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), controlled, workers, chromedp.Sleep(time.Second))
	assert.Empty(t, p.text("#new-version"))
	assert.True(t, strings.Contains(prep, next[0]), "the new version's files")

	// The version after, waiting, and the page opened past the worker
	// while a second page holds the version before, so that the version
	// after still waits as the first page starts.
	second := p.b.tab(t)
	second.run(t, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), controlled)
	p.run(looked)
	deployed.Store(2)
	p.run(online, chromedp.WaitVisible("#new-version-reload", chromedp.ByQuery),
		chromedp.ActionFunc(func(ctx context.Context) error { return cdppage.Reload().WithIgnoreCache(true).Do(ctx) }),
		chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery), workers, chromedp.Sleep(time.Second))
	assert.Empty(t, p.text("#new-version"), "after Shift+Reload the page is the version that waits, not older")
	assert.True(t, strings.Contains(prep, next[1]), "the version after's files")
	second.run(t, cdppage.BringToFront(), chromedp.WaitVisible("#new-version-reload", chromedp.ByQuery)) // a hidden page draws when shown
	// The second page closed, the version after takes over the first
	// page, which was already that version: nothing to say.
	second.close(t)
	p.run(controlled, chromedp.Sleep(time.Second))
	assert.Empty(t, p.text("#new-version"), "taken over by its own version")
}

// serveVersions serves the versions of the app while version says which:
// the first (0) as serveDist writes it, then, for each of more, the same
// files but name (its path in the site), with the more at its end, as the
// server's -dist writes them (a service worker of their version).
func serveVersions(t *testing.T, name string, more []string, version func() int) *httptest.Server {
	t.Helper()
	serveDist(t).Close() // writes the first version's site
	sites := []http.Handler{http.FileServer(http.Dir(dist.dir))}
	for _, m := range more {
		src, site := t.TempDir(), t.TempDir()
		for _, f := range dae.AppFiles {
			from, to := filepath.Join(root, filepath.FromSlash(f)), filepath.Join(src, filepath.FromSlash(f))
			require.NoError(t, os.MkdirAll(filepath.Dir(to), 0o755))
			info, err := os.Stat(from)
			require.NoError(t, err)
			if info.IsDir() {
				require.NoError(t, os.CopyFS(to, os.DirFS(from)))
				continue
			}
			data, err := os.ReadFile(from)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(to, data, 0o644))
		}
		changed := filepath.Join(src, filepath.FromSlash(name))
		data, err := os.ReadFile(changed)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(changed, append(data, m...), 0o644))
		out, err := exec.Command(built.bin, "-dir", src, "-dist", site).CombinedOutput()
		require.NoError(t, err, "%s", out)
		sites = append(sites, http.FileServer(http.Dir(site)))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { sites[version()].ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	return srv
}

// serveDistChanged is serveDist with the file name (its path in the site)
// served with more at its end, as the content type typ, while changed
// says so: a file of another version than the rest.
func serveDistChanged(t *testing.T, name, typ, more string, changed func() bool) *httptest.Server {
	t.Helper()
	serveDist(t).Close() // writes the site
	files := http.FileServer(http.Dir(dist.dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/"+name || !changed() {
			files.ServeHTTP(w, r)
			return
		}
		body, err := os.ReadFile(filepath.Join(dist.dir, filepath.FromSlash(name)))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", typ)
		w.Header().Set("Last-Modified", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)) // later than the file that replaces it
		_, _ = w.Write(append(body, more...))
	}))
	t.Cleanup(srv.Close)
	return srv
}
