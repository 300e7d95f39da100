package digitprep

import "fmt"

// MaxScanPixels bounds the work of decoding a JPEG: its pixels times its
// scans. A progressive JPEG is decoded in passes (scans) over the whole
// image, and each pass costs about as much as decoding a baseline image of
// that size, however little it holds: a 115 KB file of a thousand empty
// scans over 6000×6000 pixels costs what a thousand photos do. Encoders
// write one scan (baseline) or about ten (progressive); the limit allows 32
// at the largest size, and more for smaller images.
const MaxScanPixels = 32 * MaxPixels

// CheckScans refuses a JPEG whose scans times pixels exceed MaxScanPixels,
// reading only its markers; data of other formats passes. Decode calls it;
// a program that decodes by other means (the browser app) calls
// CheckHeader, which does it too.
func CheckScans(data []byte) error { return scanWork(jpegScans(data)) }

// scanWork refuses a JPEG of w×h pixels and that many scans whose work
// exceeds MaxScanPixels.
func scanWork(w, h, scans int) error {
	if work := int64(w) * int64(h) * int64(scans); work > MaxScanPixels {
		return fmt.Errorf("the JPEG has %d scans of %d×%d pixels, %.1f billion pixel passes to decode; the limit is %.2f billion (a photo has 1 to about 10 scans)",
			scans, w, h, float64(work)/1e9, float64(MaxScanPixels)/1e9)
	}
	return nil
}

// jpegScans reads the frame size and counts the scans (SOS markers) of
// JPEG data by walking its marker segments, skipping each by its length,
// and the entropy-coded data after a scan header byte by byte to the next
// marker, as a decoder finds it. It stops at the end of the image. Data
// that is not a JPEG has no scans.
func jpegScans(data []byte) (w, h, scans int) {
	if len(data) < 2 || data[0] != 0xFF || data[1] != 0xD8 {
		return 0, 0, 0
	}
	for i := 2; i+1 < len(data); {
		if data[i] != 0xFF {
			i++ // entropy-coded data
			continue
		}
		m := data[i+1]
		switch {
		case m == 0xFF: // fill byte
			i++
			continue
		case m == 0x00 || m == 0x01 || (m >= 0xD0 && m <= 0xD7): // stuffed 0xFF, TEM, RSTn: no length
			i += 2
			continue
		case m == 0xD9: // end of image
			return w, h, scans
		}
		if i+3 >= len(data) {
			break
		}
		n := int(data[i+2])<<8 | int(data[i+3])
		body := data[i+4 : min(len(data), i+2+max(n, 2))]
		switch {
		case m == 0xDA:
			scans++
		case m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC: // start of frame
			if len(body) >= 5 {
				h = int(body[1])<<8 | int(body[2])
				w = int(body[3])<<8 | int(body[4])
			}
		}
		i += 2 + max(n, 2)
	}
	return w, h, scans
}
