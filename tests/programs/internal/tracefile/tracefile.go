// SPDX-License-Identifier: GPL-3.0-or-later

// Package tracefile holds the few lines every fixture program shares:
// take the output path from the command line, start runtime/trace
// into it, and make sure the program cannot run away.
package tracefile

import (
	"fmt"
	"os"
	"runtime/trace"
	"strconv"
	"time"
)

// Limit bounds the run time of every fixture program. The benchmarks,
// which write traces ten times larger, raise it with TRACEFILE_LIMIT_S.
var Limit = 60 * time.Second

func init() {
	if s, err := strconv.Atoi(os.Getenv("TRACEFILE_LIMIT_S")); err == nil && s > 0 {
		Limit = time.Duration(s) * time.Second
	}
}

// Start creates the trace file named by the first command-line argument
// and starts tracing into it. The returned function stops tracing and
// closes the file; call it before main returns.
func Start(name string) func() {
	if len(os.Args) < 2 {
		fmt.Fprintf(os.Stderr, "usage: %s OUT.trace\n", name)
		os.Exit(2)
	}
	Watchdog(name)
	f, err := os.Create(os.Args[1])
	if err != nil {
		Fatal(err)
	}
	if err := trace.Start(f); err != nil {
		Fatal(err)
	}
	return func() {
		trace.Stop()
		if err := f.Close(); err != nil {
			Fatal(err)
		}
	}
}

// Watchdog ends the process if it runs longer than Limit.
func Watchdog(name string) {
	time.AfterFunc(Limit, func() {
		fmt.Fprintf(os.Stderr, "%s: still running after %v, giving up\n", name, Limit)
		os.Exit(3)
	})
}

// Fatal reports err and exits.
func Fatal(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
