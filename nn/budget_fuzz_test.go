package nn

import (
	"encoding/binary"
	"runtime"
	"sync"
	"testing"
	"time"
)

// budgetEdge are architectures at the edge of the budget, each the slowest
// we know of its kind: the time limit of FuzzBudget is twice the slowest of
// them, measured in the same process.
func budgetEdge() map[string]Arch {
	up, pool := Layer{Kind: KindUpsample}, Layer{Kind: KindMaxPool}
	sig := conv(1, PaddingSame, ActSigmoid)
	var poolUp []Layer
	for range 6 {
		poolUp = append(poolUp, pool, up)
	}
	return map[string]Arch{
		// 49 million multiply-adds over 65 channels.
		"multiply-adds": {Input: Shape{1, 28, 28},
			Encoder: []Layer{conv(65, PaddingSame, ActReLU), conv(65, PaddingSame, ActReLU)},
			Decoder: []Layer{conv(41, PaddingSame, ActReLU), conv(1, PaddingSame, ActSigmoid)}},
		// 47 million multiply-adds at one channel: the least work for each
		// pixel loop, and a sigmoid for every value.
		"sigmoids": {Input: Shape{1, 1024, 1024}, Encoder: []Layer{sig, sig}, Decoder: []Layer{sig, sig, sig}},
		// 15 million parameters over 1×1 maps, each read once.
		"parameters": {Input: Shape{1, 1, 1},
			Encoder: []Layer{conv(1021, PaddingSame, ActReLU), conv(1021, PaddingSame, ActReLU)},
			Decoder: []Layer{conv(613, PaddingSame, ActReLU), conv(1, PaddingSame, ActSigmoid)}},
		// 15.7 million values and no multiply-add.
		"values": {Input: Shape{1, 1024, 1024}, Encoder: poolUp[:6], Decoder: poolUp[6:]},
	}
}

// edgeTime is the time of one image of the slowest of budgetEdge, measured
// once per process.
var edgeTime = sync.OnceValue(slowestEdgeNow)

// slowestEdgeNow times one image of each of budgetEdge (the best of 3) and
// returns the slowest.
func slowestEdgeNow() time.Duration {
	var slowest time.Duration
	for _, a := range budgetEdge() {
		m, err := New(a, RandomParams(a, 1))
		if err != nil {
			panic(err)
		}
		in := make([]float32, a.Input.Len())
		slowest = max(slowest, imageTime(m.NewWorkspace(), in, make([]float32, outputLen(a)), 3))
	}
	return slowest
}

// imageTime is the shortest of n runs of one image through ws.
func imageTime(ws *Workspace, in, out []float32, n int) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range n {
		start := time.Now()
		if err := runAll(ws, out, in); err != nil {
			panic(err)
		}
		best = min(best, time.Since(start))
	}
	return best
}

// runAll runs one image through the whole model: the autoencoder, or the
// encoder alone.
func runAll(ws *Workspace, dst, src []float32) error {
	if ws.m.arch.IsAutoencoder() {
		return ws.Denoise(dst, src)
	}
	return ws.Encode(dst, src)
}

// outputLen is the length of the whole model's output for one image.
func outputLen(a Arch) int {
	if a.IsAutoencoder() {
		return a.Input.Len()
	}
	s, _ := a.LatentShape()
	return s.Len()
}

// archFromBytes reads an architecture from arbitrary bytes: the input's
// channels, height and width (1, 2 and 2 bytes), how many of the layers
// are the encoder's (1 byte), then two bytes a layer. Any bytes give an
// architecture, mostly one that Shapes refuses; archBytes writes the bytes
// of a given one.
func archFromBytes(data []byte) Arch {
	if len(data) < 6 {
		return Arch{}
	}
	a := Arch{Input: Shape{
		C: 1 + int(data[0])%4,
		H: 1 + int(binary.BigEndian.Uint16(data[1:]))%MaxSide,
		W: 1 + int(binary.BigEndian.Uint16(data[3:]))%MaxSide,
	}}
	var layers []Layer
	for i := 6; i+1 < len(data) && len(layers) < MaxLayers; i += 2 {
		k, v := data[i], data[i+1]
		switch k % 5 {
		case 0:
			l := Layer{Kind: KindConv, Kernel: 3, Out: 1 + int(v)*4, Padding: PaddingSame, Activation: []Activation{ActReLU, ActSigmoid, ActNone}[k/5%3]}
			if k/15%2 == 1 {
				l.Padding = PaddingValid
			}
			layers = append(layers, l)
		case 1:
			layers = append(layers, Layer{Kind: KindMaxPool})
		case 2:
			layers = append(layers, Layer{Kind: KindUpsample})
		case 3:
			layers = append(layers, Layer{Kind: KindFlatten})
		default:
			layers = append(layers, Layer{Kind: KindDense, Out: 1 + int(v)*4, Activation: []Activation{ActReLU, ActSigmoid, ActNone, ActSoftmax}[k/5%4]})
		}
	}
	n := min(len(layers), int(data[5]))
	a.Encoder, a.Decoder = layers[:n], layers[n:]
	return a
}

