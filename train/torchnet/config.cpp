//go:build gotch

// libtorch's description of its build and of the kernels it picked for this
// processor (at::show_config), for test failures that depend on them.
#include <ATen/Version.h>
#include <cstdlib>
#include <cstring>

extern "C" char *godae_torch_config() {
	std::string s = at::show_config();
	char *out = static_cast<char *>(std::malloc(s.size() + 1));
	if (out != nullptr) {
		std::memcpy(out, s.c_str(), s.size() + 1);
	}
	return out;
}
