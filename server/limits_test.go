package main

import (
	"bufio"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// listen serves the test assets with the real http.Server settings on a
// loopback port; adjust may shorten its timeouts.
func listen(t *testing.T, adjust func(*http.Server)) string {
	srv, err := newServer(testFS(), true, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	if adjust != nil {
		adjust(srv)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String()
}

// A client that sends its headers a byte at a time (slowloris) is cut off
// when the header timeout runs out.
func TestSlowClientIsCutOff(t *testing.T) {
	addr := listen(t, func(s *http.Server) { s.ReadHeaderTimeout = 300 * time.Millisecond })
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	start := time.Now()
	closed := false
	for i := 0; i < 100 && !closed; i++ {
		if _, err := conn.Write([]byte("X")); err != nil {
			closed = true
			break
		}
		_ = conn.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
		buf := make([]byte, 1)
		if _, err := conn.Read(buf); err == io.EOF || (err == nil) {
			closed = true // EOF, or the server's 408/400 answer before it closes
		}
	}
	assert.True(t, closed, "the server closed the connection")
	assert.Less(t, time.Since(start), 3*time.Second, "within the header timeout, not after the client gave up")
}

// Headers over the limit get 431, not unbounded memory.
func TestHugeHeadersAreRefused(t *testing.T) {
	addr := listen(t, nil)
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	req := "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 1<<20) + "\r\n\r\n"
	go func() { _, _ = conn.Write([]byte(req)) }()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)
}
