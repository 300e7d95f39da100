package jsonstr

import "fmt"

// CheckControl refuses JSON text with a raw control character (below
// U+0020) inside a string, which JSON (RFC 8259, section 7) and
// encoding/json refuse and fastjson, which the readers use, accepts.
// Control characters outside strings are left to the parser (whitespace
// is allowed there, anything else is a syntax error to it).
func CheckControl(data []byte) error {
	inString, escaped := false, false
	for i, c := range data {
		switch {
		case !inString:
			inString = c == '"'
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == '"':
			inString = false
		case c < 0x20:
			return fmt.Errorf("a string holds the control character U+%04X at byte %d; JSON strings must escape it", c, i)
		}
	}
	return nil
}
