package nn

// layout places a feature map in memory: element (c, y, x) of a map of
// shape s sits at off + c·plane + y·stride + x. Most maps are compact. The
// input of a 'same' convolution is padded: a border of zeros all round, so
// that the convolution reads its neighbours without testing bounds. The
// layer before such a convolution writes its output padded straight away,
// which spares the convolution a copy of every row (each copy is a call in
// the wasm build).
type layout struct{ off, stride, plane int }

// compact is the layout without padding: (C,H,W) row-major.
func compact(s Shape) layout { return layout{0, s.W, s.H * s.W} }

// padded is (C,H+2,W+2) row-major with the map inside a border of zeros.
func padded(s Shape) layout { return layout{s.W + 3, s.W + 2, (s.H + 2) * (s.W + 2)} }

// len is how many elements a map of c channels takes.
func (l layout) len(c int) int { return c * l.plane }

// isPadded reports whether the layout has the zero border.
func (l layout) isPadded() bool { return l.off != 0 }

// row returns row y of channel c, w elements long.
func (l layout) row(m []float32, c, y, w int) []float32 {
	i := l.off + c*l.plane + y*l.stride
	return m[i : i+w]
}

// prepare readies the output buffer of a layer that writes a map of c
// channels in layout l: a padded map's border must be zero.
func (l layout) prepare(out []float32, c int) {
	if l.isPadded() {
		clear(out[:l.len(c)])
	}
}

// appendCompact appends map m, of shape s in layout l, to dst in compact
// form.
func (l layout) appendCompact(dst, m []float32, s Shape) []float32 {
	for c := 0; c < s.C; c++ {
		for y := 0; y < s.H; y++ {
			dst = append(dst, l.row(m, c, y, s.W)...)
		}
	}
	return dst
}
