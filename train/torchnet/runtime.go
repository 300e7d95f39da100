//go:build gotch

package torchnet

import (
	"runtime"

	"github.com/sugarme/gotch/libtch"
	"github.com/sugarme/gotch/ts"
)

// Seed seeds libtorch's global random generators (parameter initialisation,
// randn, dropout), as torch.manual_seed does.
func Seed(seed int64) { libtch.AtManualSeed(seed) }

// SetThreads sets how many threads libtorch uses inside one op.
func SetThreads(n int) { libtch.AtSetNumThreads(n) }

// Threads is the number of threads libtorch uses inside one op.
func Threads() int { return libtch.AtGetNumThreads() }

// NoGrad runs f with gradient recording off, and turns it back on after.
// It replaces gotch v0.7.0's ts.NoGrad, which has two faults: it restores
// the "previous" state that GradSetEnabled returns, which is wrong (the Go
// wrapper reads a 4-byte C int as an 8-byte Go int, so it is rarely 1), and
// it does not lock the goroutine to its OS thread although libtorch's grad
// mode is per thread.
func NoGrad(f func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ts.MustGradSetEnabled(false)
	defer ts.MustGradSetEnabled(true)
	f()
}
