package digitprep

// components labels the connected pieces (8-connected) of the pixels of v
// (w×h) over low that reach above high: label[i] is the piece of pixel i,
// numbered from 1 in the order their first pixel comes, or 0; n is how
// many there are. digitMask finds the digit's pieces with it, dropMarks the
// pieces of its strokes.
func components(v []float32, w, h int, high, low float32) (label []int32, n int) {
	label = make([]int32, w*h)
	var stack []int
	for start, s := range v {
		if s <= high || label[start] != 0 {
			continue
		}
		n++
		label[start] = int32(n)
		stack = append(stack[:0], start)
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := i%w, i/w
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					xx, yy := x+dx, y+dy
					if j := yy*w + xx; xx >= 0 && yy >= 0 && xx < w && yy < h && label[j] == 0 && v[j] > low {
						label[j] = int32(n)
						stack = append(stack, j)
					}
				}
			}
		}
	}
	return label, n
}
