package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// GotchVersion is the gotch release this patch is written for.
const GotchVersion = "v0.7.0"

// expectedSHA256 pins the three files the patch rewrites, as gotch v0.7.0
// ships them. Any other content means another gotch, and the patch stops.
var expectedSHA256 = map[string]string{
	"libtch/lib.go":                    "895aa50710ea4ffbf8034f10dbb4a342e1133f34ce4a3bf866f6b8c2a31cf68d",
	"libtch/torch_api_generated.cpp.h": "8971262ed6dfdf73ce85407e449167234fc008e6edeeeb7037c933b98ba3901e",
	"ts/tensor-generated.go":           "23f80dbbb02c11fc4a6c15c5f1708ee32506005404a4cc696d874ab4f596884a",
}

// outputSlots is how many wrappers in ts/tensor-generated.go allocate a
// C array for their outputs with C.malloc(0), never freed: 1,666 with one
// output (ptr) and 154 with several (ctensorPtr0, at most 5 outputs).
var outputSlots = []struct {
	name  string
	count int
}{{"ptr", 1666}, {"ctensorPtr0", 154}}

// fixOutputSlots makes each of those allocations large enough for the
// outputs libtorch writes into it (64 bytes: 8 tensor handles; malloc(0)
// leaves no room, so the write overruns the heap block) and frees it when
// the wrapper returns (gotch leaks it: about 32 bytes per op, megabytes per
// training epoch). The wrappers copy the handles out before they return, so
// the array is not needed after.
func fixOutputSlots(src []byte) ([]byte, error) {
	s := string(src)
	for _, slot := range outputSlots {
		name, want := slot.name, slot.count
		old := "  " + name + " := (*lib.Ctensor)(unsafe.Pointer(C.malloc(0)))\n"
		if got := strings.Count(s, old); got != want {
			return nil, fmt.Errorf("ts/tensor-generated.go has %d output allocations of %s, want %d: not gotch %s's file", got, name, want, GotchVersion)
		}
		s = strings.ReplaceAll(s, old, "  "+name+" := (*lib.Ctensor)(unsafe.Pointer(C.malloc(64)))\n  defer C.free(unsafe.Pointer("+name+"))\n")
	}
	return []byte(s), nil
}

// Unavailable lists the generated wrappers of gotch v0.7.0 (made for
// libtorch 1.11) that do not compile against libtorch 1.13.1: the ops were
// removed or changed their signature. Found with
// `g++ -fsyntax-only -std=c++14 torch_api.cpp` against Debian's libtorch-dev.
var Unavailable = []string{
	"atg__cat", "atg__cat_out", "atg__det_lu_based_helper", "atg__det_lu_based_helper_backward_helper",
	"atg__linalg_inv_out_helper_", "atg__linalg_qr_helper", "atg__s_where", "atg__segment_reduce_backward",
	"atg__solve_helper", "atg__weight_norm_cuda_interface", "atg__weight_norm_cuda_interface_backward",
	"atg_arange_start_out", "atg_bernoulli_out", "atg_binary_cross_entropy_with_logits_backward",
	"atg_col2im_backward", "atg_col2im_backward_grad_input", "atg_eig", "atg_eig_e",
	"atg_grid_sampler_3d_backward", "atg_im2col_backward", "atg_im2col_backward_grad_input",
	"atg_kl_div_backward", "atg_l1_loss_backward", "atg_l1_loss_backward_grad_input", "atg_l1_loss_out",
	"atg_lstsq", "atg_lstsq_x", "atg_matrix_rank", "atg_matrix_rank_tol", "atg_max_unpool2d_backward",
	"atg_max_unpool2d_backward_grad_input", "atg_max_unpool3d_backward", "atg_max_unpool3d_backward_grad_input",
	"atg_nansum", "atg_normal", "atg_segment_reduce", "atg_solve", "atg_solve_solution",
}

// checkPinned fails unless content is the pinned version of file.
func checkPinned(file string, content []byte) error {
	want, ok := expectedSHA256[file]
	if !ok {
		return fmt.Errorf("%s is not a file this patch rewrites", file)
	}
	sum := sha256.Sum256(content)
	if got := hex.EncodeToString(sum[:]); got != want {
		return fmt.Errorf("%s is not gotch %s's (sha256 %s, want %s): this patch is only for that release", file, GotchVersion, got, want)
	}
	return nil
}

