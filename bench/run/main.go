// Command run is the browser benchmark: it builds the pure-Go engine for
// wasm, exports the shipped weights for onnxruntime-web and TF.js, serves
// them and the peers (installed from npm) with the project's server, and
// runs each engine in three fresh headless Chromiums (cold cache; -runs):
// each checks the outputs against the Go engine within 1e-4, then measures
// batch-1 latency (median and p95 of 500 runs), batch-256 throughput, time
// to first inference and bytes transferred; the table shows the median of
// the three. Then it cold-loads the app itself (see measureApp). Results go
// to bench/results/latest.json and latest.md.
//
//	go run ./bench/run        # or: make bench
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/renameio/v2"

	"github.com/godae/dae/internal/cli"
)

// engines are run in this order; the first two are ours: the seed's model
// (the model every engine runs) and the strong model, in the Go engine.
var engines = []string{"go-wasm", "go-wasm-strong", "ort-wasm-simd", "tfjs-wasm-simd", "tfjs-wasm-scalar", "tfjs-cpu"}

// peerFiles are copied from bench/node_modules into the site.
var peerFiles = map[string]string{
	"onnxruntime-web/dist/ort.wasm.min.js":                                    "ort/ort.wasm.min.js",
	"onnxruntime-web/dist/ort-wasm-simd-threaded.mjs":                         "ort/ort-wasm-simd-threaded.mjs",
	"onnxruntime-web/dist/ort-wasm-simd-threaded.wasm":                        "ort/ort-wasm-simd-threaded.wasm",
	"@tensorflow/tfjs/dist/tf.min.js":                                         "tfjs/tf.min.js",
	"@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js":               "tfjs/tf-backend-wasm.min.js",
	"@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm":               "tfjs/tfjs-backend-wasm.wasm",
	"@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm":          "tfjs/tfjs-backend-wasm-simd.wasm",
	"@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm": "tfjs/tfjs-backend-wasm-threaded-simd.wasm",
}

const site = "build/bench/site"

var (
	only        = flag.String("engines", "", "comma-separated engines to run (default: all); a partial run prints its table but does not write bench/results")
	jsFlags     = flag.String("js-flags", "", "V8 flags passed to Chromium, for experiments (e.g. --no-liftoff)")
	withApp     = flag.Bool("app", false, "with -engines: measure the app's cold start too")
	baselineRev = flag.String("app-baseline", referenceApp, "with the app: a commit whose app is loaded alternately with this one in the running browser, to compare first images within one run (\"\": none)")
	repeat      = flag.Int("runs", 3, "fresh browsers per engine; the table shows the median of their results")
)

