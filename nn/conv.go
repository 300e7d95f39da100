package nn

import "math"

// conv3x3 runs the convolution step st: a 3×3 convolution with stride 1,
// the bias added and the activation applied. in is (C,H,W) with shape
// st.in, the weights are (O,C,3,3), the bias (O), out is (O,H',W') where
// H',W' = H,W for 'same' (zero padding 1) and H-2,W-2 for 'valid'. This is
// cross-correlation, as in libtorch and Keras. conv3x3Ref is the same
// computation written as its definition.
//
// out is written in layout st.lo (padded when a 'same' convolution comes
// next); st.inPadded says in is already padded, with slack after it. With
// st.pool, the 2×2 max pooling that follows runs in the same pass (see
// Model.plan) and out is the pooled map.
//
// How it is fast without SIMD: a 'same' convolution reads its input padded,
// (C,H+2,W+2) with a zero border, so that no loop tests bounds: the previous
// layer wrote it so, or it is copied into pad here. An
// output channel is then accumulated in acc at the padded width: output
// (y,x) sits at y·W'+x where W' is the padded row length, so every tap of
// one input channel is one shifted, contiguous run of that channel, and the
// nine taps are summed in one loop over the whole plane (not one short loop
// per row), eight neighbouring positions per iteration (see convRows). The
// two columns at the end of each row of acc, and the up to seven positions
// after the last one, are garbage and are skipped when acc is copied out
// with the bias and activation.
//
// Fat iterations matter most in the browser: Go's wasm backend turns every
// jump into a trip through the function's dispatch loop, so fewer, fuller
// iterations are faster. Eight positions per iteration beat one, four, six
// and twelve (twelve spills registers: Go's wasm code has sixteen float32
// locals), and keeping the eight sums in registers across all input
// channels was no faster (docs/performance.md has the numbers for one,
// four and eight; the others were measured once, not kept).
func conv3x3(out, in []float32, st *step, pad, acc []float32) {
	s, w, b, o, act, lo := st.in, st.w, st.b, st.Out, st.Activation, st.lo
	valid := st.Padding == PaddingValid
	sh, sw := s.H, s.W
	if !valid {
		sh, sw = s.H+2, s.W+2
	}
	area := sh * sw
	var src []float32
	switch {
	case st.inPadded: // the previous layer wrote it padded, with slack after it
		src = in[:s.C*area+slack]
	case valid:
		src = pad[:s.C*area+slack]
		copy(src, in[:s.C*area])
	default:
		src = pad[:s.C*area+slack]
		padCopy(src, in, s)
	}
	oh, ow := sh-2, sw-2
	n := (oh-1)*sw + ow   // acc positions that hold outputs, garbage columns between rows included
	n8 := (n + 7) / 8 * 8 // rounded up to whole blocks of eight; the slack keeps the reads in src
	sum := acc[:n8]
	lo.prepare(out, o)
	for oc := 0; oc < o; oc++ {
		for i := range sum {
			sum[i] = 0
		}
		for c := 0; c < s.C; c++ {
			k := w[(oc*s.C+c)*9 : (oc*s.C+c)*9+9]
			base := c * area
			convRows(sum, src[base:base+n8+2], src[base+sw:base+sw+n8+2], src[base+2*sw:base+2*sw+n8+2], k)
		}
		if st.pool == nil {
			store(out, lo, oc, plane{sum, oh, ow, sw}, b[oc], act)
			continue
		}
		// Pool the sums, then add the bias and apply the activation to the
		// maxima only: max(f(v+b)) = f(max(v)+b) exactly, as f (ReLU or
		// none) and rounding are monotone.
		ph, pw := (oh+1)/2, (ow+1)/2
		pooled := acc[n8 : n8+ph*pw]
		poolPlane(pooled, pw, sum, sw, oh, ow)
		store(out, lo, oc, plane{pooled, ph, pw, pw}, b[oc], act)
	}
}

// plane is an h×w plane whose rows start stride apart in v.
type plane struct {
	v            []float32
	h, w, stride int
}

// store writes output channel oc to out in layout lo: v+bias for each
// value v of sums, through the activation act. It goes four values per
// iteration and has no call per row (but for the sigmoid of a last layer):
// both are dear in wasm.
func store(out []float32, lo layout, oc int, sums plane, bias float32, act Activation) {
	relu := act == ActReLU
	for y := 0; y < sums.h; y++ {
		d, s := lo.row(out, oc, y, sums.w), sums.v[y*sums.stride:y*sums.stride+sums.w]
		x := 0
		if relu {
			for ; x+4 <= len(d); x += 4 {
				d, s := d[x:x+4:x+4], s[x:x+4:x+4]
				d[0], d[1], d[2], d[3] = reLU(s[0]+bias), reLU(s[1]+bias), reLU(s[2]+bias), reLU(s[3]+bias)
			}
			for ; x < len(d); x++ {
				d[x] = reLU(s[x] + bias)
			}
			continue
		}
		for ; x+4 <= len(d); x += 4 {
			d, s := d[x:x+4:x+4], s[x:x+4:x+4]
			d[0], d[1], d[2], d[3] = s[0]+bias, s[1]+bias, s[2]+bias, s[3]+bias
		}
		for ; x < len(d); x++ {
			d[x] = s[x] + bias
		}
		if act == ActSigmoid {
			sigmoids(d)
		}
	}
}

