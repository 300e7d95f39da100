package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
)

// On a slow network the page says, while the app downloads, how much of it
// has come (it said "Loading the app…" for half a minute on a slow 3G
// network, with no sign of progress); and an app download the network cut
// short is said to be the network's (it was said to need a browser with
// WebAssembly).
func TestAppDownload(t *testing.T) {
	url := startServer(t)
	p := &page{t: t, b: newBrowser(t)}
	// Every download the page's, from the network.
	p.run(network.Enable(), network.SetCacheDisabled(true), network.SetBypassServiceWorker(true),
		chromedp.ActionFunc(func(ctx context.Context) error {
			// 1 MB/s: the app comes in about a second.
			_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{{DownloadThroughput: 1 << 20, UploadThroughput: -1}}).Do(ctx)
			return err
		}),
		chromedp.Navigate(url),
		chromedp.Poll(`/^ \d+\.\d MB so far$/.test(document.getElementById("boot-progress")?.textContent ?? "")`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.WaitVisible("#dae-output", chromedp.ByQuery))

	// The app's download cut short.
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
	assert.Regexp(t, `^The app could not be downloaded \(.+\): check the connection, then reload the page\.$`, p.text("#boot"))
}
