// Package hostile makes the hostile inputs that the tests throw at the
// app: files that are valid, small and within every per-field limit, yet
// would cost minutes or gigabytes if nothing bounded the work they cause
// (issue #14). Each is made by code rather than committed as a file.
package hostile

import (
	"bytes"
	"encoding/binary"
	mbits "math/bits"
)

// ProgressiveJPEG writes a valid greyscale progressive JPEG of w×h pixels
// (w and h multiples of 8) whose every coefficient is zero, with one DC
// scan and then acScans first-pass AC scans, each of which says "all
// blocks empty" in a few bytes: a small file whose decoding passes over
// every block once per scan. With 6000×6000 and 1000 scans (115 KB) it is
// the CPU bomb of issue #14.2; with about ten scans it is an ordinary
// progressive JPEG of a mid-grey image.
func ProgressiveJPEG(w, h, acScans int) []byte {
	var b bytes.Buffer
	segment := func(marker byte, body ...byte) {
		b.Write([]byte{0xFF, marker})
		_ = binary.Write(&b, binary.BigEndian, uint16(len(body)+2))
		b.Write(body)
	}
	b.Write([]byte{0xFF, 0xD8})
	q := make([]byte, 65)
	for i := 1; i < 65; i++ {
		q[i] = 1
	}
	segment(0xDB, q...)
	segment(0xC2, 8, byte(h>>8), byte(h), byte(w>>8), byte(w), 1, 1, 0x11, 0)
	// DC table 0: one code, "0", for a difference of 0.
	segment(0xC4, append([]byte{0x00, 1}, append(make([]byte, 15), 0)...)...)
	// AC table 0: the end-of-band runs EOB14 … EOB0 (symbol k<<4: a run of
	// 2^k blocks plus k extra bits), EOBk coded as 14-k ones and a zero.
	ac := []byte{0x10}
	for range 15 {
		ac = append(ac, 1)
	}
	ac = append(ac, 0)
	for k := 14; k >= 0; k-- {
		ac = append(ac, byte(k<<4))
	}
	segment(0xC4, ac...)
	blocks := (w / 8) * (h / 8)
	var bits bitWriter
	segment(0xDA, 1, 1, 0x00, 0, 0, 0)
	for range blocks {
		bits.put(0, 1)
	}
	b.Write(bits.flush())
	for range acScans {
		segment(0xDA, 1, 1, 0x00, 1, 63, 0)
		for left := blocks; left > 0; {
			run := min(left, 1<<15-1)
			k := mbits.Len(uint(run)) - 1
			bits.put(1<<(15-k)-2, uint(15-k)) // 14-k ones, then a zero
			bits.put(uint32(run-1<<k), uint(k))
			left -= run
		}
		b.Write(bits.flush())
	}
	b.Write([]byte{0xFF, 0xD9})
	return b.Bytes()
}

// bitWriter packs Huffman bits, most significant first, with JPEG's byte
// stuffing.
type bitWriter struct {
	out   []byte
	acc   uint64
	nbits uint
}

func (w *bitWriter) put(v uint32, n uint) {
	w.acc = w.acc<<n | uint64(v)&(1<<n-1)
	w.nbits += n
	for w.nbits >= 8 {
		c := byte(w.acc >> (w.nbits - 8))
		w.out = append(w.out, c)
		if c == 0xFF {
			w.out = append(w.out, 0)
		}
		w.nbits -= 8
	}
}

// flush pads the last byte with ones and returns the bytes so far.
func (w *bitWriter) flush() []byte {
	if w.nbits > 0 {
		w.put(1<<(8-w.nbits)-1, 8-w.nbits)
	}
	out := w.out
	w.out, w.acc, w.nbits = nil, 0, 0
	return out
}
