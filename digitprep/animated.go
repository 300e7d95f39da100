package digitprep

import (
	"bytes"
	"encoding/binary"
)

// Animated says whether data is an animated picture (a GIF of more than
// one frame, an animated PNG or WebP), from its structure alone: a browser
// shows such a file playing, while a decoder gives its first frame, so a
// program that shows the file beside what it made of it says which frame
// it read. Its work is one walk over the file's blocks or chunks.
func Animated(data []byte) bool {
	switch {
	case bytes.HasPrefix(data, []byte("GIF87a")) || bytes.HasPrefix(data, []byte("GIF89a")):
		return gifFrames(data) > 1
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return apng(data)
	case len(data) >= 21 && string(data[:4]) == "RIFF" && string(data[8:16]) == "WEBPVP8X":
		return data[20]&0x02 != 0 // the extended header's animation flag
	}
	return false
}

// gifFrames counts a GIF's images, up to 2 (all Animated needs), walking
// its blocks: each extension and image is a run of sub-blocks, each led by
// its length, ended by a 0.
func gifFrames(data []byte) int {
	const header = 13 // signature, screen size, flags, background, aspect
	if len(data) < header {
		return 0
	}
	i := header + colourTable(data[10])
	frames := 0
	for i < len(data) && frames < 2 {
		switch data[i] {
		case 0x21: // an extension: its label, then sub-blocks
			i += 2
		case 0x2c: // an image: its descriptor, its colour table, the LZW code size, then sub-blocks
			if i+10 > len(data) {
				return frames
			}
			frames++
			i += 10 + colourTable(data[i+9]) + 1
		default: // the trailer, or not a GIF's block
			return frames
		}
		for i < len(data) && data[i] != 0 {
			i += int(data[i]) + 1
		}
		i++ // the sub-blocks' end
	}
	return frames
}

// colourTable is the length of the colour table a GIF's flags byte
// declares (its top bit says whether there is one, its low three bits
// its size).
func colourTable(flags byte) int {
	if flags&0x80 == 0 {
		return 0
	}
	return 3 << (flags&0x07 + 1)
}

// apng says whether a PNG has an animation control chunk (acTL) of more
// than one frame, which APNG puts before the image data.
func apng(data []byte) bool {
	for i := 8; i+8 <= len(data); {
		n, kind := int(binary.BigEndian.Uint32(data[i:])), string(data[i+4:i+8])
		switch {
		case kind == "acTL":
			return i+12 <= len(data) && binary.BigEndian.Uint32(data[i+8:]) > 1
		case kind == "IDAT", n < 0 || n > len(data):
			return false
		}
		i += 12 + n // length, kind, data, CRC
	}
	return false
}
