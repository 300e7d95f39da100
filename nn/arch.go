package nn

import (
	"fmt"
	"strings"
)

// Kind is a kind of layer: what it computes.
type Kind string

// Layer kinds accepted in an [Arch].
const (
	KindConv     Kind = "conv"     // 3×3 convolution, stride 1, with bias and activation
	KindMaxPool  Kind = "maxpool"  // 2×2 max pooling, stride 2, Keras 'same' (ceil) output size
	KindUpsample Kind = "upsample" // nearest-neighbour ×2 upsampling
)

// Padding is how a convolution treats the edges.
type Padding string

// Padding modes of a convolution.
const (
	PaddingSame  Padding = "same"  // output has the input's height and width
	PaddingValid Padding = "valid" // no padding: output is 2 smaller in each dimension
)

// Activation is the function a convolution applies to its sums.
type Activation string

// Activations that a convolution may fuse.
const (
	ActNone    Activation = "none"
	ActReLU    Activation = "relu"
	ActSigmoid Activation = "sigmoid"
)

// MaxLayers bounds the number of layers an Arch may have, so that a hostile
// description cannot make the engine allocate without limit.
const MaxLayers = 64

// MaxChannels bounds the channels of any layer, for the same reason.
const MaxChannels = 1024

// MaxSide bounds the input height and width.
const MaxSide = 4096

// Layer is one step of an [Arch]. Only conv layers have parameters.
type Layer struct {
	Kind       Kind       `json:"kind"`                 // KindConv, KindMaxPool or KindUpsample
	Out        int        `json:"out,omitempty"`        // conv: output channels
	Kernel     int        `json:"kernel,omitempty"`     // conv: kernel side; only 3 is supported
	Padding    Padding    `json:"padding,omitempty"`    // conv: PaddingSame or PaddingValid
	Activation Activation `json:"activation,omitempty"` // conv: ActReLU, ActSigmoid or ActNone
}

// Arch describes an autoencoder: the input shape, the encoder layers that
// map an input to its latent code, and the decoder layers that map the code
// back to an image of the input's shape.
type Arch struct {
	Input   Shape   `json:"input"`
	Encoder []Layer `json:"encoder"`
	Decoder []Layer `json:"decoder"`
}

// Shape is the (C, H, W) shape of one image or feature map.
type Shape struct {
	C, H, W int
}

// Len is the number of elements C·H·W.
func (s Shape) Len() int { return s.C * s.H * s.W }

// String formats the shape as C×H×W.
func (s Shape) String() string { return fmt.Sprintf("%d×%d×%d", s.C, s.H, s.W) }

func conv(out int, padding Padding, act Activation) Layer {
	return Layer{Kind: KindConv, Out: out, Kernel: 3, Padding: padding, Activation: act}
}

// DefaultArch is the classic Keras convolutional autoencoder for 1×28×28
// digits: Conv(16)-Pool-Conv(8)-Pool-Conv(8)-Pool to an 8×4×4 code, then
// Conv(8)-Up-Conv(8)-Up-Conv(16, valid)-Up-Conv(1, sigmoid).
func DefaultArch() Arch {
	pool := Layer{Kind: KindMaxPool}
	up := Layer{Kind: KindUpsample}
	return Arch{
		Input: Shape{1, 28, 28},
		Encoder: []Layer{
			conv(16, PaddingSame, ActReLU), pool,
			conv(8, PaddingSame, ActReLU), pool,
			conv(8, PaddingSame, ActReLU), pool,
		},
		Decoder: []Layer{
			conv(8, PaddingSame, ActReLU), up,
			conv(8, PaddingSame, ActReLU), up,
			conv(16, PaddingValid, ActReLU), up,
			conv(1, PaddingSame, ActSigmoid),
		},
	}
}

// LatentShape is the shape of the code the encoder produces.
func (a Arch) LatentShape() (Shape, error) {
	shapes, err := a.Shapes()
	if err != nil {
		return Shape{}, err
	}
	return shapes[len(a.Encoder)], nil
}

