//go:build gotch

package torchnet

import "github.com/sugarme/gotch/libtch"

// Seed seeds libtorch's global random generators (parameter initialisation,
// randn, dropout), as torch.manual_seed does.
func Seed(seed int64) { libtch.AtManualSeed(seed) }

// SetThreads sets how many threads libtorch uses inside one op.
func SetThreads(n int) { libtch.AtSetNumThreads(n) }

// Threads is the number of threads libtorch uses inside one op.
func Threads() int { return libtch.AtGetNumThreads() }
