// SPDX-License-Identifier: GPL-3.0-or-later

// Command cpuprof runs a CPU profile (runtime/pprof) at the same time as
// the execution trace, with busy loops on two goroutines for about
// 200 ms, so the trace holds CPU samples with stacks.
//
// Usage: cpuprof OUT.trace
package main

import (
	"io"
	"runtime/pprof"
	"sync"
	"time"

	"golanes.test/programs/internal/tracefile"
)

var sink [2]uint64

//go:noinline
func hot(seed uint64) uint64 {
	x := seed
	for i := 0; i < 1000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

//go:noinline
func warm(id int, until time.Time) {
	for time.Now().Before(until) {
		sink[id] += hot(sink[id] + 1)
	}
}

func main() {
	stop := tracefile.Start("cpuprof")
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		tracefile.Fatal(err)
	}
	until := time.Now().Add(200 * time.Millisecond)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			warm(id, until)
		}(i)
	}
	wg.Wait()
	pprof.StopCPUProfile()
	stop()
}
