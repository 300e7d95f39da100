package webapp

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGrouped(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 4385: "4,385", 46561: "46,561", 16_000_000: "16,000,000", -1234: "-1,234"} {
		assert.Equal(t, want, Grouped(n))
	}
}
