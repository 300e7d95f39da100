package main

import (
	"net/http"
	"strconv"
	"strings"
)

// chooseEncoding picks the form of a to send for an Accept-Encoding header
// (RFC 9110, 12.5.3): "br", "gzip" or "" for the file as it is. Among the
// forms the asset has, the client's highest q-value wins, brotli before
// gzip before identity when equal. Parameter names are case-insensitive; a
// q of 0 refuses a coding; "*" stands for the codings not listed; identity
// is acceptable unless refused, below any coding the client lists. An
// entry whose q does not parse counts as a refusal. When the client
// refuses everything the asset has, the file goes as it is.
func chooseEncoding(accept string, a *asset) string {
	const unlisted = -1.0
	br, gz, id, star := unlisted, unlisted, unlisted, unlisted
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(part, ";")
		q := 1.0
		for _, param := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(param, "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				var err error
				if q, err = strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil || !(q >= 0 && q <= 1) { // NaN too
					q = 0
				}
			}
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "br":
			br = q
		case "gzip", "x-gzip":
			gz = q
		case "identity":
			id = q
		case "*":
			star = q
		}
	}
	weight := func(q float64) float64 {
		if q == unlisted {
			return max(star, 0)
		}
		return q
	}
	if id == unlisted {
		id = 0.0001 // acceptable, after any coding listed
		if star != unlisted {
			id = star
		}
	}
	best, bestQ := "", id
	if a.gzip != nil && weight(gz) > 0 && weight(gz) >= bestQ {
		best, bestQ = "gzip", weight(gz)
	}
	if a.br != nil && weight(br) > 0 && weight(br) >= bestQ {
		best = "br"
	}
	return best
}

// lengthWriter gives a full (200) response its Content-Length. ServeContent
// leaves the length out when Content-Encoding is set, which made compressed
// responses chunked and their HEAD disagree with their GET; the length of a
// precompressed body is known. Other statuses (206, 304, 412, errors) are
// left to ServeContent, which sets or removes the length itself.
type lengthWriter struct {
	http.ResponseWriter
	n int
}

// WriteHeader sets Content-Length on a 200 and passes the status on. An
// error's body (a range not satisfiable: ServeContent's words) is not the
// file: the length it would unpack to goes.
func (w lengthWriter) WriteHeader(code int) {
	if code == http.StatusOK {
		w.Header().Set("Content-Length", strconv.Itoa(w.n))
	}
	if code >= http.StatusBadRequest {
		w.Header().Del(unpackedLength)
	}
	w.ResponseWriter.WriteHeader(code)
}
