package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
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
