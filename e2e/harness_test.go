package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// root is the repository's top folder.
const root = ".."

// artifacts is where screenshots are saved.
var artifacts = filepath.Join(root, "build", "e2e")

// chromium is Debian's browser; make test installs it.
const chromium = "/usr/bin/chromium"

// startServer builds the app and returns the URL of a server of it with
// the bundled weights, one for all the tests that need no other (each
// start compresses the app, two seconds of make test's time): the server
// keeps no state a test could leave behind, and each test has a browser of
// its own. TestMain stops it.
func startServer(t *testing.T) string {
	bin := buildApp(t)
	shared.once.Do(func() { shared.url, shared.stop, shared.err = launch(bin) })
	require.NoError(t, shared.err)
	return shared.url
}

// shared is the server startServer runs.
var shared struct {
	once sync.Once
	url  string
	stop func()
	err  error
}

// built is the app as buildApp builds it, once for all the tests: the
// server binary's folder (removed by TestMain), its path, or why it could
// not be built.
var built struct {
	once     sync.Once
	dir, bin string
	err      error
}

// TestMain runs the tests, stops the shared server and removes the server
// binary they built.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.stop != nil {
		shared.stop()
	}
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// buildApp builds the wasm app into web/ and the server binary, which
// embeds it, and returns the binary's path. It builds them once for all
// the tests (each build took a second or more of make test's time), and
// without zopfli's main.wasm.gz, which took longer than all the builds.
func buildApp(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("%s is missing: run make test (it installs Debian's chromium), or apt-get install chromium", chromium)
	}
	built.once.Do(func() {
		run := func(name string, args ...string) error {
			cmd := exec.Command(name, args...)
			cmd.Dir = root
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("%s %v: %v: %s", name, args, err, out)
			}
			return nil
		}
		if built.dir, built.err = os.MkdirTemp("", "godae-e2e-"); built.err != nil {
			return
		}
		if built.err = run("make", "wasm", "PRECOMPRESS=0"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "server")
		if built.err = run("go", "build", "-o", built.bin, "./server"); built.err != nil {
			return
		}
		built.err = statAppSources()
	})
	require.NoError(t, built.err)
	return built.bin
}

// statAppSources looks at the files the app and the server are built from
// that are not Go dependencies of these tests (wasm/ builds only for
// js/wasm, server/ is a command, web/'s scripts are not embedded in
// anything the tests import), so that go test's cache, which notes the
// files a test looks at, runs the tests again when one changes: it cannot
// see what make and go build read. The files built are left out, as each
// run writes them anew.
func statAppSources() error {
	built := map[string]bool{"main.wasm": true, "main.wasm.gz": true, "wasm_exec.js": true}
	for _, dir := range []string{"wasm", "server", "web"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || built[d.Name()] {
				return err
			}
			_, err = os.Stat(path)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// serve runs the server binary on a free loopback port until the test
// ends, and returns the page's URL.
func serve(t *testing.T, bin string, args ...string) string {
	t.Helper()
	url, stop, err := launch(bin, args...)
	require.NoError(t, err)
	t.Cleanup(stop)
	return url
}

// launch runs the server binary on a free loopback port and returns the
// page's URL once the server answers, and the function that stops it.
func launch(bin string, args ...string) (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		return "", nil, err
	}
	srv := exec.Command(bin, append([]string{"-addr", addr}, args...)...)
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		return "", nil, err
	}
	stop = func() {
		_ = srv.Process.Signal(os.Interrupt)
		_ = srv.Wait()
	}
	url = "http://" + addr + "/"
	for i := 0; ; i++ {
		resp, err := http.Get(url + "healthz")
		if err == nil && resp.StatusCode == 200 {
			resp.Body.Close()
			return url, stop, nil
		}
		if i == 100 {
			stop()
			return "", nil, fmt.Errorf("the server did not come up in 10 s: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// browser is a headless Chromium tab that records console errors.
type browser struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

func newBrowser(t *testing.T) *browser {
	// The profile is not a t.TempDir: Chromium's helper processes can still
	// be writing to it for a moment after the browser has exited, and
	// TempDir's cleanup then fails the test.
	profile, err := os.MkdirTemp("", "godae-e2e-chromium-")
	require.NoError(t, err)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1000, 1300),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelC := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() {
		cancelC()
		cancelB()
		cancelA()
		for i := 0; ; i++ {
			err := os.RemoveAll(profile)
			if err == nil {
				return
			}
			if i == 50 {
				t.Logf("the browser profile %s is left behind: %v", profile, err)
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	// The first run starts the browser, which then lives as long as ctx:
	// the runs that follow have deadlines of their own.
	require.NoError(t, chromedp.Run(ctx))
	b := &browser{ctx: ctx}
	chromedp.ListenTarget(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				b.errors = append(b.errors, "console.error: "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			b.errors = append(b.errors, fmt.Sprintf("exception: %s %v", e.ExceptionDetails.Text, e.ExceptionDetails.Exception.Description))
		}
	})
	return b
}

// runTimeout bounds one run of actions, so that a wait that never ends
// fails its own subtest, and the subtests after it still run (within the
// browser's own limit, set in newBrowser).
const runTimeout = 30 * time.Second

func (b *browser) run(t *testing.T, actions ...chromedp.Action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, runTimeout)
	defer cancel()
	require.NoError(t, chromedp.Run(ctx, actions...), "browser actions (each run has %s)", runTimeout)
}

// tab opens another tab in b's browser, with the same profile (its
// service workers and caches), until close.
func (b *browser) tab(t *testing.T) *browser {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	require.NoError(t, chromedp.Run(ctx))
	return &browser{ctx: ctx}
}

// close closes tab b that tab opened, and waits until it has closed.
func (b *browser) close(t *testing.T) {
	t.Helper()
	require.NoError(t, chromedp.Cancel(b.ctx))
}

func (b *browser) consoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

// screenshot saves the page as build/e2e/NAME.png.
func (b *browser) screenshot(t *testing.T, name string) {
	var png []byte
	b.run(t, chromedp.FullScreenshot(&png, 100))
	require.NoError(t, os.MkdirAll(artifacts, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(artifacts, name+".png"), png, 0o644))
}

// networkAs has the browser's network behave as c says (offline, or at a
// throughput in bytes a second; -1 for none), for every request.
func networkAs(c network.Conditions) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{&c}).Do(ctx)
		return err
	})
}
