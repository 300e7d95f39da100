package main

import (
	"bufio"
	"bytes"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
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

// A client on a slow link gets a file that takes it longer than the
// server's write deadline, as long as it keeps reading (the app's wasm was
// cut off for ever under 40 KB/s); one that stops reading is cut off, and
// so is one that takes longer than a response may take in all.
func TestSlowReaderGetsTheFile(t *testing.T) {
	defer func(d, most time.Duration) { writeStall, writeMost = d, most }(writeStall, writeMost)
	// Long enough that a busy machine (make test runs packages side by
	// side) does not miss a part's deadline by being slow itself.
	writeStall, writeMost = 500*time.Millisecond, time.Minute
	// Random, so that it is sent as it is.
	body := make([]byte, 4<<20)
	_, _ = rand.NewChaCha8([32]byte{1}).Read(body)
	fsys := testFS()
	fsys["web/main.wasm"] = &fstest.MapFile{Data: body}
	var logged lockedBuffer
	srv, err := newServer(fsys, true, slog.New(slog.NewTextHandler(&logged, nil)))
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	// The kernel's buffers small on both sides (fetch sets the client's),
	// so that the server waits for the client from the first parts, as
	// on a slow link: loopback's hold a few MiB, and wake a writer only
	// once half of them are free.
	go func() { _ = srv.Serve(smallSendBuffer{ln.(*net.TCPListener)}) }()
	t.Cleanup(func() { _ = srv.Close() })

	// fetch reads the file at pace a part at a time, after waiting first
	// once its headers are in.
	fetch := func(pace, first time.Duration) (int, error) {
		conn, err := net.Dial("tcp", ln.Addr().String())
		require.NoError(t, err)
		defer conn.Close()
		require.NoError(t, conn.(*net.TCPConn).SetReadBuffer(32<<10))
		_, err = conn.Write([]byte("GET /web/main.wasm HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"))
		require.NoError(t, err)
		resp, err := http.ReadResponse(bufio.NewReaderSize(conn, 32<<10), nil)
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
		time.Sleep(first)
		n, buf := 0, make([]byte, 32<<10)
		for {
			m, err := resp.Body.Read(buf)
			n += m
			if err == io.EOF {
				return n, nil
			}
			if err != nil {
				return n, err
			}
			time.Sleep(pace)
		}
	}

	const pace = 20 * time.Millisecond // 128 parts: 2.56 s at least
	start := time.Now()
	n, err := fetch(pace, 0)
	require.NoError(t, err, "a slow client's download cut off after %d bytes", n)
	assert.Equal(t, len(body), n)
	assert.Greater(t, time.Since(start), 4*writeStall, "the download took longer than the deadline (else this shows nothing)")

	n, err = fetch(0, 5*writeStall)
	assert.Error(t, err, "a client that stops reading is cut off")
	assert.Less(t, n, len(body))
	// The access log tells the whole download from the one cut off (the
	// line comes once the handler is done, after the client saw the end).
	require.Eventually(t, func() bool { return strings.Count(logged.String(), "path=/web/main.wasm") == 2 }, 5*time.Second, 10*time.Millisecond)
	lines := strings.Split(strings.TrimSpace(logged.String()), "\n")
	assert.Contains(t, lines[0], "status=200 bytes=4194304 cut=false")
	assert.Contains(t, lines[1], "cut=true")

	writeMost = 2 * writeStall
	n, err = fetch(pace, 0)
	assert.Error(t, err, "a client slower than a response may take in all is cut off")
	assert.Less(t, n, len(body))
}

// smallSendBuffer accepts connections with a send buffer of 64 KiB.
type smallSendBuffer struct{ *net.TCPListener }

func (l smallSendBuffer) Accept() (net.Conn, error) {
	c, err := l.AcceptTCP()
	if err == nil {
		err = c.SetWriteBuffer(64 << 10)
	}
	return c, err
}

// lockedBuffer is a buffer the server's goroutines may log to while the
// test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
