package jsonstr

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
	const head = MaxErrorLen / 3
	return msg[:head] + " … " + msg[len(msg)-(MaxErrorLen-head):]
}
