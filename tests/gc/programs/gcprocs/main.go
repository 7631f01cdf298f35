// SPDX-License-Identifier: GPL-3.0-or-later

// Command gcprocs traces a program that keeps the garbage collector busy
// while it changes GOMAXPROCS up and down, so that Ps disappear and come
// back while background mark workers, assists and sweeps run on them (the
// per-P utilization series start and end with them).
//
// Usage: gcprocs OUT.trace
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/trace"
	"sync/atomic"
	"time"
)

type node struct {
	next *node
	kids [3]*node
	pad  [4]uint64
}

var live []*node
var sink atomic.Pointer[node]

func build(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{next: head}
	}
	return head
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gcprocs OUT.trace")
		os.Exit(2)
	}
	debug.SetGCPercent(10)
	for i := 0; i < 32; i++ {
		live = append(live, build(4096))
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := trace.Start(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	stop := make(chan struct{})
	for w := 0; w < 4; w++ {
		go func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				sink.Store(build(128))
			}
		}()
	}
	for i, n := range []int{4, 1, 3, 2, 4, 1, 2, 4} {
		runtime.GOMAXPROCS(n)
		time.Sleep(time.Duration(9+i) * time.Millisecond)
	}
	close(stop)
	trace.Stop()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
