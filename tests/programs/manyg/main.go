// SPDX-License-Identifier: GPL-3.0-or-later

// Command manyg creates 10,500 goroutines, all alive at once: each
// blocks on a shared channel until main closes it, then exits. The
// trace therefore holds more than 10,000 distinct goroutines, each
// created, started, blocked, unblocked and ended.
//
// Usage: manyg OUT.trace
package main

import (
	"sync"

	"golanes.test/programs/internal/tracefile"
)

const n = 10500

func main() {
	stop := tracefile.Start("manyg")

	var ready, done sync.WaitGroup
	release := make(chan struct{})
	ready.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			ready.Done()
			<-release
			done.Done()
		}()
	}
	ready.Wait()
	close(release)
	done.Wait()

	stop()
}
