package webapp

// The digit reader learnt clean digits: under heavy noise it reads most
// digits as one digit, mostly an 8, whatever digit is under the noise. Its
// reading of a noisy input then says little of the digit, and the verdict
// must not take it for a reading: an 8 under such noise was said to be
// kept, or lost, when the reader had read the noise.

// noiseReadsOf is how many of MNIST's test digits, the first, noiseReads
// counts.
const noiseReadsOf = 500

// noiseRead is the digit the reader reads most of noiseReadsOf test
// digits as under some noise, and how many it reads so.
type noiseRead struct{ Digit, Count int }

// ReadAs is the digit the reader reads most digits as under n (half of
// them or more, with the same kind and amount of noise, each digit its own
// draw), and the share it reads so; ok is false where it reads no digit so
// (light noise, a block) or n is not one the page offers.
func (n Noise) ReadAs() (digit int, share float64, ok bool) {
	steps, known := noiseReads[n.Kind]
	i, offered := amountStep(n.Amount)
	if !known || !offered {
		return 0, 0, false
	}
	r := steps[i]
	return r.Digit, float64(r.Count) / noiseReadsOf, 2*r.Count >= noiseReadsOf
}

// noiseReads is, for each kind of noise and each amount the page offers
// (0, 0.05, … 1), the digit the reader reads most of MNIST's first
// noiseReadsOf test digits as, under that noise (the i-th digit with
// seed i+1), and how many. Made by `go test ./webapp -run TestNoiseReads
// -update`, which TestNoiseReads holds to the shipped reader.
var noiseReads = map[string][100/AmountStep + 1]noiseRead{
	Gaussian:   {{1, 67}, {1, 67}, {1, 67}, {1, 67}, {1, 64}, {8, 88}, {8, 184}, {8, 297}, {8, 380}, {8, 431}, {8, 461}, {8, 469}, {8, 475}, {8, 479}, {8, 481}, {8, 480}, {8, 482}, {8, 483}, {8, 481}, {8, 482}, {8, 480}},
	SaltPepper: {{1, 67}, {4, 63}, {8, 125}, {8, 243}, {8, 308}, {8, 374}, {8, 414}, {8, 448}, {8, 444}, {8, 458}, {8, 467}, {8, 468}, {8, 471}, {8, 481}, {8, 475}, {8, 474}, {8, 474}, {8, 471}, {8, 471}, {8, 476}, {8, 472}},
	Occlusion:  {{1, 67}, {1, 67}, {1, 67}, {1, 67}, {1, 67}, {1, 67}, {1, 68}, {1, 66}, {1, 64}, {1, 63}, {1, 63}, {3, 71}, {1, 73}, {1, 79}, {1, 90}, {1, 94}, {1, 94}, {1, 100}, {1, 100}, {1, 110}, {1, 152}},
}
