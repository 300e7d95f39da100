package jsonstr

import "unicode/utf8"

// MaxErrorLen is the longest a JSON parser's message is shown.
const MaxErrorLen = 300

// Shorten cuts a JSON parser's error message to at most about MaxErrorLen
// characters for a person to read, keeping its start and its end (where
// fastjson puts the reason and an excerpt of the input): fastjson adds a
// "cannot parse …:" for every level of nesting, so a deeply nested input
// made messages of 14,000 characters.
func Shorten(msg string) string {
	if len(msg) <= MaxErrorLen {
		return msg
	}
	head, tail := MaxErrorLen/3, len(msg)-(MaxErrorLen-MaxErrorLen/3)
	for head > 0 && !utf8.RuneStart(msg[head]) { // cut between characters
		head--
	}
	for tail < len(msg) && !utf8.RuneStart(msg[tail]) {
		tail++
	}
	return msg[:head] + " … " + msg[tail:]
}
