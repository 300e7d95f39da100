package nn

import "fmt"

// Cost is what running one image through a model takes: the multiply-adds
// of its convolutions, the values its layers read and write, and the
// memory of a [Workspace], in bytes.
type Cost struct {
	MACs           int64
	Values         int64 // each layer's input and output, summed over the layers
	Params         int64 // weights and biases, each read once an image
	WorkspaceBytes int64
}

// The budget of an architecture. Each field of an Arch has its limit
// (MaxLayers, MaxChannels, MaxSide), but together they can still ask for
// terabytes or hours an image: 1024 channels upsampled seven times pass
// every field's check. [Arch.Shapes] therefore refuses an architecture
// whose cost is over this budget, before anything is allocated. The time
// an image takes is bounded by three figures, not one: multiply-adds;
// values moved, which cost time without any multiply-add (32 pooling and
// upsampling layers over a 2048×2048 input take longer than 40 million
// multiply-adds over 64 channels); and parameters, each read from memory
// once an image (865-channel convolutions over 1×1 maps, 47 million
// parameters, took longer than either). The budget is about 65 times the
// seed model's multiply-adds, 200 times its values, 380 times its
// workspace, and as many parameters as a weights file of the largest size
// holds: room for larger models, none for runaway ones. FuzzBudget checks
// that what it admits runs in bounded time and memory.
const (
	MaxMACs           = 50_000_000 // multiply-adds per image
	MaxValues         = 16_000_000 // values read and written per image
	MaxParams         = 16_000_000 // weights and biases
	MaxWorkspaceBytes = 64 << 20   // a Workspace's scratch memory
)

// scratch is the element counts of a Workspace's buffers: two feature
// maps, the padded input of a 'same' convolution, and a convolution's
// accumulator.
type scratch struct{ maxLen, padLen, accLen int }

// scratchFor is the scratch that layers with these input shapes need.
func scratchFor(layers []Layer, shapes []Shape) scratch {
	var s scratch
	for i, l := range layers {
		in := shapes[i]
		s.maxLen = max(s.maxLen, padded(in).len(in.C)+slack) // any map, padded, with conv3x3's slack
		if l.Kind == KindConv {
			s.accLen = max(s.accLen, accLen(in, l.Padding == PaddingValid))
			s.padLen = max(s.padLen, padLen(in, l.Padding == PaddingValid))
		}
	}
	return s
}

// cost is what layers with these shapes (shapes[i] in, shapes[i+1] out)
// take for one image.
func cost(layers []Layer, shapes []Shape) Cost {
	var c Cost
	for i, l := range layers {
		in, out := shapes[i], shapes[i+1]
		switch l.Kind {
		case KindConv:
			c.MACs += int64(out.Len()) * int64(in.C) * 9
			c.Params += int64(out.C) * (int64(in.C)*9 + 1)
		case KindDense:
			c.MACs += int64(out.C) * int64(in.C)
			c.Params += int64(out.C) * (int64(in.C) + 1)
		}
		c.Values += int64(in.Len()) + int64(out.Len())
	}
	s := scratchFor(layers, shapes)
	c.WorkspaceBytes = 4 * int64(2*s.maxLen+s.padLen+s.accLen)
	return c
}

// checkBudget refuses a cost over the budget, naming the figure and the
// limit.
func (c Cost) checkBudget() error {
	if c.WorkspaceBytes > MaxWorkspaceBytes {
		return fmt.Errorf("architecture needs %d MiB of working memory; the limit is %d MiB", c.WorkspaceBytes>>20, MaxWorkspaceBytes>>20)
	}
	if c.MACs > MaxMACs {
		return fmt.Errorf("architecture needs %d million multiply-adds per image; the limit is %d million", c.MACs/1_000_000, MaxMACs/1_000_000)
	}
	if c.Params > MaxParams {
		return fmt.Errorf("architecture has %d million parameters; the limit is %d million", c.Params/1_000_000, MaxParams/1_000_000)
	}
	if c.Values > MaxValues {
		return fmt.Errorf("architecture reads and writes %d million values per image; the limit is %d million", c.Values/1_000_000, MaxValues/1_000_000)
	}
	return nil
}

// Cost is what running one image through a model of this architecture
// takes; it fails as [Arch.Shapes] does.
func (a Arch) Cost() (Cost, error) {
	shapes, err := a.Shapes()
	if err != nil {
		return Cost{}, err
	}
	return cost(a.layers(), shapes), nil
}
