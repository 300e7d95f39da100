package jsonstr

import (
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Check refuses JSON text that fastjson, which the readers use, accepts
// but reads otherwise than JSON (RFC 8259) and encoding/json do, so that a
// name could mean one thing here and another to the reference reader:
//   - text that is not UTF-8 (section 8.1; encoding/json reads a bad byte as
//     U+FFFD);
//   - a raw control character (below U+0020) inside a string (section 7);
//   - an escape that is not one of \" \\ \/ \b \f \n \r \t \uXXXX, which
//     fastjson keeps as it is;
//   - an escaped UTF-16 surrogate that is not part of a pair, which
//     fastjson keeps as text and encoding/json reads as U+FFFD (JSON allows
//     it and leaves its meaning open: we refuse it);
//   - a number that JSON's grammar does not allow (01, -01, 1., .5, +1,
//     1e) or a word that is not true, false or null (NaN), all of which
//     fastjson reads as numbers.
//
// Control characters outside strings are left to the parser (whitespace is
// allowed there, anything else is a syntax error to it).
func Check(data []byte) error {
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				return fmt.Errorf("the text is not UTF-8: byte %d is 0x%02X", i, data[i])
			}
			i += n
		}
	}
	inString := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case !inString && tokenByte(c):
			j := i
			for j < len(data) && tokenByte(data[j]) {
				j++
			}
			if t := string(data[i:j]); t != "true" && t != "false" && t != "null" && !number.MatchString(t) {
				return fmt.Errorf("%q at byte %d is not a JSON number, true, false or null", Shorten(t), i)
			}
			i = j - 1
		case !inString:
			inString = c == '"'
		case c == '"':
			inString = false
		case c < 0x20:
			return fmt.Errorf("a string holds the control character U+%04X at byte %d; JSON strings must escape it", c, i)
		case c == '\\':
			n, err := escape(data, i)
			if err != nil {
				return err
			}
			i += n - 1
		}
	}
	return nil
}

// escape checks the escape at data[i] (a backslash) and returns its
// length.
func escape(data []byte, i int) (int, error) {
	if i+1 >= len(data) {
		return 0, fmt.Errorf("the text ends in an escape at byte %d", i)
	}
	switch data[i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, nil
	case 'u':
	default:
		return 0, fmt.Errorf("a string has the escape \\%c at byte %d, which JSON does not have", data[i+1], i)
	}
	r, ok := hex4(data, i+2)
	if !ok {
		return 0, fmt.Errorf("a string has a \\u escape without four hex digits at byte %d", i)
	}
	if !utf16.IsSurrogate(r) {
		return 6, nil
	}
	if r < 0xdc00 && i+12 <= len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
		if lo, ok := hex4(data, i+8); ok && lo >= 0xdc00 && lo <= 0xdfff {
			return 12, nil
		}
	}
	return 0, fmt.Errorf("a string has an escaped UTF-16 surrogate at byte %d that is not part of a pair, so it is not a character", i)
}

// hex4 reads four hex digits at data[i].
func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(data[i:i+4]), 16, 16)
	return rune(v), err == nil
}

// tokenByte says whether c may be part of a literal outside strings: a
// number's or a word's.
func tokenByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '+' || c == '.'
}

// number is JSON's grammar of numbers (RFC 8259, section 6).
var number = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)
