// SPDX-License-Identifier: GPL-3.0-or-later

// Command longrun runs for about 2.5 s doing very little, so its trace
// spans several generations (the runtime starts a new generation about
// once a second) while staying small: a ticker goroutine, a worker fed
// over a channel, and a goroutine that lives across all generations in
// a blocked state.
//
// Usage: longrun OUT.trace
package main

import (
	"context"
	"runtime/trace"
	"time"

	"golanes.test/programs/internal/tracefile"
)

func main() {
	stop := tracefile.Start("longrun")

	ctx, task := trace.NewTask(context.Background(), "longrun")
	jobs := make(chan int)
	done := make(chan struct{})
	go func() {
		for j := range jobs {
			trace.WithRegion(ctx, "job", func() {
				x := 0
				for i := 0; i < 10000*(j%3+1); i++ {
					x += i
				}
				_ = x
			})
		}
		close(done)
	}()
	// Blocked across every generation boundary, released at the end.
	parked := make(chan struct{})
	parkedDone := make(chan struct{})
	go func() {
		<-parked
		close(parkedDone)
	}()

	tick := time.NewTicker(100 * time.Millisecond)
	deadline := time.Now().Add(2500 * time.Millisecond)
	n := 0
	for now := range tick.C {
		if now.After(deadline) {
			break
		}
		jobs <- n
		if n%10 == 0 {
			trace.Logf(ctx, "tick", "%d", n)
		}
		n++
	}
	tick.Stop()
	close(jobs)
	<-done
	close(parked)
	<-parkedDone
	task.End()

	stop()
}
