package nn

import "math"

// maxPool2x2 is 2×2 max pooling with stride 2 and Keras 'same' semantics:
// in is (C,H,W), out is (C,⌈H/2⌉,⌈W/2⌉); a window that hangs over the
// bottom or right edge takes the maximum of the cells it covers (as
// PyTorch's MaxPool2d(2, ceil_mode=True) does). out is written in layout
// lo.
//
// The maximum is taken in IEEE 754's total order (-0 below +0; a NaN with
// the sign bit set below everything, without it above everything), by
// comparing orderKey integers: Go's wasm backend turns an integer maximum
// into a select, but a float comparison into a branch, and these branches
// are coin flips on real data. That is faster in the browser, though
// natively the pooling is slower, and though ProfileLayers, which repeats
// one input, shows it slower (the processor learns that input's branches).
// The max builtin is no way out: it is a call in the wasm build.
func maxPool2x2(out, in []float32, s Shape, lo layout) {
	lo.prepare(out, s.C)
	for c := 0; c < s.C; c++ {
		poolPlane(out[lo.off+c*lo.plane:], lo.stride, in[c*s.H*s.W:(c+1)*s.H*s.W], s.W, s.H, s.W)
	}
}

// poolPlane pools one h×w plane whose rows start stride apart in src (the
// first w of each row are the plane's), writing rows ⌈w/2⌉ long, dstStride
// apart, to dst.
func poolPlane(dst []float32, dstStride int, src []float32, stride, h, w int) {
	oh, ow := (h+1)/2, (w+1)/2
	fullW := w / 2 // output columns whose window is two wide
	for oy := 0; oy < oh; oy++ {
		r0 := src[2*oy*stride : 2*oy*stride+w]
		r1 := r0 // a last odd row pools with itself
		if 2*oy+1 < h {
			r1 = src[(2*oy+1)*stride : (2*oy+1)*stride+w]
		}
		d := dst[oy*dstStride : oy*dstStride+ow]
		ox := 0
		for ; ox+2 <= fullW; ox += 2 { // two windows per iteration: loops are dear in wasm
			a, b := r0[2*ox:2*ox+4:2*ox+4], r1[2*ox:2*ox+4:2*ox+4]
			d[ox] = fromOrderKey(maxKey(maxKey(orderKey(a[0]), orderKey(a[1])), maxKey(orderKey(b[0]), orderKey(b[1]))))
			d[ox+1] = fromOrderKey(maxKey(maxKey(orderKey(a[2]), orderKey(a[3])), maxKey(orderKey(b[2]), orderKey(b[3]))))
		}
		for ; ox < fullW; ox++ {
			a, b := r0[2*ox:2*ox+2:2*ox+2], r1[2*ox:2*ox+2:2*ox+2]
			d[ox] = fromOrderKey(maxKey(maxKey(orderKey(a[0]), orderKey(a[1])), maxKey(orderKey(b[0]), orderKey(b[1]))))
		}
		if fullW < ow { // odd width: the last window is one wide
			d[ow-1] = fromOrderKey(maxKey(orderKey(r0[w-1]), orderKey(r1[w-1])))
		}
	}
}

// maxKey is the larger of two keys. It is inlined, and Go compiles it to a
// select, not a branch (a helper taking four floats would be too big to
// inline, and a call per window is dear in wasm).
func maxKey(a, b int32) int32 {
	if b > a {
		return b
	}
	return a
}

// orderKey maps a float32 to an int32 whose order is IEEE 754's total
// order of the floats.
func orderKey(f float32) int32 {
	b := int32(math.Float32bits(f))
	return b ^ ((b >> 31) & 0x7fffffff)
}

// fromOrderKey inverts orderKey.
func fromOrderKey(k int32) float32 {
	return math.Float32frombits(uint32(k ^ ((k >> 31) & 0x7fffffff)))
}
