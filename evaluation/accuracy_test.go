package evaluation

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAccuracy(t *testing.T) {
	probs := []float32{
		0, 0, 0, 0.9, 0, 0, 0, 0, 0.1, 0, // 3
		0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, // 0, the first of equals
		0, 0, 0, 0, 0, 0, 0, 0, 0, 1, // 9
	}
	assert.InDelta(t, 2.0/3, Accuracy(probs, []uint8{3, 1, 9}), 1e-12)
	assert.Equal(t, 0.0, Accuracy(nil, nil))
}
