package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// Marks are when a load of the app set its performance marks, in ms after
// navigation started.
type Marks struct {
	WasmReadyMs float64 `json:"wasmReadyMs"` // main.wasm compiled and instantiated
	GoMainMs    float64 `json:"goMainMs"`    // the Go program's main started
	// The app's own marks between: the first view's weights fetched and
	// parsed, its first result computed, and its page built (vecty).
	WeightsParsedMs float64 `json:"weightsParsedMs"`
	FirstResultMs   float64 `json:"firstResultMs"`
	PageBuiltMs     float64 `json:"pageBuiltMs"`
	FirstDenoisedMs float64 `json:"firstDenoisedMs"` // the first denoised image painted (Element Timing)
}

// App is what a cold load of the real app (make serve) costs: when the
// page's marks were set, and the bytes it transferred.
type App struct {
	Marks
	// FirstDenoisedRunsMs is FirstDenoisedMs of each cold load; the fields
	// above are medians.
	FirstDenoisedRunsMs []float64 `json:"firstDenoisedRunsMs"`
	// RunningBrowserMs is the median first denoised image of runningRuns
	// loads in one running Chromium, its cache emptied before each.
	RunningBrowserMs          float64   `json:"runningBrowserMs"`
	RunningBrowserWasmReadyMs float64   `json:"runningBrowserWasmReadyMs"`
	RunningBrowserRunsMs      []float64 `json:"runningBrowserRunsMs"`
	// RunningBrowserRegimes splits those loads by what came before them.
	RunningBrowserRegimes Regimes `json:"runningBrowserRegimes"`
	// RunningBrowserMarks are the medians of each mark of those loads.
	RunningBrowserMarks *Marks `json:"runningBrowserMarks,omitempty"`
	// Baseline is the app of the commit -app-baseline names (by default
	// referenceApp), loaded in the same running browser alternately with
	// this one; nil with -app-baseline "".
	Baseline  *Baseline  `json:"baseline,omitempty"`
	Resources []Resource `json:"resources"`
	// Drawing is how the draw pad keeps up with a pen (measureDrawing).
	Drawing *Drawing `json:"drawing,omitempty"`
}

// Baseline is another commit's app measured beside this one.
type Baseline struct {
	Commit  string    `json:"commit"` // its full hash
	Ms      float64   `json:"ms"`     // its median first denoised image
	RunsMs  []float64 `json:"runsMs"` // each load's
	Regimes Regimes   `json:"regimes"`
	// GzipBytes is what its page transferred, counted as for this app
	// (App.GzipTotal).
	GzipBytes int `json:"gzipBytes"`
	// Drawing is how its draw pad keeps up with a pen, measured in the
	// same browser as the app's.
	Drawing *Drawing `json:"drawing,omitempty"`
}

// Regimes are the median first denoised image of an app's loads in one
// running browser, split by what came before each: the load before was
// one of the same app, or of the other. While the service worker of a load
// was taken away at the start of the next load rather than at the end of
// its own, the reference app's loads after its own were 60–90 ms faster
// than those after today's app; since, the two agree within a few ms. The
// split stays to show it. A person's visit comes after other pages:
// AfterOtherMs is the cold visit.
type Regimes struct {
	AfterOtherMs float64 `json:"afterOtherMs"` // after the other app's load (or first)
	AfterSelfMs  float64 `json:"afterSelfMs"`  // after one of its own
}

// split returns the Regimes of loads taking ms, afterSelf telling which
// came right after a load of the same app.
func split(ms []float64, afterSelf []bool) Regimes {
	var other, self []float64
	for i, v := range ms {
		if afterSelf[i] {
			self = append(self, v)
		} else {
			other = append(other, v)
		}
	}
	var r Regimes
	if len(other) > 0 {
		r.AfterOtherMs = median(other)
	}
	if len(self) > 0 {
		r.AfterSelfMs = median(self)
	}
	return r
}

// The app's first denoised image is to come at most targetMs after
// navigation (in a running Chromium, cache disabled), a target set when the
// app of referenceApp (the seed's two models, before the digit reader)
// painted it referenceMs after, measured by that commit's make bench on
// 2026-11-27. Machines and days differ by more than the gap between them,
// so the bench also loads referenceApp beside the app, alternately in the
// same browser, and compares the two: the target as a ratio,
// targetMs/referenceMs.
const (
	referenceApp = "399ce43"
	referenceMs  = 224.0
	targetMs     = 300.0
)

