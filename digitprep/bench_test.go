package digitprep

import (
	"image"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/godae/dae/internal/uploads"
	"github.com/godae/dae/mnist"
)

// BenchmarkPrepare prepares the first 50 of the tests' generated uploads,
// decoded beforehand: the work an upload costs between the decoded image
// and the model input (finding the ink, normalising its strokes, framing).
// One iteration is all 50.
func BenchmarkPrepare(b *testing.B) {
	dir, err := mnist.DefaultDir()
	require.NoError(b, err)
	test, err := mnist.Load(dir, mnist.Test)
	require.NoError(b, err)
	set, err := uploads.Set(50, 1, test)
	require.NoError(b, err)
	imgs := make([]image.Image, len(set))
	for i, u := range set {
		imgs[i], err = Decode(u.Data)
		require.NoError(b, err, u.Name)
	}
	for b.Loop() {
		for _, img := range imgs {
			if _, _, err := Prepare(img); err != nil {
				b.Fatal(err)
			}
		}
	}
}
