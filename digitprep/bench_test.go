package digitprep

import (
	"image"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkPrepare prepares the first 50 of the tests' generated uploads,
// decoded beforehand: the work an upload costs between the decoded image
// and the model input (finding the ink, normalising its strokes, framing).
// One iteration is all 50.
func BenchmarkPrepare(b *testing.B) {
	set := testUploads(b, 50)
	imgs := make([]image.Image, len(set))
	for i, u := range set {
		var err error
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
