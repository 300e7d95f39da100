//go:build gotch

package torchnet

// #cgo CXXFLAGS: -std=c++14 -O2 -w
// #cgo LDFLAGS: -lstdc++ -ltorch_cpu -lc10
// #include <stdlib.h>
// char *godae_torch_config();
import "C"

import (
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"unsafe"
)

// BuildConfig is libtorch's description of its build (at::show_config):
// its version, BLAS, oneDNN, and the CPU capability whose kernels it runs
// on this processor, such as "CPU capability usage: AVX512".
func BuildConfig() string {
	p := C.godae_torch_config()
	if p == nil {
		return "(libtorch's configuration could not be read)"
	}
	defer C.free(unsafe.Pointer(p))
	return C.GoString(p)
}

// Machine says which processor and libtorch kernels a result came from, for
// the messages of tests whose numbers depend on them: the processor's
// model and vector extensions, libtorch's version, the CPU capability whose
// kernels it runs here, and its threads.
func Machine() string {
	parts := []string{runtime.GOARCH + " " + cpuModel()}
	cfg := BuildConfig()
	for _, re := range []string{`TORCH_VERSION=[\w.]+`, `CPU capability usage: \S+`, `BLAS_INFO=\w+`, `USE_MKLDNN=\w+`} {
		if m := regexp.MustCompile(re).FindString(cfg); m != "" {
			parts = append(parts, m)
		}
	}
	return strings.Join(append(parts, "threads="+strconv.Itoa(Threads())), ", ")
}

// cpuModel is the processor's model name and its vector extensions, from
// /proc/cpuinfo where there is one.
func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "(processor unknown)"
	}
	var model string
	var ext []string
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "model name", "CPU part":
			if model == "" {
				model = strings.TrimSpace(v)
			}
		case "flags", "Features":
			if ext == nil {
				ext = []string{}
				for _, f := range strings.Fields(v) {
					if f == "avx2" || f == "fma" || f == "avx512f" || f == "avx512_bf16" || f == "avx512vnni" || f == "asimd" || f == "sve" {
						ext = append(ext, f)
					}
				}
			}
		}
	}
	return model + " [" + strings.Join(ext, " ") + "]"
}
