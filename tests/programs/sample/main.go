// SPDX-License-Identifier: GPL-3.0-or-later

// Command sample writes the small trace bundled as data/sample.trace:
// a handful of goroutines passing work over channels, a contended
// sync.Mutex, allocation heavy enough to trigger a few GCs, and a
// runtime/trace task with nested regions and a log message.
//
// Usage: sample OUT.trace
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"time"
)

var sink [][]byte

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: sample OUT.trace")
		os.Exit(2)
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

	ctx, task := trace.NewTask(context.Background(), "sample")
	trace.Log(ctx, "phase", "start")

	var mu sync.Mutex
	var total int
	jobs := make(chan int)
	results := make(chan int, 4)
	var wg sync.WaitGroup

	trace.WithRegion(ctx, "pipeline", func() {
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func(id int) {
				defer wg.Done()
				for j := range jobs {
					trace.WithRegion(ctx, "work", func() {
						// Allocate to push the heap along and cause GCs.
						buf := make([]byte, 64<<10)
						for i := range buf {
							buf[i] = byte(i * j)
						}
						mu.Lock()
						total += int(buf[j%len(buf)])
						sink = append(sink, buf)
						if len(sink) > 32 {
							sink = sink[:0]
						}
						mu.Unlock()
					})
					results <- j
				}
			}(w)
		}
		go func() {
			for j := 0; j < 400; j++ {
				jobs <- j
				if j%100 == 99 {
					time.Sleep(5 * time.Millisecond)
				}
			}
			close(jobs)
		}()
		go func() {
			wg.Wait()
			close(results)
		}()
		trace.WithRegion(ctx, "collect", func() {
			n := 0
			for range results {
				n++
			}
			trace.Logf(ctx, "collect", "received %d results", n)
		})
	})

	trace.WithRegion(ctx, "idle", func() {
		time.Sleep(20 * time.Millisecond)
	})
	trace.Log(ctx, "phase", "done")
	task.End()

	trace.Stop()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
