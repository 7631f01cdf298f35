// SPDX-License-Identifier: GPL-3.0-or-later

//go:build go1.25

// Command flightrec uses the flight recorder (runtime/trace.FlightRecorder,
// Go 1.25+): it records continuously into a small in-memory window for
// about 1.3 s (long enough for more than one generation), with some
// goroutine and annotation activity, and writes the window's snapshot
// with WriteTo. The snapshot is what the file holds: it starts in the
// middle of the program's life, not at trace start.
//
// Usage: flightrec OUT.trace
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

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: flightrec OUT.trace")
		os.Exit(2)
	}
	tracefile.Watchdog("flightrec")

	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{
		MinAge:   500 * time.Millisecond,
		MaxBytes: 1 << 20,
	})
	if err := fr.Start(); err != nil {
		tracefile.Fatal(err)
	}

	ctx, task := trace.NewTask(context.Background(), "flightrec")
	var mu sync.Mutex
	count := 0
	deadline := time.Now().Add(1300 * time.Millisecond)
	for round := 0; time.Now().Before(deadline); round++ {
		var wg sync.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				trace.WithRegion(ctx, "step", func() {
					mu.Lock()
					count++
					mu.Unlock()
					time.Sleep(time.Millisecond)
				})
			}()
		}
		wg.Wait()
		if round%20 == 0 {
			trace.Logf(ctx, "round", "%d", round)
		}
		time.Sleep(20 * time.Millisecond)
	}
	task.End()

	f, err := os.Create(os.Args[1])
	if err != nil {
		tracefile.Fatal(err)
	}
	if _, err := fr.WriteTo(f); err != nil {
		tracefile.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tracefile.Fatal(err)
	}
	fr.Stop()
}
