package digitprep

// The package registers no decoders: its tests read the formats the
// native tools and tests use.
import (
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
)
