// SPDX-License-Identifier: GPL-3.0-or-later

//go:build go1.25

// Command gcactive writes flight-recorder snapshots taken while the
// garbage collector is almost always busy (a large pointer-rich live heap,
// GOGC=5, several allocating goroutines), so that some snapshot begins in
// the middle of a GC cycle: its first generation then reports the mark
// phase, sweeps and mark assists as already running (RangeActive), the
// case MutatorUtilizationV2 patches up at the start of a trace.
//
// Usage: gcactive OUTDIR N   (writes OUTDIR/snap-00.trace ... snap-N-1)
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/trace"
	"strconv"
	"sync/atomic"
	"time"
)

type node struct {
	next *node
	kids [4]*node
	pad  [6]uint64
}

var live []*node
var sink atomic.Pointer[node]

func build(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		nd := &node{next: head}
		if head != nil {
			nd.kids[0] = head.next
		}
		head = nd
	}
	return head
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: gcactive OUTDIR N")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	debug.SetGCPercent(5)
	for i := 0; i < 64; i++ {
		live = append(live, build(4096))
	}

	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{
		MinAge:   20 * time.Millisecond,
		MaxBytes: 256 << 10,
	})
	if err := fr.Start(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	stop := make(chan struct{})
	for w := 0; w < 3; w++ {
		go func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				sink.Store(build(256))
			}
		}()
	}

	time.Sleep(100 * time.Millisecond)
	for i := 0; i < n; i++ {
		time.Sleep(time.Duration(13+7*i) * time.Millisecond)
		f, err := os.Create(filepath.Join(os.Args[1], fmt.Sprintf("snap-%02d.trace", i)))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if _, err := fr.WriteTo(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		f.Close()
	}
	close(stop)
	fr.Stop()
}
