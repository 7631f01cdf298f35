// SPDX-License-Identifier: GPL-3.0-or-later

// Command cpuregions runs a CPU profile while tracing, with busy work
// inside user tasks and regions, so that CPU samples fall in and out of
// regions of known types: each of 3 goroutines runs 8 "request" tasks,
// each with a "parse" region (hashing) and a nested "render" region
// (sorting) and some work outside any region.  The work is a fixed
// number of iterations, so every machine gets about the same trace.
//
// Usage: cpuregions OUT.trace
package main

import (
	"context"
	"crypto/sha256"
	"io"
	"runtime/pprof"
	"runtime/trace"
	"sort"
	"sync"

	"golanes.test/programs/internal/tracefile"
)

var sink [3]byte

//go:noinline
func parse(id, n int) {
	buf := make([]byte, 4096)
	for i := 0; i < n; i++ {
		buf[i%len(buf)]++
		s := sha256.Sum256(buf)
		sink[id] ^= s[0]
	}
}

//go:noinline
func render(id, n int) {
	for i := 0; i < n; i++ {
		a := make([]int, 2000)
		for j := range a {
			a[j] = (j * 7919) % 2003
		}
		sort.Ints(a)
		sink[id] ^= byte(a[i%len(a)])
	}
}

//go:noinline
func outside(id, n int) {
	parse(id, n)
}

func main() {
	stop := tracefile.Start("cpuregions")
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		tracefile.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for r := 0; r < 8; r++ {
				ctx, task := trace.NewTask(context.Background(), "request")
				trace.WithRegion(ctx, "parse", func() {
					parse(id, 3000)
					trace.WithRegion(ctx, "render", func() { render(id, 400) })
				})
				task.End()
				outside(id, 1500)
			}
		}(g)
	}
	wg.Wait()
	pprof.StopCPUProfile()
	stop()
}
