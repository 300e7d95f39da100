package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/webapp"
)

// serveDist serves the app as a static site (the server's -dist) with Go's
// http.FileServer, nothing of ours, until the test ends (or Close). The
// site is written once for all the tests (it compresses the app), into
// buildApp's folder, and no test changes it.
func serveDist(t *testing.T) *httptest.Server {
	t.Helper()
	bin := buildApp(t)
	dist.once.Do(func() {
		dist.dir = filepath.Join(built.dir, "dist")
		if out, err := exec.Command(bin, "-dist", dist.dir).CombinedOutput(); err != nil {
			dist.err = fmt.Errorf("%s -dist: %v: %s", bin, err, out)
		}
	})
	require.NoError(t, dist.err)
	srv := httptest.NewServer(http.FileServer(http.Dir(dist.dir)))
	t.Cleanup(srv.Close)
	return srv
}

// dist is the static site serveDist writes.
var dist struct {
	once sync.Once
	dir  string
	err  error
}

// The app as a static site (make dist, the server's -dist) runs from a
// plain static file server, Go's http.FileServer with nothing of ours:
// the first view, the strong model on an upload, and no console errors.
func TestDist(t *testing.T) {
	t.Parallel() // see the package doc
	srv := serveDist(t)
	m := nativeModels(t)
	p := &page{t: t, b: newBrowser(t)}
	p.run(chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`body[data-strong="loaded"]`, chromedp.ByQuery))
	p.checkFirstViewAndUpload("", m, 5)
	assert.Empty(t, p.b.consoleErrors(), "no console errors")
}

// checkFirstViewAndUpload checks the page's first view (gallery digit 0,
// the seed's model), then uploads a noisy gallery digit and checks the
// strong model's result; what prefixes the messages.
func (p *page) checkFirstViewAndUpload(what string, m *webapp.Models, digit int) {
	p.t.Helper()
	sample := webapp.Samples()[0]
	noisy, err := webapp.DefaultNoise().Apply(sample.Pixels)
	require.NoError(p.t, err)
	p.checkResult(what+"the first view", m, webapp.Seed, noisy, sample.Pixels)

	p.run(chromedp.Click("#tab-upload", chromedp.ByQuery), chromedp.WaitVisible("#upload", chromedp.ByQuery))
	path, data := noisyUpload(p.t, webapp.Samples()[digit].Pixels)
	p.run(chromedp.SetUploadFiles("#upload", []string{path}, chromedp.ByQuery))
	p.changed("#dae-output", "")
	in, _, err := prepare(data)
	require.NoError(p.t, err)
	p.checkResult(what+"an upload", m, webapp.Strong, in, nil)
}

// A static host caught halfway through a deploy (or a network that fails)
// may answer the page's style sheet with an error: the page works, but
// shows without its layout, and it said nothing of why. It says so now,
// with a button to reload; with its style sheet, nothing.
func TestStyleSheetThatDidNotCome(t *testing.T) {
	t.Parallel()         // see the package doc
	serveDist(t).Close() // writes the site
	files := http.FileServer(http.Dir(dist.dir))
	var broken atomic.Bool
	broken.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/style.css" && broken.Load() {
			http.Error(w, "the deploy is under way", http.StatusInternalServerError)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p := &page{t: t, b: newBrowser(t)}
	p.run(network.Enable(), network.SetCacheDisabled(true), chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery),
		chromedp.WaitVisible("#reload-unstyled", chromedp.ByQuery))
	assert.Equal(t, "This page's style sheet did not come (the site answered with an error, or the network failed): the page works, but shows without its layout. Reload the page to try again.", p.text("#unstyled"))
	broken.Store(false)
	p.run(chromedp.Click("#reload-unstyled", chromedp.ByQuery), chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery))
	var gone bool
	p.run(chromedp.Evaluate(`document.getElementById("unstyled") === null && document.querySelector('link[rel="stylesheet"]').sheet !== null`, &gone))
	assert.True(t, gone, "its style sheet came: nothing said")
}
