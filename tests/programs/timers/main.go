// SPDX-License-Identifier: GPL-3.0-or-later

// Command timers exercises sleeping and timers: time.Sleep of several
// lengths, time.Timer with Stop and Reset, a Ticker, time.AfterFunc,
// time.After in select, and context.WithTimeout.
//
// Usage: timers OUT.trace
package main

import (
	"context"
	"sync"
	"time"

	"golanes.test/programs/internal/tracefile"
)

func main() {
	stop := tracefile.Start("timers")
	var wg sync.WaitGroup

	// Sleepers of several lengths, in parallel.
	for _, d := range []time.Duration{0, time.Microsecond, 100 * time.Microsecond, time.Millisecond, 5 * time.Millisecond} {
		wg.Add(1)
		go func(d time.Duration) {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				time.Sleep(d)
			}
		}(d)
	}
	wg.Wait()

	// A Timer that fires, one that is stopped, one that is reset.
	t1 := time.NewTimer(2 * time.Millisecond)
	<-t1.C
	t2 := time.NewTimer(time.Hour)
	t2.Stop()
	t3 := time.NewTimer(time.Hour)
	t3.Reset(time.Millisecond)
	<-t3.C

	// A Ticker read by a goroutine.
	tick := time.NewTicker(time.Millisecond)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 10; i++ {
			<-tick.C
		}
		tick.Stop()
	}()
	wg.Wait()

	// AfterFunc runs its function on a new goroutine.
	fired := make(chan struct{})
	time.AfterFunc(time.Millisecond, func() { close(fired) })
	<-fired

	// time.After racing a channel in select.
	work := make(chan int)
	go func() {
		time.Sleep(3 * time.Millisecond)
		work <- 1
	}()
	for got := false; !got; {
		select {
		case <-work:
			got = true
		case <-time.After(time.Millisecond):
		}
	}

	// A context deadline that expires while a goroutine waits on it.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Millisecond)
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-ctx.Done()
	}()
	wg.Wait()
	cancel()

	stop()
}