// stubFunctions replaces the body of each named wrapper in a generated
// torch_api file with one that reports an error through gotch's usual
// channel (PROTECT sets torch_last_err, which the Go side returns as an
// error). Each name must open exactly one definition "void NAME(" at the
// start of a line, closed by the next "}" alone on a line.
func stubFunctions(src []byte, names []string) ([]byte, error) {
	lines := strings.SplitAfter(string(src), "\n")
	for _, name := range names {
		start := -1
		for i, l := range lines {
			if strings.HasPrefix(l, "void "+name+"(") {
				if start >= 0 {
					return nil, fmt.Errorf("wrapper %s is defined more than once", name)
				}
				start = i
			}
		}
		if start < 0 {
			return nil, fmt.Errorf("wrapper %s not found: the generated file is not the expected one", name)
		}
		if !strings.HasSuffix(strings.TrimRight(lines[start], "\n"), "{") {
			return nil, fmt.Errorf("wrapper %s: its signature does not end its first line with '{'", name)
		}
		end := -1
		for i := start + 1; i < len(lines); i++ {
			if strings.TrimRight(lines[i], "\n") == "}" {
				end = i
				break
			}
		}
		if end < 0 {
			return nil, fmt.Errorf("wrapper %s has no closing brace", name)
		}
		body := fmt.Sprintf("  PROTECT(\n    throw std::runtime_error(\"%s is not available: gotch %s was generated for libtorch 1.11 and this op changed in the libtorch it is built against\");\n  )\n",
			name, GotchVersion)
		lines = append(lines[:start+1], append([]string{body}, lines[end:]...)...)
	}
	return []byte(strings.Join(lines, "")), nil
}

// libGo is the replacement for libtch/lib.go: it links the CPU libtorch
// found on the system (Debian's libtorch-dev puts it in the default library
// path) and, with cuda, the CUDA libraries gotch's original links. The C++
// ABI flag is left to the compiler's default, which is what Debian's
// libtorch is built with. torchVersion is the installed libtorch's
// torch/version.h, named by its hash.
func libGo(torchInclude string, cuda bool, torchVersion []byte) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by github.com/godae/dae/train/gotchpatch; DO NOT EDIT.\n\n")
	// Go's build cache does not see system headers change: naming the
	// installed libtorch's version.h here makes a libtorch upgrade a new
	// copy, compiled anew.
	fmt.Fprintf(&b, "// For the libtorch whose torch/version.h has SHA-256 %x.\n\n", sha256.Sum256(torchVersion))
	b.WriteString("package libtch\n\n")
	b.WriteString("// #cgo LDFLAGS: -lstdc++ -ltorch -lc10 -ltorch_cpu\n")
	if cuda {
		b.WriteString("// #cgo LDFLAGS: -L/usr/local/cuda/lib64 -lcuda -lcudart -lcublas -lcudnn -lnvrtc -lnvToolsExt -lc10_cuda -ltorch_cuda\n")
		b.WriteString("// #cgo CFLAGS: -I/usr/local/cuda/include\n")
	}
	b.WriteString("// #cgo CFLAGS: -I${SRCDIR} -O3 -Wall -Wno-unused-variable -Wno-deprecated-declarations -Wno-c++11-narrowing -Wno-sign-compare -Wno-unused-function\n")
	fmt.Fprintf(&b, "// #cgo CXXFLAGS: -std=c++14 -I${SRCDIR} -O2 -w -I%s\n", torchInclude)
	b.WriteString("import \"C\"\n")
	return b.Bytes()
}

// extraGo adds Go wrappers for three functions that gotch's C API has but
// its Go side does not expose: the global seed and the intra-op thread count.
var extraGo = []byte(`// Code generated by github.com/godae/dae/train/gotchpatch; DO NOT EDIT.

package libtch

// #include <stdbool.h>
// #include <stdint.h>
// #include "torch_api.h"
import "C"

// AtManualSeed seeds libtorch's global random generators.
func AtManualSeed(seed int64) { C.at_manual_seed(C.int64_t(seed)) }

// AtSetNumThreads sets the number of threads libtorch uses within an op.
func AtSetNumThreads(n int) { C.at_set_num_threads(C.int(n)) }

// AtGetNumThreads returns the number of threads libtorch uses within an op.
func AtGetNumThreads() int { return int(C.at_get_num_threads()) }
`)
