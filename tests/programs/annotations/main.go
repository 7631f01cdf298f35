// SPDX-License-Identifier: GPL-3.0-or-later

// Command annotations exercises runtime/trace user annotations: a
// region and a task opened before tracing starts and closed after,
// nested tasks (a parent with child tasks handed to other goroutines),
// nested regions on several goroutines within one task, a task ended on
// a different goroutine than the one that began it, logs with and
// without a task and with an empty category, and regions outside any
// task.
//
// Usage: annotations OUT.trace
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"time"

	"golanes.test/programs/internal/tracefile"
)

func work(ctx context.Context, depth int) {
	if depth == 0 {
		time.Sleep(200 * time.Microsecond)
		return
	}
	defer trace.StartRegion(ctx, fmt.Sprintf("level%d", depth)).End()
	trace.Logf(ctx, "depth", "%d", depth)
	work(ctx, depth-1)
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: annotations OUT.trace")
		os.Exit(2)
	}
	tracefile.Watchdog("annotations")

	// A task and a region that are already open when tracing starts.
	early, earlyTask := trace.NewTask(context.Background(), "before-start")
	earlyRegion := trace.StartRegion(early, "open-at-start")

	f, err := os.Create(os.Args[1])
	if err != nil {
		tracefile.Fatal(err)
	}
	if err := trace.Start(f); err != nil {
		tracefile.Fatal(err)
	}
	trace.Log(early, "early", "tracing started inside an open region")
	earlyRegion.End()
	earlyTask.End()

	// Logs and a region without any task.
	trace.Log(context.Background(), "", "log with no task and no category")
	trace.WithRegion(context.Background(), "no-task", func() {
		time.Sleep(100 * time.Microsecond)
	})

	// A parent task with child tasks spread across goroutines.
	ctx, parent := trace.NewTask(context.Background(), "parent")
	trace.Log(ctx, "setup", "spawning children")
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			cctx, child := trace.NewTask(ctx, fmt.Sprintf("child-%d", id))
			defer child.End()
			trace.WithRegion(cctx, "outer", func() {
				work(cctx, 3)
				// Two goroutines per child working in the same task.
				var inner sync.WaitGroup
				inner.Add(1)
				go func() {
					defer inner.Done()
					trace.WithRegion(cctx, "helper", func() {
						work(cctx, 2)
					})
				}()
				trace.WithRegion(cctx, "waiting-for-helper", inner.Wait)
			})
		}(i)
	}
	wg.Wait()

	// A task begun here and ended on another goroutine.
	hctx, handoff := trace.NewTask(ctx, "handoff")
	trace.Log(hctx, "handoff", "begun on main")
	endc := make(chan struct{})
	go func() {
		trace.Log(hctx, "handoff", "ended elsewhere")
		handoff.End()
		close(endc)
	}()
	<-endc

	// A region left open when tracing stops.
	_ = trace.StartRegion(ctx, "open-at-stop")
	parent.End()

	// A task still open when tracing stops.
	_, _ = trace.NewTask(context.Background(), "open-at-stop")

	trace.Stop()
	if err := f.Close(); err != nil {
		tracefile.Fatal(err)
	}
}