// reLU is max(v, 0) without a branch: (v+|v|)/2, exact in float64. Go's
// wasm backend turns a branch into a jump through the function's dispatch
// loop and the max builtin into a call, so this is the fast form there.
func reLU(v float32) float32 {
	return float32((float64(v) + math.Abs(float64(v))) * 0.5)
}

// slack is how many values past the last channel conv3x3's blocks of four
// may read.
const slack = 8

// convRows adds one input channel's nine taps to sum, eight positions at a
// time: position x reads r0[x:x+3], r1[x:x+3] and r2[x:x+3], so eight
// neighbours share ten loads per kernel row, and the row's three weights
// are loaded once for them. The three kernel rows are written out, not a
// loop: a loop's jumps are dear in the wasm build.
func convRows(sum, r0, r1, r2, k []float32) {
	k = k[:9]
	for x := 0; x+8 <= len(sum); x += 8 {
		s := sum[x : x+8 : x+8]
		s0, s1, s2, s3, s4, s5, s6, s7 := s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]
		var p []float32
		var a, b, c float32
		p = r0[x : x+10 : x+10]
		a, b, c = k[0], k[1], k[2]
		s0 += a*p[0] + b*p[1] + c*p[2]
		s1 += a*p[1] + b*p[2] + c*p[3]
		s2 += a*p[2] + b*p[3] + c*p[4]
		s3 += a*p[3] + b*p[4] + c*p[5]
		s4 += a*p[4] + b*p[5] + c*p[6]
		s5 += a*p[5] + b*p[6] + c*p[7]
		s6 += a*p[6] + b*p[7] + c*p[8]
		s7 += a*p[7] + b*p[8] + c*p[9]
		p = r1[x : x+10 : x+10]
		a, b, c = k[3], k[4], k[5]
		s0 += a*p[0] + b*p[1] + c*p[2]
		s1 += a*p[1] + b*p[2] + c*p[3]
		s2 += a*p[2] + b*p[3] + c*p[4]
		s3 += a*p[3] + b*p[4] + c*p[5]
		s4 += a*p[4] + b*p[5] + c*p[6]
		s5 += a*p[5] + b*p[6] + c*p[7]
		s6 += a*p[6] + b*p[7] + c*p[8]
		s7 += a*p[7] + b*p[8] + c*p[9]
		p = r2[x : x+10 : x+10]
		a, b, c = k[6], k[7], k[8]
		s0 += a*p[0] + b*p[1] + c*p[2]
		s1 += a*p[1] + b*p[2] + c*p[3]
		s2 += a*p[2] + b*p[3] + c*p[4]
		s3 += a*p[3] + b*p[4] + c*p[5]
		s4 += a*p[4] + b*p[5] + c*p[6]
		s5 += a*p[5] + b*p[6] + c*p[7]
		s6 += a*p[6] + b*p[7] + c*p[8]
		s7 += a*p[7] + b*p[8] + c*p[9]
		s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7] = s0, s1, s2, s3, s4, s5, s6, s7
	}
}

// accLen is the size of the acc buffer conv3x3 needs for an input of
// shape s: the sums, in whole blocks of eight, and room for them pooled.
func accLen(s Shape, valid bool) int {
	h, w, stride := s.H, s.W, s.W+2
	if valid {
		h, w, stride = s.H-2, s.W-2, s.W
	}
	return h*stride + 8 + ((h+1)/2)*((w+1)/2)
}

// padCopy copies in, (C,H,W) with shape s, into dst, (C,H+2,W+2), with a
// border of zeros.
func padCopy(dst, in []float32, s Shape) {
	pw := s.W + 2
	for i := range dst {
		dst[i] = 0
	}
	for c := 0; c < s.C; c++ {
		for y := 0; y < s.H; y++ {
			row := dst[(c*(s.H+2)+y+1)*pw+1:]
			copy(row[:s.W], in[(c*s.H+y)*s.W:(c*s.H+y+1)*s.W])
		}
	}
}

// padLen is the size of the pad buffer conv3x3 needs for an input of shape
// s.
func padLen(s Shape, valid bool) int {
	if valid {
		return s.Len() + slack
	}
	return s.C*(s.H+2)*(s.W+2) + slack
}
