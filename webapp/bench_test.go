package webapp

import "testing"

// BenchmarkFromDrawing is the preparation of a drawing, done on every move
// of the pen.
func BenchmarkFromDrawing(b *testing.B) {
	rgba := drawn(3)
	for b.Loop() {
		if _, err := FromDrawing(rgba, drawnSide, drawnSide); err != nil {
			b.Fatal(err)
		}
	}
}