// Shapes validates the Arch, its cost within the budget ([MaxMACs],
// [MaxValues], [MaxWorkspaceBytes]) included, and returns the shape after each layer:
// shapes[0] is the input, shapes[i+1] the output of layer i, counting the
// encoder's layers first and then the decoder's. The decoder's output must
// have the input's shape.
func (a Arch) Shapes() ([]Shape, error) {
	in := a.Input
	if in.C < 1 || in.H < 1 || in.W < 1 || in.C > MaxChannels || in.H > MaxSide || in.W > MaxSide {
		return nil, fmt.Errorf("input shape %s is out of range: C must be 1..%d, H and W 1..%d", in, MaxChannels, MaxSide)
	}
	if len(a.Encoder) == 0 || len(a.Decoder) == 0 {
		return nil, fmt.Errorf("architecture needs at least one encoder and one decoder layer (has %d and %d)", len(a.Encoder), len(a.Decoder))
	}
	if n := len(a.Encoder) + len(a.Decoder); n > MaxLayers {
		return nil, fmt.Errorf("architecture has %d layers; at most %d are allowed", n, MaxLayers)
	}
	shapes := []Shape{in}
	s := in
	for i, l := range a.layers() {
		next, err := l.outShape(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.layerName(i), err)
		}
		s = next
		shapes = append(shapes, s)
	}
	if s != in {
		return nil, fmt.Errorf("architecture output is %s but the input is %s: the decoder must give back the input's shape (check the number of pooling, upsampling and 'valid' layers)", s, in)
	}
	if err := cost(a.layers(), shapes).checkBudget(); err != nil {
		return nil, err
	}
	return shapes, nil
}

// layers lists the encoder's layers, then the decoder's.
func (a Arch) layers() []Layer {
	return append(append([]Layer(nil), a.Encoder...), a.Decoder...)
}

// layerName names layer i of a.layers() for error messages, e.g. "decoder layer 3 (conv)".
func (a Arch) layerName(i int) string {
	part, j := "encoder", i
	if i >= len(a.Encoder) {
		part, j = "decoder", i-len(a.Encoder)
	}
	return fmt.Sprintf("%s layer %d (%s)", part, j, a.layers()[i].Kind)
}

func (l Layer) outShape(in Shape) (Shape, error) {
	switch l.Kind {
	case KindConv:
		if l.Kernel != 3 {
			return Shape{}, fmt.Errorf("kernel %d is not supported: only 3 (3×3) is", l.Kernel)
		}
		if l.Out < 1 || l.Out > MaxChannels {
			return Shape{}, fmt.Errorf("out channels %d is out of range 1..%d", l.Out, MaxChannels)
		}
		switch l.Activation {
		case ActNone, ActReLU, ActSigmoid:
		default:
			return Shape{}, fmt.Errorf("activation %q is unknown: use %q, %q or %q", l.Activation, ActReLU, ActSigmoid, ActNone)
		}
		switch l.Padding {
		case PaddingSame:
			return Shape{l.Out, in.H, in.W}, nil
		case PaddingValid:
			if in.H < 3 || in.W < 3 {
				return Shape{}, fmt.Errorf("'valid' 3×3 convolution needs at least 3×3 input, got %s", in)
			}
			return Shape{l.Out, in.H - 2, in.W - 2}, nil
		default:
			return Shape{}, fmt.Errorf("padding %q is unknown: use %q or %q", l.Padding, PaddingSame, PaddingValid)
		}
	case KindMaxPool, KindUpsample:
		if l.Out != 0 || l.Kernel != 0 || l.Padding != "" || l.Activation != "" {
			return Shape{}, fmt.Errorf("%s layers take no out, kernel, padding or activation", l.Kind)
		}
		if l.Kind == KindMaxPool {
			return Shape{in.C, (in.H + 1) / 2, (in.W + 1) / 2}, nil
		}
		if 2*in.H > MaxSide || 2*in.W > MaxSide {
			return Shape{}, fmt.Errorf("upsampling %s exceeds the maximum side %d", in, MaxSide)
		}
		return Shape{in.C, 2 * in.H, 2 * in.W}, nil
	default:
		return Shape{}, fmt.Errorf("layer kind %q is unknown: use %s", l.Kind, strings.Join([]string{string(KindConv), string(KindMaxPool), string(KindUpsample)}, ", "))
	}
}