func main() {
	flag.Parse()
	cli.NoArgs("bench")
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func sh(env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	return nil
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// prepare builds the site the benchmark page is served from.
func prepare() error {
	if err := os.RemoveAll(site); err != nil {
		return err
	}
	if err := sh(nil, "npm", "install", "--prefix", "bench", "--no-audit", "--no-fund", "--loglevel=error"); err != nil {
		return err
	}
	for from, to := range peerFiles {
		if err := copyFile(filepath.Join("bench", "node_modules", from), filepath.Join(site, to)); err != nil {
			return err
		}
	}
	for _, f := range []string{"index.html", "bench.js"} {
		if err := copyFile(filepath.Join("bench", "site", f), filepath.Join(site, f)); err != nil {
			return err
		}
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return err
	}
	if err := copyFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"), filepath.Join(site, "wasm_exec.js")); err != nil {
		return err
	}
	if err := sh([]string{"GOOS=js", "GOARCH=wasm"}, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(site, "godae.wasm"), "./bench/engine"); err != nil {
		return err
	}
	return sh(nil, "go", "run", "./bench/export", "-out", site)
}

// Result is what the page measured for one engine.
type Result struct {
	Engine               string  `json:"engine"`
	Error                string  `json:"error,omitempty"`
	MaxAbsDiff           float64 `json:"maxAbsDiff"`
	FirstInferenceMs     float64 `json:"firstInferenceMs"`
	Batch1MedianMs       float64 `json:"batch1MedianMs"`
	Batch1P95Ms          float64 `json:"batch1P95Ms"`
	BatchSize            int     `json:"batchSize"`
	BatchImagesPerSecond float64 `json:"batchImagesPerSecond"`
	BytesTransferred     int     `json:"bytesTransferred"`
	Layers               []Layer `json:"layers,omitempty"`
	Runs                 int     `json:"runs"` // fresh browsers whose medians these are
}

// Layer is the mean time of one layer of the Go engine in the browser.
type Layer struct {
	Layer string  `json:"layer"`
	Ns    float64 `json:"ns"`
}

// median of xs (the mean of the middle two for an even count).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

// medianOf is the median of f over runs.
func medianOf[T any](runs []T, f func(T) float64) float64 {
	xs := make([]float64, len(runs))
	for i, r := range runs {
		xs[i] = f(r)
	}
	return median(xs)
}

// combine takes the median of each measure over runs of one engine, layer
// times included, and the worst output difference.
func combine(runs []Result) Result {
	r := runs[0]
	r.Batch1MedianMs = medianOf(runs, func(x Result) float64 { return x.Batch1MedianMs })
	r.Batch1P95Ms = medianOf(runs, func(x Result) float64 { return x.Batch1P95Ms })
	r.BatchImagesPerSecond = medianOf(runs, func(x Result) float64 { return x.BatchImagesPerSecond })
	r.FirstInferenceMs = medianOf(runs, func(x Result) float64 { return x.FirstInferenceMs })
	for _, x := range runs {
		r.MaxAbsDiff = max(r.MaxAbsDiff, x.MaxAbsDiff)
	}
	r.Layers = slices.Clone(r.Layers)
	for i := range r.Layers {
		r.Layers[i].Ns = medianOf(runs, func(x Result) float64 { return x.Layers[i].Ns })
	}
	r.Runs = len(runs)
	return r
}

// browser starts a fresh headless Chromium with an empty profile (a cold
// cache) and returns a context for it with a time limit.
func browser() (context.Context, context.CancelFunc, error) {
	return browserFor(3 * time.Minute)
}

// browserFor is browser with the time limit given.
func browserFor(limit time.Duration) (context.Context, context.CancelFunc, error) {
	dir, err := os.MkdirTemp("", "bench-chromium")
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(dir))
	if *jsFlags != "" {
		opts = append(opts, chromedp.Flag("js-flags", *jsFlags))
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelC := context.WithTimeout(ctx, limit)
	cancel := func() { cancelC(); cancelB(); cancelA(); os.RemoveAll(dir) }
	if err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil { // start the browser before timing
		cancel()
		return nil, nil, err
	}
	return ctx, cancel, nil
}

// pollString evaluates expr in the page every 50 ms until it gives a
// string, which it stores in out. It evaluates in a loop rather than with
// chromedp.Poll, which can lose the page's context right after a
// navigation ("Cannot find context with specified id").
func pollString(expr string, out *string, timeout time.Duration) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		deadline := time.Now().Add(timeout)
		for time.Now().Before(deadline) {
			var v any
			if err := chromedp.Evaluate(expr, &v).Do(ctx); err == nil {
				if s, ok := v.(string); ok {
					*out = s
					return nil
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
		return fmt.Errorf("the page gave no result within %s", timeout)
	})
}

func measure(url, engine string) (Result, error) {
	ctx, cancel, err := browser()
	if err != nil {
		return Result{}, err
	}
	defer cancel()
	var raw string
	err = chromedp.Run(ctx,
		chromedp.Navigate(url+"?engine="+engine),
		pollString(`window.benchResult ? JSON.stringify(window.benchResult) : null`, &raw, 150*time.Second),
	)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", engine, err)
	}
	var r Result
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return Result{}, err
	}
	return r, nil
}