// archBytes is the inverse of archFromBytes for the architectures it can
// give (input channels 1 to 4, conv and dense channels 1 + 4k).
func archBytes(a Arch) []byte {
	data := []byte{byte(a.Input.C - 1), 0, 0, 0, 0, byte(len(a.Encoder))}
	binary.BigEndian.PutUint16(data[1:], uint16(a.Input.H-1))
	binary.BigEndian.PutUint16(data[3:], uint16(a.Input.W-1))
	for _, l := range a.layers() {
		switch l.Kind {
		case KindConv:
			k := map[Activation]byte{ActReLU: 0, ActSigmoid: 1, ActNone: 2}[l.Activation] * 5
			if l.Padding == PaddingValid {
				k += 15
			}
			data = append(data, k, byte((l.Out-1)/4))
		case KindMaxPool:
			data = append(data, 1, 0)
		case KindUpsample:
			data = append(data, 2, 0)
		case KindFlatten:
			data = append(data, 3, 0)
		case KindDense:
			k := map[Activation]byte{ActReLU: 0, ActSigmoid: 1, ActNone: 2, ActSoftmax: 3}[l.Activation]*5 + 4
			data = append(data, k, byte((l.Out-1)/4))
		}
	}
	return data
}

// FuzzBudget runs one image through every architecture, built from
// arbitrary bytes, that Shapes accepts: the budget must bound what it
// takes. Building the model and its workspace and running the image
// (the caller's input and output aside) allocate no more than the
// workspace the cost states and 1 MiB besides,
// and the image takes no more than twice as long as the slowest
// architecture at the edge of the budget (budgetEdge), measured in the same
// process (and measured again, with the input, before an input fails, so
// that a machine busy for a while does not fail it).
func FuzzBudget(f *testing.F) {
	f.Add(archBytes(DefaultArch()))
	f.Add(archBytes(Arch{Input: Shape{1, 28, 28}, Encoder: []Layer{conv(17, PaddingSame, ActReLU), {Kind: KindMaxPool}, {Kind: KindFlatten}, {Kind: KindDense, Out: 9, Activation: ActSoftmax}}}))
	for _, a := range budgetEdge() {
		f.Add(archBytes(a))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a := archFromBytes(data)
		c, err := a.Cost()
		if err != nil {
			return
		}
		params := RandomParams(a, 1)
		in := make([]float32, a.Input.Len())
		out := make([]float32, outputLen(a))
		limit := 2 * edgeTime()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		m, err := New(a, params)
		if err != nil {
			t.Fatalf("an architecture within the budget did not build: %v", err)
		}
		ws := m.NewWorkspace()
		took := imageTime(ws, in, out, 1)
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(c.WorkspaceBytes)+1<<20 {
			t.Fatalf("%s: allocated %d bytes; the cost says %d of workspace\n%s", a.Input, alloc, c.WorkspaceBytes, a.JSON())
		}
		if took > limit {
			// Not a pause of the machine, nor a machine busier now than
			// when the edges were timed: time this again, and the edges
			// now, like with like.
			took = min(took, imageTime(ws, in, out, 2))
			limit = max(limit, 2*slowestEdgeNow())
		}
		if took > limit {
			t.Fatalf("one image took %v, more than %v (twice the slowest edge of the budget); cost %+v\n%s", took, limit, c, a.JSON())
		}
	})
}

// The edge architectures are within the budget and near it, and the bytes
// of an architecture give it back.
func TestBudgetEdge(t *testing.T) {
	for name, a := range budgetEdge() {
		c, err := a.Cost()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if c.MACs < MaxMACs*9/10 && c.Values < MaxValues*9/10 && c.Params < MaxParams*9/10 {
			t.Errorf("%s is not near the budget: %+v", name, c)
		}
		if got := archFromBytes(archBytes(a)); got.JSON() != a.JSON() {
			t.Errorf("%s: bytes give back %s", name, got.JSON())
		}
		t.Logf("%s: %+v", name, c)
	}
	for name, a := range budgetEdge() {
		m, err := New(a, RandomParams(a, 1))
		if err != nil {
			t.Fatal(err)
		}
		in := make([]float32, a.Input.Len())
		t.Logf("%s: %v an image", name, imageTime(m.NewWorkspace(), in, make([]float32, outputLen(a)), 3))
	}
	t.Logf("slowest edge: %v an image", edgeTime())
}
