package digitprep

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode"
	"unicode/utf8"
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
		return "a HEIC photo, as phones save them", "export it as JPEG; an iPhone or iPad takes JPEGs with Settings › Camera › Formats › Most Compatible"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "a PDF document", "take a screenshot of the digit, or " + asPNG
	case bytes.HasPrefix(data, []byte("II*\x00")) || bytes.HasPrefix(data, []byte("MM\x00*")):
		return "a TIFF image", asPNG
	case isText(data):
		return "text, not a picture", "choose the picture's own file"
	}
	return "", ""
}

// isText says whether data begins as text does: valid UTF-8 with no
// control characters but line breaks and tabs.
func isText(data []byte) bool {
	head := data[:min(len(data), 512)]
	for i := 0; i < utf8.UTFMax-1 && len(data) > len(head) && !utf8.Valid(head); i++ {
		head = head[:len(head)-1] // the head may end inside a rune
	}
	if len(head) == 0 || !utf8.Valid(head) {
		return false
	}
	for _, r := range string(head) {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return false
		}
	}
	return true
}

// CheckHeader is CheckScans, and CheckSize of the size a PNG, GIF or JPEG
// file's header declares, from its bytes alone (a JPEG's markers walked
// once for both): a program that has the image decoded by other means (the
// browser app) learns of a file too large, or of no pixels, before that
// decoder, which refuses such a file without saying why. Other data passes.
func CheckHeader(data []byte) error {
	w, h, scans := jpegScans(data)
	if err := scanWork(w, h, scans); err != nil {
		return err
	}
	ok := w > 0 || h > 0
	switch {
	case ok:
	case len(data) >= 24 && bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) && string(data[12:16]) == "IHDR":
		w, h, ok = int(binary.BigEndian.Uint32(data[16:20])), int(binary.BigEndian.Uint32(data[20:24])), true
	case len(data) >= 10 && (bytes.HasPrefix(data, []byte("GIF87a")) || bytes.HasPrefix(data, []byte("GIF89a"))):
		w, h, ok = int(binary.LittleEndian.Uint16(data[6:8])), int(binary.LittleEndian.Uint16(data[8:10])), true
	}
	if !ok {
		return nil
	}
	return CheckSize(w, h)
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