// startServer runs the server binary bin with args on a free port until
// stop is called.
func startServer(bin string, args ...string) (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	srv := exec.Command(bin, append([]string{"-addr", addr}, args...)...)
	if err := srv.Start(); err != nil {
		return "", nil, err
	}
	stop = func() { _ = srv.Process.Signal(os.Interrupt); _ = srv.Wait() }
	url = "http://" + addr + "/"
	for i := 0; ; i++ {
		if resp, err := http.Get(url + "healthz"); err == nil {
			resp.Body.Close()
			return url, stop, nil
		}
		if i > 200 {
			stop()
			return "", nil, errors.New("the server did not start")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// maxRuns is the most fresh browsers per engine -runs may ask for.
const maxRuns = 20

// checkFlags refuses flags that would fail, or do nothing, only after the
// site is built and a browser started: runs out of range, an engine not
// known (the page would report it unknown, after the build).
func checkFlags() error {
	if *repeat < 1 || *repeat > maxRuns {
		return fmt.Errorf("-runs %d: must be between 1 and %d", *repeat, maxRuns)
	}
	if *only != "" {
		for _, e := range strings.Split(*only, ",") {
			if !slices.Contains(engines, e) {
				return fmt.Errorf("-engines: %q is not an engine; use %s, or several with commas", e, strings.Join(engines, ", "))
			}
		}
	}
	return nil
}

func run() error {
	if err := checkFlags(); err != nil {
		return err
	}
	if err := prepare(); err != nil {
		return err
	}
	bin := filepath.Join("build", "bench", "server")
	if err := sh(nil, "go", "build", "-o", bin, "./server"); err != nil {
		return err
	}
	url, stop, err := startServer(bin, "-dir", site, "-site")
	if err != nil {
		return err
	}
	defer stop()
	list := engines
	if *only != "" {
		list = strings.Split(*only, ",")
	}
	var results []Result
	for _, e := range list {
		fmt.Fprintf(os.Stderr, "bench: %s…\n", e)
		var runs []Result
		for range *repeat {
			r, err := measure(url, e)
			if err != nil {
				return err
			}
			if r.Error != "" {
				fmt.Fprintf(os.Stderr, "bench: %s failed: %s\n", e, r.Error)
				runs = []Result{r}
				break
			}
			runs = append(runs, r)
		}
		results = append(results, combine(runs))
	}
	var app *App
	if *only == "" || *withApp {
		fmt.Fprintln(os.Stderr, "bench: the app…")
		a, err := measureApp()
		if err != nil {
			return err
		}
		app = &a
	}
	return write(results, app, *only == "" && *jsFlags == "")
}

// strongRatio is the strong model's batch-1 median over the seed model's,
// both in the Go engine, when both were measured.
func strongRatio(results []Result) (float64, bool) {
	var seed, strong float64
	for _, r := range results {
		switch {
		case r.Error != "":
		case r.Engine == "go-wasm":
			seed = r.Batch1MedianMs
		case r.Engine == "go-wasm-strong":
			strong = r.Batch1MedianMs
		}
	}
	return strong / seed, seed > 0 && strong > 0
}

func machine() string {
	cpu := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	browser, _ := exec.Command("/usr/bin/chromium", "--version").Output()
	return fmt.Sprintf("%d vCPU (%s), %s, %s", runtime.NumCPU(), cpu, strings.TrimSpace(string(browser)), runtime.Version())
}

// write prints the table and, if save, writes bench/results.
func write(results []Result, app *App, save bool) error {
	date := time.Now().UTC().Format("2006-01-02")
	out := map[string]any{"date": date, "machine": machine(), "command": "make bench (go run ./bench/run)", "results": results, "app": app}
	js, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Browser benchmark, %s, %s; `make bench`. One thread per engine; each engine in %d fresh Chromiums (cold cache), the median of each measure.\n\n", date, machine(), *repeat)
	b.WriteString("| engine | batch-1 median (ms) | batch-1 p95 (ms) | batch-256 (img/s) | first inference (ms after navigation) | transfer (KB) | max diff vs Go |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		if r.Error != "" {
			fmt.Fprintf(&b, "| %s | failed: %s | | | | | |\n", r.Engine, r.Error)
			continue
		}
		fmt.Fprintf(&b, "| %s | %.3f | %.3f | %.0f | %.0f | %.0f | %.1e |\n", r.Engine, r.Batch1MedianMs, r.Batch1P95Ms, r.BatchImagesPerSecond, r.FirstInferenceMs, float64(r.BytesTransferred)/1024, r.MaxAbsDiff)
	}
	if ratio, ok := strongRatio(results); ok {
		fmt.Fprintf(&b, "\nThe strong model's batch-1 time in the Go engine is %.1f× the seed model's (go-wasm-strong against go-wasm, this run).\n", ratio)
	}
	for _, r := range results {
		if len(r.Layers) == 0 {
			continue
		}
		var total float64
		for _, l := range r.Layers {
			total += l.Ns
		}
		fmt.Fprintf(&b, "\n%s layer by layer (nn.Workspace.ProfileLayers in the page, mean of 300 runs each; total %.3f ms):\n\n| layer | µs | share |\n|---|---:|---:|\n", r.Engine, total/1e6)
		for _, l := range r.Layers {
			fmt.Fprintf(&b, "| %s | %.1f | %.0f%% |\n", l.Layer, l.Ns/1e3, 100*l.Ns/total)
		}
	}
	if app != nil {
		writeApp(&b, *app)
	}
	fmt.Print(b.String())
	if !save {
		return nil
	}
	if err := os.MkdirAll("bench/results", 0o755); err != nil {
		return err
	}
	if err := renameio.WriteFile("bench/results/latest.json", append(js, '\n'), 0o644); err != nil {
		return err
	}
	return renameio.WriteFile("bench/results/latest.md", []byte(b.String()), 0o644)
}
