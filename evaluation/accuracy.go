package evaluation

// Digits is how many classes the digit reader tells apart.
const Digits = 10

// Accuracy is the share of images whose most probable digit in probs
// (Digits values an image, back to back) is the one in labels.
func Accuracy(probs []float32, labels []uint8) float64 {
	if len(labels) == 0 {
		return 0
	}
	right := 0
	for i, l := range labels {
		if Read(probs[i*Digits:(i+1)*Digits]) == int(l) {
			right++
		}
	}
	return float64(right) / float64(len(labels))
}

// Read is the most probable digit of one image's probabilities (the first
// of equals).
func Read(probs []float32) int {
	best := 0
	for d, p := range probs {
		if p > probs[best] {
			best = d
		}
	}
	return best
}
