package main

import (
	"strings"
	"testing"
)

// TestJobHelp checks that -h after a command with jobs (eval, bench)
// prints its usage and the jobs, and exits 0, instead of calling "-h" an
// unknown suite.
func TestJobHelp(t *testing.T) {
	for _, tc := range []struct{ cmd, want string }{
		{"eval", "Usage: wiretrace eval SUITE"},
		{"bench", "Usage: wiretrace bench JOB"},
	} {
		for _, flag := range []string{"-h", "--help"} {
			t.Run(tc.cmd+" "+flag, func(t *testing.T) {
				code, out, errs := runCLI(t, "", tc.cmd, flag)
				if code != 0 || !strings.Contains(errs, tc.want) || strings.Contains(errs+out, "unknown") {
					t.Errorf("exit %d, stderr %q; want 0 and %q", code, errs, tc.want)
				}
			})
		}
	}
}

// TestJobFlagsFirst checks that a job's flags may come before its name.
func TestJobFlagsFirst(t *testing.T) {
	for _, args := range [][]string{
		{"eval", "clusters", "--data", "/nonexistent-eval"},
		{"eval", "--data", "/nonexistent-eval", "clusters"},
	} {
		code, _, errs := runCLI(t, "", args...)
		if code != 1 || !strings.Contains(errs, "nonexistent-eval") {
			t.Errorf("%q: exit %d, stderr %q; want 1 and the missing folder", args, code, errs)
		}
	}
	if code, _, errs := runCLI(t, "", "eval", "--json", "frob"); code != 2 || !strings.Contains(errs, "unknown suite") {
		t.Errorf("unknown suite after a flag: exit %d, stderr %q", code, errs)
	}
}
