// Command server serves the denoising app: the page, its WebAssembly build
// and the bundled weights, embedded in the binary (or read from a folder
// with -dir, for development).
//
//	go run ./server                 # after make wasm; or just: make serve
//	go run ./server -addr :9000 -dir .
//	go run ./server -dist dist      # the app as a static site; or: make dist
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	dae "github.com/godae/dae"
	"github.com/godae/dae/internal/cli"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	dir := flag.String("dir", "", "serve the app's files (index.html, web/, the bundled weights) from this folder, the repository root, instead of the embedded copy; read at start")
	site := flag.Bool("site", false, "with -dir: serve every file of the folder instead of the app's (the browser benchmark uses this)")
	dist := flag.String("dist", "", "write the app as a static site to this folder (its files, .gz and .br beside them, a _headers file) for any static host or CDN, and exit")
	flag.Parse()
	cli.NoArgs("server")
	if *dist != "" {
		flag.Visit(func(f *flag.Flag) {
			if f.Name == "addr" || f.Name == "site" {
				fmt.Fprintf(os.Stderr, "server: -dist writes files and serves nothing: -%s does not go with it\n", f.Name)
				os.Exit(2)
			}
		})
		fsys, err := appFS(*dir)
		if err == nil {
			err = writeDist(fsys, *dist)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "server:", err)
			os.Exit(1)
		}
		return
	}
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *addr, *dir, !*site, log, nil); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// appFS is the app's files: the folder dir, or the embedded copy if dir
// is "".
func appFS(dir string) (fs.FS, error) {
	if dir == "" {
		return dae.Assets, nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("-dir %s: there is no such folder", dir)
	}
	return os.DirFS(dir), nil
}

// newServer builds the HTTP server for the assets in fsys; see loadAssets
// for requireApp.
func newServer(fsys fs.FS, requireApp bool, log *slog.Logger) (*http.Server, error) {
	assets, err := loadAssets(fsys, requireApp)
	if err != nil {
		return nil, err
	}
	p := appPolicy
	if !requireApp {
		p = benchPolicy
	}
	return &http.Server{
		Handler:           accessLog(log, &handler{assets: assets, start: time.Now(), policy: p}),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      writeStall, // for responses the handler does not write in parts (stallWriter moves it on for each part of a file's)
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
		// "OPTIONS *" reaches the handler, which answers 405 with the
		// security headers, instead of net/http's bare 200.
		DisableGeneralOptionsHandler: true,
		ErrorLog:                     slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}, nil
}

// run serves until ctx is done, then shuts down gracefully, letting
// requests in flight finish. ready, if not nil, receives the address.
func run(ctx context.Context, addr, dir string, requireApp bool, log *slog.Logger, ready chan<- string) error {
	if dir == "" && !requireApp {
		return fmt.Errorf("-site needs -dir")
	}
	fsys, err := appFS(dir)
	if err != nil {
		return err
	}
	if addr == "" {
		return fmt.Errorf("-addr is empty: give host:port, such as localhost:8080 (or :8080 for every interface)")
	}
	// The address is taken first: a port in use is said at once, not after
	// the assets are read and compressed.
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv, err := newServer(fsys, requireApp, log)
	if err != nil {
		ln.Close()
		return err
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/")
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
