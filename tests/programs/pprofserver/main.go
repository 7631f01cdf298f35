// SPDX-License-Identifier: GPL-3.0-or-later

// Command pprofserver is a live target for `golanes-cli record`: it
// serves net/http/pprof (hence /debug/pprof/trace?seconds=N) on
// 127.0.0.1 and runs a steady load in the background until it is
// killed: every millisecond a tick starts two goroutines that pass
// values over channels, take a contended sync.Mutex and allocate, inside
// a runtime/trace region. With Go 1.25+ (flight.go) a flight recorder
// runs from the start and /debug/flight answers with its snapshot.
//
// Usage: pprofserver [PORT]
//
// PORT 0 (the default) picks a free port; the program then prints
// "listening on 127.0.0.1:PORT" on stdout. The watchdog ends it after
// the usual limit (TRACEFILE_LIMIT_S to raise it).
package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime/trace"
	"strconv"
	"sync"
	"time"

	"golanes.test/programs/internal/tracefile"
)

// startFlight, set by flight.go when runtime/trace has a FlightRecorder,
// starts it and registers /debug/flight.
var startFlight func(mux *http.ServeMux) error

var (
	mu     sync.Mutex
	shared = map[int][]byte{}
	sink   []byte
)

// tick is one unit of the steady load: a fixed amount of work.
func tick(ctx context.Context, n int) {
	trace.WithRegion(ctx, "tick", func() {
		in := make(chan int)
		out := make(chan int, 4)
		var wg sync.WaitGroup
		for w := 0; w < 2; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for v := range in {
					buf := make([]byte, 256+64*(v%8))
					buf[0] = byte(v)
					mu.Lock()
					shared[(n+v)%64] = buf
					mu.Unlock()
					out <- len(buf)
				}
			}(w)
		}
		total := 0
		for v := 0; v < 4; v++ {
			in <- v
			total += <-out
		}
		close(in)
		wg.Wait()
		sink = make([]byte, total)
		if n%500 == 0 {
			trace.Logf(ctx, "tick", "%d", n)
		}
	})
}

func load() {
	ctx, task := trace.NewTask(context.Background(), "load")
	defer task.End()
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for n := 0; ; n++ {
		<-t.C
		tick(ctx, n)
	}
}

func main() {
	port := 0
	if len(os.Args) > 1 {
		p, err := strconv.Atoi(os.Args[1])
		if err != nil || p < 0 || p > 65535 {
			fmt.Fprintln(os.Stderr, "usage: pprofserver [PORT]")
			os.Exit(2)
		}
		port = p
	}
	tracefile.Watchdog("pprofserver")

	if startFlight != nil {
		if err := startFlight(http.DefaultServeMux); err != nil {
			tracefile.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		tracefile.Fatal(err)
	}
	go load()
	if port == 0 {
		// os.Stdout is unbuffered: the line is out when Println returns.
		fmt.Println("listening on", ln.Addr().String())
	}
	tracefile.Fatal(http.Serve(ln, nil))
}