// resolveCommit returns the full hash of the commit rev names.
func resolveCommit(rev string) (string, error) {
	out, err := exec.Command("git", "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}").Output()
	if err != nil {
		return "", fmt.Errorf("-app-baseline %s: not a commit of this repository (a shallow clone or a source archive may lack it; -app-baseline \"\" measures the app alone)", rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// buildBaseline writes the app of commit (a full hash; its files, from
// git) to build/bench/baseline and builds its wasm and its server there,
// which embeds them; it returns the server's path. A build of the same
// commit there already is used as it is.
func buildBaseline(commit string) (string, error) {
	dir, err := filepath.Abs(filepath.Join("build", "bench", "baseline"))
	if err != nil {
		return "", err
	}
	bin, stamp := filepath.Join(dir, "app-server"), dir+".commit"
	if built, err := os.ReadFile(stamp); err == nil && string(built) == commit {
		if _, err := os.Stat(bin); err == nil {
			return bin, nil
		}
	}
	if err := os.Remove(stamp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	archive := dir + ".tar"
	if err := sh(nil, "git", "archive", "-o", archive, commit); err != nil {
		return "", err
	}
	defer os.Remove(archive)
	if err := sh(nil, "tar", "-x", "-f", archive, "-C", dir); err != nil {
		return "", err
	}
	// Not the workspace build/go.work, which is in a folder above dir.
	env := []string{"GOWORK=off"}
	if err := sh(env, "make", "--no-print-directory", "-C", dir, "wasm"); err != nil {
		return "", err
	}
	build := exec.Command("go", "build", "-o", bin, "./server")
	build.Dir, build.Env, build.Stdout, build.Stderr = dir, append(os.Environ(), env...), os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return "", fmt.Errorf("building the server of %s: %w", commit, err)
	}
	return bin, os.WriteFile(stamp, []byte(commit), 0o644)
}

// Resource is one file the page loaded, with its size as sent with gzip
// (what the target counts) and as Chromium received it (the server prefers
// brotli).
type Resource struct {
	URL           string `json:"url"`
	GzipBytes     int    `json:"gzipBytes"`
	ChromiumBytes int    `json:"chromiumBytes"`
	DecodedBytes  int    `json:"decodedBytes"`
}

// GzipTotal is the sum of the resources' gzip sizes.
func (a App) GzipTotal() int {
	n := 0
	for _, r := range a.Resources {
		n += r.GzipBytes
	}
	return n
}

// appRuns is how many cold loads, each in a fresh Chromium, measureApp
// takes the median of; runningRuns how many in one running Chromium (the
// app and the baseline alternately): those differ by tens of milliseconds
// from load to load.
const appRuns, runningRuns = 7, 15

// measureApp builds the app and the server as make serve does, loads the
// page appRuns times, each in a fresh Chromium, then runningRuns times in
// one running Chromium (and the baseline's app as often, alternately), and
// waits each time for the first denoised image; it reports the median of
// each mark.
func measureApp() (App, error) {
	if err := sh(nil, "make", "--no-print-directory", "wasm"); err != nil {
		return App{}, err
	}
	bin := filepath.Join("build", "bench", "app-server")
	if err := sh(nil, "go", "build", "-o", bin, "./server"); err != nil {
		return App{}, err
	}
	url, stop, err := startServer(bin)
	if err != nil {
		return App{}, err
	}
	defer stop()
	var baseURL, baseCommit string
	if *baselineRev != "" {
		if baseCommit, err = resolveCommit(*baselineRev); err != nil {
			return App{}, err
		}
		baseBin, err := buildBaseline(baseCommit)
		if err != nil {
			return App{}, err
		}
		var stopBase func()
		baseURL, stopBase, err = startServer(baseBin)
		if err != nil {
			return App{}, err
		}
		defer stopBase()
	}
	var runs []App
	for range appRuns {
		ctx, cancel, err := browser()
		if err != nil {
			return App{}, err
		}
		err = watchFirstImage(ctx)
		var a App
		if err == nil {
			a, err = loadApp(ctx, url)
		}
		cancel()
		if err != nil {
			return App{}, err
		}
		runs = append(runs, a)
	}
	// The same in one running browser with its cache disabled (so every
	// load is a cold one, compiled wasm included): no browser start-up in
	// the way. Each load has a tab of its own (with its own cache setting
	// and first-image watch), closed after it.
	ctx, cancel, err := browserFor(10 * time.Minute)
	if err != nil {
		return App{}, err
	}
	defer cancel()
	// clear empties the HTTP cache and takes away either app's service
	// worker and the files it keeps: each load is a first visit.
	clear := chromedp.Tasks{network.ClearBrowserCache()}
	for _, u := range []string{url, baseURL} {
		if u != "" {
			clear = append(clear, storage.ClearDataForOrigin(strings.TrimSuffix(u, "/"), "service_workers,cache_storage"))
		}
	}
	coldLoad := func(url string) (App, error) {
		tab, closeTab := chromedp.NewContext(ctx)
		defer closeTab()
		// In front: a tab in the background paints nothing.
		if err := chromedp.Run(tab, page.BringToFront(), network.Enable(), network.SetCacheDisabled(true), clear); err != nil {
			return App{}, err
		}
		if err := watchFirstImage(tab); err != nil {
			return App{}, err
		}
		a, err := loadApp(tab, url)
		if err != nil {
			return App{}, fmt.Errorf("in a running browser: %w", err)
		}
		// Every load starts alike: the worker this one installed is taken
		// away now, not at the start of the next load, and the browser has
		// a second with nothing to do.
		if err := chromedp.Run(tab, clear, chromedp.Sleep(time.Second)); err != nil {
			return App{}, err
		}
		return a, nil
	}
	var warmRuns []App
	var base *Baseline
	if baseURL != "" {
		base = &Baseline{Commit: baseCommit}
	}
	// Which app was loaded last, and for each load whether it was the same.
	last := ""
	var appAfterSelf, baseAfterSelf []bool
	// A first load of each, not counted: the first load in a browser is the
	// slowest, and after it each app's loads split into two groups of
	// runningRuns/2.
	for _, u := range []string{url, baseURL} {
		if u != "" {
			if _, err := coldLoad(u); err != nil {
				return App{}, err
			}
			last = u
		}
	}
	loadBase := func() error {
		b, err := coldLoad(baseURL)
		if err != nil {
			return fmt.Errorf("the app of %s: %w", base.Commit, err)
		}
		baseAfterSelf, last = append(baseAfterSelf, last == baseURL), baseURL
		base.RunsMs = append(base.RunsMs, b.FirstDenoisedMs)
		if base.GzipBytes == 0 {
			base.GzipBytes, err = gzipTotal(b.Resources, baseURL)
		}
		return err
	}
	for i := range runningRuns {
		// The baseline first every other time, so that neither app always
		// follows the other.
		if base != nil && i%2 == 1 {
			if err := loadBase(); err != nil {
				return App{}, err
			}
		}
		a, err := coldLoad(url)
		if err != nil {
			return App{}, err
		}
		appAfterSelf, last = append(appAfterSelf, last == url), url
		warmRuns = append(warmRuns, a)
		if base != nil && i%2 == 0 {
			if err := loadBase(); err != nil {
				return App{}, err
			}
		}
	}
	if base != nil {
		base.Ms = median(base.RunsMs)
		base.Regimes = split(base.RunsMs, baseAfterSelf)
	}
	a := App{Marks: medianMarks(runs), Resources: runs[0].Resources}
	for _, r := range runs {
		a.FirstDenoisedRunsMs = append(a.FirstDenoisedRunsMs, r.FirstDenoisedMs)
	}
	marks := medianMarks(warmRuns)
	for _, r := range warmRuns {
		a.RunningBrowserRunsMs = append(a.RunningBrowserRunsMs, r.FirstDenoisedMs)
	}
	a.RunningBrowserMs = marks.FirstDenoisedMs
	a.RunningBrowserRegimes = split(a.RunningBrowserRunsMs, appAfterSelf)
	a.RunningBrowserWasmReadyMs = marks.WasmReadyMs
	a.RunningBrowserMarks = &marks
	a.Baseline = base
	// Drawing, in the same browser: the app, then the baseline's.
	for _, u := range []string{url, baseURL} {
		if u == "" {
			continue
		}
		d, err := measureDrawing(ctx, u)
		if err != nil {
			return App{}, err
		}
		if u == url {
			a.Drawing = &d
		} else {
			base.Drawing = &d
		}
	}
	if _, err := gzipTotal(a.Resources, url); err != nil {
		return App{}, err
	}
	return a, nil
}

// medianMarks is the median of each of the loads' marks.
func medianMarks(runs []App) Marks {
	m := func(f func(App) float64) float64 { return medianOf(runs, f) }
	return Marks{
		WasmReadyMs:     m(func(r App) float64 { return r.WasmReadyMs }),
		GoMainMs:        m(func(r App) float64 { return r.GoMainMs }),
		WeightsParsedMs: m(func(r App) float64 { return r.WeightsParsedMs }),
		FirstResultMs:   m(func(r App) float64 { return r.FirstResultMs }),
		PageBuiltMs:     m(func(r App) float64 { return r.PageBuiltMs }),
		FirstDenoisedMs: m(func(r App) float64 { return r.FirstDenoisedMs }),
	}
}

// gzipTotal sets the gzip size of each resource from the server at url and
// returns their sum. A file the page asked for twice (the icon, as the
// page's and the manifest's) counts once.
func gzipTotal(rs []Resource, url string) (int, error) {
	total := 0
	seen := map[string]bool{}
	for i := range rs {
		r := &rs[i]
		if !strings.HasPrefix(r.URL, url) || seen[r.URL] {
			continue // data: URLs and the like cost no transfer
		}
		seen[r.URL] = true
		var err error
		if r.GzipBytes, err = gzipSize(r.URL); err != nil {
			return 0, err
		}
		total += r.GzipBytes
	}
	return total, nil
}

// firstImageWatch runs in the page before its own scripts: it marks
// "first-denoised" at the paint of the first denoised image, as the
// browser reports it through the Element Timing API (the app tags its
// pictures with elementtiming).
const firstImageWatch = `new PerformanceObserver((list, watch) => {
	for (const e of list.getEntries()) {
		if (e.identifier !== "dae-output") continue;
		watch.disconnect();
		performance.mark("first-denoised", {startTime: e.renderTime || e.loadTime});
	}
}).observe({type: "element", buffered: true});`

// appState is null until the first denoised image is painted, then the
// page's marks and resources as JSON.
const appState = `(() => {
			const mark = n => (performance.getEntriesByName(n)[0] || {}).startTime;
			if (mark("first-denoised") === undefined) return null;
			const files = performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"));
			return JSON.stringify({
				wasmReadyMs: mark("wasm-ready"), goMainMs: mark("go-main"), weightsParsedMs: mark("weights-parsed"),
				firstResultMs: mark("first-result"), pageBuiltMs: mark("page-built"), firstDenoisedMs: mark("first-denoised"),
				resources: files.map(e => ({url: e.name, chromiumBytes: e.transferSize, decodedBytes: e.decodedBodySize})),
			});
		})()`

// watchFirstImage has the browser tab of ctx run firstImageWatch in every
// page it loads from now on.
func watchFirstImage(ctx context.Context) error {
	return chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(firstImageWatch).Do(ctx)
		return err
	}))
}

