package main

import (
	"log/slog"
	"net/http"
	"time"
)

// recorder remembers the status and size of a response for the access log,
// and whether writing it failed (a client gone, or cut off by a deadline:
// stallWriter's).
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
	cut    bool
}

// WriteHeader records the status and passes it on.
func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Write counts the bytes and passes them on.
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	r.cut = r.cut || err != nil
	return n, err
}

// Unwrap gives http.ResponseController the writer under it.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// accessLog logs one structured line per request.
func accessLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		log.Info("request",
			"method", r.Method, "path", r.URL.Path, "status", rec.status, "bytes", rec.bytes, "cut", rec.cut,
			"encoding", w.Header().Get("Content-Encoding"), "ms", float64(time.Since(start).Microseconds())/1000,
			"remote", r.RemoteAddr)
	})
}
