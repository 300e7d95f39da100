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
	KindFlatten  Kind = "flatten"  // C×H×W to (C·H·W)×1×1, in that order, as torch.nn.Flatten
	KindDense    Kind = "dense"    // fully connected, on a C×1×1 input, with bias and activation
)

// kinds lists the layer kinds for error messages.
var kinds = []Kind{KindConv, KindMaxPool, KindUpsample, KindFlatten, KindDense}

// Padding is how a convolution treats the edges.
type Padding string

// Padding modes of a convolution.
const (
	PaddingSame  Padding = "same"  // output has the input's height and width
	PaddingValid Padding = "valid" // no padding: output is 2 smaller in each dimension
)

// Activation is the function a convolution or dense layer applies to its
// sums.
type Activation string

// Activations that a convolution or dense layer may fuse. Softmax, over
// the channels of a C×1×1 output, is for dense layers only.
const (
	ActNone    Activation = "none"
	ActReLU    Activation = "relu"
	ActSigmoid Activation = "sigmoid"
	ActSoftmax Activation = "softmax"
)

// MaxLayers bounds the number of layers an Arch may have, so that a hostile
// description cannot make the engine allocate without limit.
const MaxLayers = 64

// MaxChannels bounds the output channels of a conv or dense layer, and
// the input's, for the same reason.
const MaxChannels = 1024

// MaxSide bounds the input height and width.
const MaxSide = 4096

// Layer is one step of an [Arch]. Only conv and dense layers have
// parameters.
type Layer struct {
	Kind       Kind       `json:"kind"`                 // one of the Kind constants
	Out        int        `json:"out,omitempty"`        // conv, dense: output channels
	Kernel     int        `json:"kernel,omitempty"`     // conv: kernel side; only 3 is supported
	Padding    Padding    `json:"padding,omitempty"`    // conv: PaddingSame or PaddingValid
	Activation Activation `json:"activation,omitempty"` // conv: ActReLU, ActSigmoid or ActNone; dense: those or ActSoftmax
}

// Arch describes an autoencoder: the input shape, the encoder layers that
// map an input to its latent code, and the decoder layers that map the code
// back to an image of the input's shape. An Arch without decoder layers is
// an encoder alone, whose output is its code: a classifier, for one, whose
// encoder ends in dense layers and a softmax, so that its code is the
// probability of each class.
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

// ClassifierArch is the digit reader's architecture: an encoder alone whose
// code is the probability of each of the ten digits. Three 3×3
// convolutions with pooling (16, 32, 64 channels, to 64×4×4), then one
// dense layer over the flattened 1,024 values: 33,546 parameters, about
// 2.6 times the seed autoencoder's multiply-adds.
func ClassifierArch() Arch {
	pool := Layer{Kind: KindMaxPool}
	return Arch{
		Input: Shape{1, 28, 28},
		Encoder: []Layer{
			conv(16, PaddingSame, ActReLU), pool,
			conv(32, PaddingSame, ActReLU), pool,
			conv(64, PaddingSame, ActReLU), pool,
			{Kind: KindFlatten},
			{Kind: KindDense, Out: 10, Activation: ActSoftmax},
		},
	}
}

