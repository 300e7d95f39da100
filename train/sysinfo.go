//go:build gotch

package main

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// procStatusMiB reads a memory field (VmRSS, VmHWM) of /proc/self/status in
// MiB; 0 where /proc is not there.
func procStatusMiB(field string) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// rssMiB is the resident memory now.
func rssMiB() float64 { return procStatusMiB("VmRSS") }

// peakRSSMiB is the largest resident memory so far.
func peakRSSMiB() float64 { return procStatusMiB("VmHWM") }

// gitCommit is the commit of the working tree, with "+dirty" when it has
// uncommitted changes, or "unknown" outside a git checkout.
func gitCommit() string {
	out, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	commit := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		commit += "+dirty"
	}
	return commit
}
