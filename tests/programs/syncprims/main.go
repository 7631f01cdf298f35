// SPDX-License-Identifier: GPL-3.0-or-later

// Command syncprims exercises the sync package: a contended Mutex, an
// RWMutex with many readers and a few writers, a Cond with Signal and
// Broadcast, WaitGroups, and a Once raced by several goroutines.
//
// Usage: syncprims OUT.trace
package main

import (
	"runtime"
	"sync"
	"time"

	"golanes.test/programs/internal/tracefile"
)

func spin(n int) int {
	x := 0
	for i := 0; i < n; i++ {
		x += i ^ (x >> 3)
	}
	return x
}

func main() {
	stop := tracefile.Start("syncprims")
	var sink int

	// Contended Mutex: holders sleep or spin while holding it.
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				mu.Lock()
				counter++
				if j%5 == 0 {
					time.Sleep(100 * time.Microsecond)
				} else {
					sink += spin(2000)
				}
				mu.Unlock()
				runtime.Gosched()
			}
		}(i)
	}
	wg.Wait()

	// RWMutex: readers overlap, writers exclude.
	var rw sync.RWMutex
	table := map[int]int{}
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 30; j++ {
				if id < 2 && j%3 == 0 {
					rw.Lock()
					table[j] = id
					time.Sleep(50 * time.Microsecond)
					rw.Unlock()
				} else {
					rw.RLock()
					_ = table[j]
					sink += spin(500)
					rw.RUnlock()
				}
			}
		}(i)
	}
	wg.Wait()

	// Cond: a queue with waiting consumers, Signal per item, then Broadcast.
	var cmu sync.Mutex
	cond := sync.NewCond(&cmu)
	queue := []int{}
	closed := false
	consumed := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				cmu.Lock()
				for len(queue) == 0 && !closed {
					cond.Wait()
				}
				if len(queue) == 0 && closed {
					cmu.Unlock()
					return
				}
				queue = queue[1:]
				consumed++
				cmu.Unlock()
			}
		}()
	}
	for i := 0; i < 40; i++ {
		cmu.Lock()
		queue = append(queue, i)
		cmu.Unlock()
		cond.Signal()
		if i%10 == 9 {
			time.Sleep(200 * time.Microsecond)
		}
	}
	cmu.Lock()
	closed = true
	cmu.Unlock()
	cond.Broadcast()
	wg.Wait()

	// Once raced by several goroutines; the losers block until it is done.
	var once sync.Once
	start := make(chan struct{})
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			once.Do(func() { time.Sleep(500 * time.Microsecond) })
		}()
	}
	close(start)
	wg.Wait()

	// Nested WaitGroups: a parent waits on children that wait on grandchildren.
	var outer sync.WaitGroup
	for i := 0; i < 3; i++ {
		outer.Add(1)
		go func() {
			defer outer.Done()
			var inner sync.WaitGroup
			for k := 0; k < 3; k++ {
				inner.Add(1)
				go func() {
					defer inner.Done()
					time.Sleep(100 * time.Microsecond)
				}()
			}
			inner.Wait()
		}()
	}
	outer.Wait()

	_ = sink
	_ = counter
	stop()
}
