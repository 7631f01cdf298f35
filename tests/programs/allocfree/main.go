// SPDX-License-Identifier: GPL-3.0-or-later

// Command allocfree is meant to run with GODEBUG=traceallocfree=1
// (Go 1.23+; older runtimes ignore it), which adds the experimental
// heap events: spans and objects allocated and freed, goroutine stacks
// allocated and freed. It keeps its heap small so the trace stays small:
// a few short-lived goroutines, some allocations, one explicit GC.
//
// Usage: GODEBUG=traceallocfree=1 allocfree OUT.trace
package main

import (
	"runtime"
	"sync"

	"golanes.test/programs/internal/tracefile"
)

type obj struct {
	next *obj
	buf  [48]byte
}

var keep *obj

func main() {
	stop := tracefile.Start("allocfree")

	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var head *obj
			for i := 0; i < 200; i++ {
				head = &obj{next: head}
			}
			big := make([]byte, 40<<10) // a large-object span
			big[0] = 1
			keep = head
		}()
	}
	wg.Wait()
	keep = nil
	runtime.GC()

	stop()
}
