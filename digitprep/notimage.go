package digitprep

import (
	"bytes"
	"fmt"
)

// NotImage is ErrNotImage for data, saying what the file seems to be when
// it is a kind people give for a picture but that cannot be read (an SVG
// drawing, an iPhone's HEIC photo, a PDF), and what to do instead: "not an
// image" alone leaves a person who gave a picture wondering what is wrong.
func NotImage(data []byte) error {
	if kind, advice := otherKind(data); kind != "" {
		return fmt.Errorf("%w (this file is %s: %s)", ErrNotImage, kind, advice)
	}
	return ErrNotImage
}

// IsSVG says whether data is an SVG drawing, which a browser shows but
// cannot decode into pixels as it does a picture.
func IsSVG(data []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 1024)], []byte("\xef\xbb\xbf")), " \t\r\n")
	return bytes.HasPrefix(head, []byte("<svg")) ||
		(bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<!DOCTYPE svg"))) && bytes.Contains(head, []byte("<svg"))
}

// otherKind is what data seems to be, from its first bytes, and what to do
// instead, when it is a kind of file people give for a picture that the
// page cannot read; "" when it is none of those.
func otherKind(data []byte) (kind, advice string) {
	const asPNG = "save or export it as PNG or JPEG"
	switch {
	case IsSVG(data):
		return "an SVG drawing, not pixels", "export it as PNG, or take a screenshot of it"
	case len(data) >= 12 && string(data[4:8]) == "ftyp" && isHEIF(string(data[8:12])):
		return "a HEIC photo, as phones save them", "export it as JPEG (on an iPhone, Settings › Camera › Formats › Most Compatible takes JPEGs)"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "a PDF document", "take a screenshot of the digit, or " + asPNG
	case bytes.HasPrefix(data, []byte("II*\x00")) || bytes.HasPrefix(data, []byte("MM\x00*")):
		return "a TIFF image", asPNG
	}
	return "", ""
}

// isHEIF says whether an ISO media file's major brand is one of HEIF's
// (HEIC and the like), which browsers other than Safari do not decode.
func isHEIF(brand string) bool {
	switch brand {
	case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1":
		return true
	}
	return false
}
