package dae

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/nn"
)

// The README's PyTorch modules, which the weights files load into, are
// the ones nn writes from the models' architectures (nn.Arch.PyTorch).
func TestREADMEModules(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	for class, arch := range map[string]nn.Arch{"AE": nn.DefaultArch(), "Reader": nn.ClassifierArch(), "Strong": nn.StrongArch()} {
		assert.Contains(t, string(readme), "\n"+arch.PyTorch(class)+"```\n", class)
	}
}