// loadApp loads the page at url once in the browser tab of ctx (which
// watchFirstImage has prepared) and reads its marks, and its resources once
// it has fetched what it fetches after the first view (no new one for
// settleTime); an app with a service worker is waited for until the worker
// controls the page.
func loadApp(ctx context.Context, url string) (App, error) {
	var raw string
	err := chromedp.Run(ctx, chromedp.Navigate(url), pollString(appState, &raw, 60*time.Second))
	if err != nil {
		return App{}, fmt.Errorf("app at %s: %w", url, err)
	}
	const settleTime, most = 500 * time.Millisecond, 10 * time.Second
	count, since := -1, time.Now()
	for start := time.Now(); time.Since(since) < settleTime && time.Since(start) < most; time.Sleep(50 * time.Millisecond) {
		var n int
		if err := chromedp.Run(ctx, chromedp.Evaluate(`performance.getEntriesByType("resource").length`, &n)); err != nil {
			return App{}, err
		}
		if n != count {
			count, since = n, time.Now()
		}
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(appState, &raw)); err != nil {
		return App{}, err
	}
	var a App
	if err := json.Unmarshal([]byte(raw), &a); err != nil {
		return App{}, err
	}
	// An app with a service worker (sw.js) installs it once its first view
	// is shown and the strong model loaded, downloading its files again; the
	// load is over when the worker controls the page.
	resp, err := http.Get(url + "sw.js")
	if err != nil {
		return App{}, err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		var ok bool
		for start := time.Now(); !ok; time.Sleep(50 * time.Millisecond) {
			if time.Since(start) > most {
				return App{}, fmt.Errorf("app at %s: its service worker did not take control within %s", url, most)
			}
			if err := chromedp.Run(ctx, chromedp.Evaluate(`!!navigator.serviceWorker.controller`, &ok)); err != nil {
				return App{}, fmt.Errorf("app at %s: %w", url, err)
			}
		}
	}
	return a, nil
}

