package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const generated = `// header
void atg_keep(tensor *out__, tensor self) {
  PROTECT(
    auto outputs__ = torch::keep(*self);
    out__[0] = new torch::Tensor(outputs__);
  )
}

void atg_gone(tensor *out__, tensor self, int64_t dim) {
  PROTECT(
    auto outputs__ = torch::gone(*self, dim);
    out__[0] = new torch::Tensor(outputs__);
  )
}

void atg_gone_out(tensor *out__, tensor out) {
  PROTECT(
    auto outputs__ = torch::gone_out(*out);
  )
}
`

func TestStubFunctionsReplacesOnlyNamedBodies(t *testing.T) {
	got, err := stubFunctions([]byte(generated), []string{"atg_gone"})
	require.NoError(t, err)
	s := string(got)
	assert.Contains(t, s, "torch::keep(*self)", "other wrappers are untouched")
	assert.Contains(t, s, "torch::gone_out(*out)", "a name that is a prefix of another does not match it")
	assert.NotContains(t, s, "torch::gone(*self, dim)")
	assert.Contains(t, s, "void atg_gone(tensor *out__, tensor self, int64_t dim) {\n  PROTECT(\n    throw std::runtime_error(\"atg_gone is not available")
	assert.Equal(t, strings.Count(generated, "\n}\n"), strings.Count(s, "\n}\n"), "every function stays closed")
}

func TestStubFunctionsFailsLoudly(t *testing.T) {
	_, err := stubFunctions([]byte(generated), []string{"atg_missing"})
	assert.EqualError(t, err, "wrapper atg_missing not found: the generated file is not the expected one")
	_, err = stubFunctions([]byte(generated+generated), []string{"atg_keep"})
	assert.EqualError(t, err, "wrapper atg_keep is defined more than once")
	_, err = stubFunctions([]byte("void atg_open(tensor x) {\n  PROTECT(\n"), []string{"atg_open"})
	assert.EqualError(t, err, "wrapper atg_open has no closing brace")
}

func TestCheckPinned(t *testing.T) {
	err := checkPinned("libtch/lib.go", []byte("package libtch\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "libtch/lib.go is not gotch v0.7.0's")
	assert.Len(t, Unavailable, 38)
}

func TestLibGoLinksCPUOnly(t *testing.T) {
	cpu := string(libGo("/usr/include/torch/csrc/api/include", false, []byte("v")))
	assert.Contains(t, cpu, "-ltorch_cpu")
	assert.Contains(t, cpu, "-I/usr/include/torch/csrc/api/include")
	assert.NotContains(t, cpu, "cuda")
	assert.Contains(t, string(libGo("/x", true, []byte("v"))), "-ltorch_cuda")
}

func TestFixOutputSlots(t *testing.T) {
	one := "  ptr := (*lib.Ctensor)(unsafe.Pointer(C.malloc(0)))\n"
	many := "  ctensorPtr0 := (*lib.Ctensor)(unsafe.Pointer(C.malloc(0)))\n"
	src := strings.Repeat(one, 1666) + strings.Repeat(many, 154)
	got, err := fixOutputSlots([]byte(src))
	require.NoError(t, err)
	assert.NotContains(t, string(got), "malloc(0)")
	assert.Equal(t, 1666, strings.Count(string(got), "  defer C.free(unsafe.Pointer(ptr))\n"))
	assert.Equal(t, 154, strings.Count(string(got), "  defer C.free(unsafe.Pointer(ctensorPtr0))\n"))
	_, err = fixOutputSlots([]byte(one))
	assert.ErrorContains(t, err, "has 1 output allocations of ptr, want 1666")
}
