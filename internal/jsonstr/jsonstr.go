// Package jsonstr holds what the packages that handle JSON by hand (nn's
// architectures, weights' headers, webapp's preparation messages and the
// upload kept for a reload; by hand so that the browser app, which links
// them, need not link encoding/json) share: strings written as
// encoding/json writes them, Check for what fastjson would read and JSON
// does not allow, and parser errors short enough to show.
package jsonstr

import "unicode/utf8"

// Append appends s as a JSON string, escaped as encoding/json escapes it
// (with its HTML-safe default): ", \ and control characters, <, > and &,
// U+2028 and U+2029, and invalid UTF-8 as U+FFFD.
func Append(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b == '"' || b == '\\':
				dst = append(dst, '\\', b)
			case b == '\b':
				dst = append(dst, '\\', 'b')
			case b == '\f':
				dst = append(dst, '\\', 'f')
			case b == '\n':
				dst = append(dst, '\\', 'n')
			case b == '\r':
				dst = append(dst, '\\', 'r')
			case b == '\t':
				dst = append(dst, '\\', 't')
			case b < 0x20 || b == '<' || b == '>' || b == '&':
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			default:
				dst = append(dst, b)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return append(dst, '"')
}