// gzipSize is how many bytes the server sends for url to a client that
// accepts only gzip.
func gzipSize(url string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("%s: %s", url, resp.Status)
	}
	return int(n), err
}

// writeApp adds the app's table to the Markdown.
func writeApp(b *strings.Builder, a App) {
	var runs []string
	for _, ms := range a.FirstDenoisedRunsMs {
		runs = append(runs, fmt.Sprintf("%.0f", ms))
	}
	fmt.Fprintf(b, "\nThe app itself (`make serve`), median of %d cold loads, each in a fresh Chromium: wasm instantiated %.0f ms, Go main %.0f ms, first denoised image %.0f ms after navigation (each load: %s); %.0f KB with gzip (what a gzip-only client is sent).\n\n",
		len(a.FirstDenoisedRunsMs), a.WasmReadyMs, a.GoMainMs, a.FirstDenoisedMs, strings.Join(runs, ", "), float64(a.GzipTotal())/1024)
	var warm []string
	for _, ms := range a.RunningBrowserRunsMs {
		warm = append(warm, fmt.Sprintf("%.0f", ms))
	}
	fmt.Fprintf(b, "In one running Chromium with its cache disabled (each load in a tab of its own; the app's service worker and its files taken away before and after each load), the wasm is instantiated %.0f ms and the first denoised image painted %.0f ms after navigation (medians; each load: %s).\n\n", a.RunningBrowserWasmReadyMs, a.RunningBrowserMs, strings.Join(warm, ", "))
	if m := a.RunningBrowserMarks; m != nil && m.PageBuiltMs > 0 {
		fmt.Fprintf(b, "Where those go (medians of each mark, ms after navigation): wasm instantiated %.0f, Go main %.0f, the first view's weights parsed %.0f, its first result computed %.0f, the page built %.0f, the first denoised image painted %.0f.\n\n",
			m.WasmReadyMs, m.GoMainMs, m.WeightsParsedMs, m.FirstResultMs, m.PageBuiltMs, m.FirstDenoisedMs)
	}
	if bl := a.Baseline; bl != nil {
		var runs []string
		for _, ms := range bl.RunsMs {
			runs = append(runs, fmt.Sprintf("%.0f", ms))
		}
		me, it := a.RunningBrowserRegimes, bl.Regimes
		cold := me.AfterOtherMs / it.AfterOtherMs
		fmt.Fprintf(b, "The app of %.7s, loaded alternately with it in the same browser, painted its first denoised image %.0f ms after navigation (median; each load: %s). After a load of the other app (a cold visit), this app took %.0f ms and that one %.0f: **%.2f×**; after one of its own, %.0f and %.0f: %.2f×",
			bl.Commit, bl.Ms, strings.Join(runs, ", "), me.AfterOtherMs, it.AfterOtherMs, cold, me.AfterSelfMs, it.AfterSelfMs, me.AfterSelfMs/it.AfterSelfMs)
		if strings.HasPrefix(bl.Commit, referenceApp) {
			bar := targetMs / referenceMs
			verdict := func(r float64) string {
				if r > bar {
					return "over"
				}
				return "within"
			}
			fmt.Fprintf(b, "; against the target's %.2f× (%.0f ms where that app took %.0f, measured in loads after its own), the cold visit is %s it, the loads after their own %s it",
				bar, targetMs, referenceMs, verdict(cold), verdict(me.AfterSelfMs/it.AfterSelfMs))
		}
		fmt.Fprintf(b, ". That app transferred %.0f KB with gzip, this one %.0f KB.\n\n", float64(bl.GzipBytes)/1024, float64(a.GzipTotal())/1024)
	}
	if a.Drawing != nil {
		var base *Drawing
		commit := ""
		if a.Baseline != nil {
			base, commit = a.Baseline.Drawing, a.Baseline.Commit
		}
		writeDrawing(b, *a.Drawing, commit, base)
	}
	b.WriteString("| file | gzip (KB) | as Chromium got it (KB) | decoded (KB) |\n|---|---:|---:|---:|\n")
	for _, r := range a.Resources {
		if r.GzipBytes == 0 {
			continue
		}
		name := r.URL[strings.Index(r.URL[len("http://"):], "/")+len("http://"):]
		fmt.Fprintf(b, "| %s | %.1f | %.1f | %.1f |\n", name, float64(r.GzipBytes)/1024, float64(r.ChromiumBytes)/1024, float64(r.DecodedBytes)/1024)
	}
}
