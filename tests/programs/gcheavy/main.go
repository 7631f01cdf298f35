// SPDX-License-Identifier: GPL-3.0-or-later

// Command gcheavy allocates heavily from several goroutines (pointerful
// trees and large byte slices) with a low GOGC, so the trace holds many
// GC cycles, mark assists, sweeps, heap metrics and an explicit
// runtime.GC.
//
// Usage: gcheavy OUT.trace
package main

import (
	"runtime"
	"runtime/debug"
	"sync"

	"golanes.test/programs/internal/tracefile"
)

type node struct {
	left, right *node
	payload     []byte
}

func build(depth int) *node {
	if depth == 0 {
		return &node{payload: make([]byte, 32)}
	}
	return &node{left: build(depth - 1), right: build(depth - 1)}
}

func (n *node) count() int {
	if n == nil {
		return 0
	}
	return 1 + n.left.count() + n.right.count()
}

var keep []*node
var keepMu sync.Mutex

func main() {
	debug.SetGCPercent(25)
	stop := tracefile.Start("gcheavy")

	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			total := 0
			for i := 0; i < 6; i++ {
				t := build(11)
				total += t.count()
				big := make([]byte, 256<<10)
				big[len(big)-1] = byte(i)
				keepMu.Lock()
				keep = append(keep, t)
				if len(keep) > 6 {
					keep = keep[1:]
				}
				keepMu.Unlock()
			}
			_ = total
		}(g)
	}
	wg.Wait()
	runtime.GC()
	keep = nil
	runtime.GC()

	stop()
}
