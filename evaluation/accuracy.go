package evaluation

import "github.com/godae/dae/reader"

// Accuracy is the share of images whose most probable digit in probs
// (reader.Digits values an image, back to back) is the one in labels.
func Accuracy(probs []float32, labels []uint8) float64 {
	if len(labels) == 0 {
		return 0
	}
	right := 0
	for i, l := range labels {
		if reader.Of(probs[i*reader.Digits:(i+1)*reader.Digits]).Digit == int(l) {
			right++
		}
	}
	return float64(right) / float64(len(labels))
}