// StrongArch is the blind denoiser's architecture (the "strong model"):
// wider than DefaultArch, with its code at 7×7 and convolutions at that
// size, where they cost least, so that it can tell a digit from many
// kinds of damage within about five times the seed's multiply-adds. Like
// the seed, it is an encoder to a code and a decoder from it, nothing
// carried past the code. README, Results of the shipped weights, says how
// it was chosen.
func StrongArch() Arch {
	pool := Layer{Kind: KindMaxPool}
	up := Layer{Kind: KindUpsample}
	return Arch{
		Input: Shape{1, 28, 28},
		Encoder: []Layer{
			conv(16, PaddingSame, ActReLU), pool,
			conv(32, PaddingSame, ActReLU), pool,
			conv(32, PaddingSame, ActReLU),
			conv(32, PaddingSame, ActReLU),
		},
		Decoder: []Layer{
			conv(32, PaddingSame, ActReLU),
			conv(32, PaddingSame, ActReLU), up,
			conv(16, PaddingSame, ActReLU), up,
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
// [MaxValues], [MaxParams], [MaxWorkspaceBytes]) included, and returns the shape after each layer:
// shapes[0] is the input, shapes[i+1] the output of layer i, counting the
// encoder's layers first and then the decoder's. A decoder's output must
// have the input's shape.
func (a Arch) Shapes() ([]Shape, error) {
	in := a.Input
	if in.C < 1 || in.H < 1 || in.W < 1 || in.C > MaxChannels || in.H > MaxSide || in.W > MaxSide {
		return nil, fmt.Errorf("input shape %s is out of range: C must be 1..%d, H and W 1..%d", in, MaxChannels, MaxSide)
	}
	if len(a.Encoder) == 0 {
		return nil, fmt.Errorf("architecture needs at least one encoder layer")
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
	if a.IsAutoencoder() && s != in {
		return nil, fmt.Errorf("architecture output is %s but the input is %s: the decoder must give back the input's shape (check the number of pooling, upsampling and 'valid' layers)", s, in)
	}
	if err := cost(a.layers(), shapes).checkBudget(); err != nil {
		return nil, err
	}
	return shapes, nil
}

// IsAutoencoder reports whether the Arch has a decoder: an image in, an
// image of the same shape out. Without, it is an encoder alone.
func (a Arch) IsAutoencoder() bool { return len(a.Decoder) > 0 }

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
		if err := l.checkOutAndActivation(ActNone, ActReLU, ActSigmoid); err != nil {
			return Shape{}, err
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
	case KindDense:
		if l.Kernel != 0 || l.Padding != "" {
			return Shape{}, fmt.Errorf("dense layers take no kernel or padding")
		}
		if err := l.checkOutAndActivation(ActNone, ActReLU, ActSigmoid, ActSoftmax); err != nil {
			return Shape{}, err
		}
		if in.H != 1 || in.W != 1 {
			return Shape{}, fmt.Errorf("a dense layer needs a C×1×1 input, got %s: put a flatten layer before it", in)
		}
		return Shape{l.Out, 1, 1}, nil
	case KindMaxPool, KindUpsample, KindFlatten:
		if l.Out != 0 || l.Kernel != 0 || l.Padding != "" || l.Activation != "" {
			return Shape{}, fmt.Errorf("%s layers take no out, kernel, padding or activation", l.Kind)
		}
		switch l.Kind {
		case KindMaxPool:
			return Shape{in.C, (in.H + 1) / 2, (in.W + 1) / 2}, nil
		case KindFlatten:
			return Shape{in.Len(), 1, 1}, nil
		}
		if 2*in.H > MaxSide || 2*in.W > MaxSide {
			return Shape{}, fmt.Errorf("upsampling %s exceeds the maximum side %d", in, MaxSide)
		}
		return Shape{in.C, 2 * in.H, 2 * in.W}, nil
	default:
		names := make([]string, len(kinds))
		for i, k := range kinds {
			names[i] = string(k)
		}
		return Shape{}, fmt.Errorf("layer kind %q is unknown: use %s", l.Kind, strings.Join(names, ", "))
	}
}

// checkOutAndActivation checks a conv or dense layer's output channels and
// that its activation is one of allowed.
func (l Layer) checkOutAndActivation(allowed ...Activation) error {
	if l.Out < 1 || l.Out > MaxChannels {
		return fmt.Errorf("out channels %d is out of range 1..%d", l.Out, MaxChannels)
	}
	for _, a := range allowed {
		if l.Activation == a {
			return nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = fmt.Sprintf("%q", a)
	}
	return fmt.Errorf("activation %q is not one a %s layer takes: use %s", l.Activation, l.Kind, strings.Join(names, ", "))
}
