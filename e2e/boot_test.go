package e2e

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// On a slow network the page says, while the app downloads, how much of it
// has come (it said "Loading the app…" for half a minute on a slow 3G
// network, with no sign of progress); and an app download the network cut
// short is said to be the network's (it was said to need a browser with
// WebAssembly).
func TestAppDownload(t *testing.T) {
	t.Parallel() // see the package doc
	url := startServer(t)
	p := &page{t: t, b: newBrowser(t)}
	app, err := os.Stat(filepath.Join(root, "web", "main.wasm"))
	require.NoError(t, err)
	// How much has come, of the whole (the server says what it unpacks to).
	of := fmt.Sprintf(" of %.1f MB", float64(app.Size())/1e6)
	var said string
	progress := chromedp.Poll(`(t => /^ \d+\.\d of \d+\.\d MB$/.test(t) ? t : null)(document.getElementById("boot-progress")?.textContent ?? "")`, &said, chromedp.WithPollingTimeout(20*time.Second))
	// Every download the page's, from the network, at 1 MB/s: the app
	// comes in about a second.
	p.run(network.Enable(), network.SetCacheDisabled(true), network.SetBypassServiceWorker(true),
		networkAs(network.Conditions{DownloadThroughput: 1 << 20, UploadThroughput: -1}),
		chromedp.Navigate(url), progress)
	assert.True(t, strings.HasSuffix(said, of), "%q: the whole is %s", said, of)
	p.run(chromedp.WaitVisible("#dae-output", chromedp.ByQuery))

	// The app's download cut short: the connection lost after its first
	// bytes (in Chromium the failure then names neither the network nor a
	// fetch: a proxy in front of the server drops it), and before any.
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := http.NewRequestWithContext(r.Context(), r.Method, strings.TrimSuffix(url, "/")+r.URL.RequestURI(), nil)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		if strings.HasSuffix(r.URL.Path, "/main.wasm") {
			_, _ = io.CopyN(w, resp.Body, 256<<10)
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler) // the connection dropped
		}
		_, _ = io.Copy(w, resp.Body)
	}))
	t.Cleanup(proxy.Close)
	p.run(networkAs(network.Conditions{DownloadThroughput: -1, UploadThroughput: -1}), chromedp.Navigate(proxy.URL+"/"), chromedp.WaitVisible("#boot.error", chromedp.ByQuery))
	assert.Equal(t, "The app could not be downloaded: the network failed. Check the connection, then reload the page.", p.text("#boot"), "cut after its first bytes")
	chromedp.ListenTarget(p.b.ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			go func() {
				ctx := cdp.WithExecutor(p.b.ctx, chromedp.FromContext(p.b.ctx).Target)
				_ = fetch.FailRequest(e.RequestID, network.ErrorReasonInternetDisconnected).Do(ctx)
			}()
		}
	})
	p.run(fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*main.wasm*"}}),
		chromedp.Navigate(url), chromedp.WaitVisible("#boot.error", chromedp.ByQuery))
	assert.Equal(t, "The app could not be downloaded: the network failed. Check the connection, then reload the page.", p.text("#boot"), "cut before any")
}
