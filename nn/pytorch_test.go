package nn

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The module PyTorch writes has, at the place Params names each tensor
// by ("encoder.3.weight"), the layer of that tensor's shape: a file of
// the Arch loads into it. Checked for the page's models and for an Arch
// with a valid convolution, no activation and a dense layer with none.
func TestPyTorchMatchesParams(t *testing.T) {
	odd := Arch{Input: Shape{1, 28, 28}, Encoder: []Layer{
		conv(4, PaddingValid, ActNone), {Kind: KindMaxPool}, {Kind: KindFlatten}, {Kind: KindDense, Out: 6, Activation: ActNone}, {Kind: KindDense, Out: 3, Activation: ActSigmoid},
	}}
	module := regexp.MustCompile(`nn\.(\w+)\(([^)]*)\)`)
	for name, a := range map[string]Arch{"default": DefaultArch(), "classifier": ClassifierArch(), "strong": StrongArch(), "odd": odd} {
		_, err := a.Shapes()
		require.NoError(t, err, name)
		src := a.PyTorch("M")
		// Each Sequential's modules, in order.
		seqs := map[string][][]string{}
		var part string
		for _, line := range strings.Split(src, "\n") {
			if _, rest, ok := strings.Cut(line, "self."); ok && strings.Contains(rest, "nn.Sequential(") {
				part, _, _ = strings.Cut(rest, " ")
				seqs[part] = nil
				continue
			}
			if strings.HasPrefix(line, "            ") {
				for _, m := range module.FindAllStringSubmatch(line, -1) {
					seqs[part] = append(seqs[part], m[1:])
				}
			}
		}
		for _, p := range a.Params() {
			fields := strings.Split(p.Name, ".")
			require.Len(t, fields, 3, p.Name)
			i, err := strconv.Atoi(fields[1])
			require.NoError(t, err)
			require.Less(t, i, len(seqs[fields[0]]), "%s: %s past its Sequential's end\n%s", name, p.Name, src)
			m := seqs[fields[0]][i]
			var want string
			switch len(p.Shape) {
			case 4:
				want = fmt.Sprintf("Conv2d %d, %d, %d", p.Shape[1], p.Shape[0], p.Shape[2])
			case 2:
				want = fmt.Sprintf("Linear %d, %d", p.Shape[1], p.Shape[0])
			case 1:
				continue // a bias: its weight was checked
			}
			assert.True(t, strings.HasPrefix(m[0]+" "+m[1], want), "%s: %s is %v, want %s\n%s", name, p.Name, m, want, src)
		}
		total := len(seqs["encoder"]) + len(seqs["decoder"])
		assert.Equal(t, modules(a.Encoder)+modules(a.Decoder), total, "%s: one module a layer, and one an activation\n%s", name, src)
	}
}

// modules is how many PyTorch modules layers make.
func modules(layers []Layer) int {
	n := 0
	for _, l := range layers {
		n++
		if l.hasParams() && l.Activation != ActNone {
			n++
		}
	}
	return n
}
