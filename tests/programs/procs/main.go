// SPDX-License-Identifier: GPL-3.0-or-later

// Command procs changes GOMAXPROCS at run time (2 -> 1 -> 4 -> 8 -> 3 ->
// 2) while busy goroutines keep the Ps occupied, so the
// trace holds stop-the-world procresize, Ps being created and retired,
// and goroutines migrating between Ps.
//
// Usage: procs OUT.trace
package main

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golanes.test/programs/internal/tracefile"
)

var sink atomic.Int64

func busy(stopc <-chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	x := int64(0)
	for {
		select {
		case <-stopc:
			sink.Add(x)
			return
		default:
		}
		for i := 0; i < 20000; i++ {
			x += int64(i) ^ (x >> 1)
		}
		runtime.Gosched()
	}
}

func main() {
	runtime.GOMAXPROCS(2)
	stop := tracefile.Start("procs")

	stopc := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go busy(stopc, &wg)
	}
	for _, p := range []int{1, 4, 8, 3, 2} {
		time.Sleep(8 * time.Millisecond)
		runtime.GOMAXPROCS(p)
	}
	time.Sleep(8 * time.Millisecond)
	close(stopc)
	wg.Wait()

	stop()
}
