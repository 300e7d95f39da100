package e2e

// The native side of the upload tests decodes with Go's decoders.
import (
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
)
