// SPDX-License-Identifier: GPL-3.0-or-later

// Command bigtrace writes a large trace for the load benchmark
// (tests/bench/run-bench): many goroutines doing unbuffered channel
// ping-pong and select, contended sync.Mutex, syscalls and allocation
// that keeps the GC busy.  The amount of work is fixed (not timed), so
// the trace has about the same number of events on any machine: about
// 7 M events, 35-40 MB at the default scale.
//
// Usage: bigtrace OUT.trace [SCALE]   (SCALE in percent, default 100)
package main

import (
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golanes.test/programs/internal/tracefile"
)

var sink atomic.Pointer[[]byte]

func pingPong(n int, wg *sync.WaitGroup) {
	ping, pong := make(chan int), make(chan int)
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < n; i++ {
			ping <- i
			<-pong
			if i%64 == 0 {
				b := make([]byte, 512)
				sink.Store(&b)
			}
		}
		close(ping)
	}()
	go func() {
		defer wg.Done()
		for v := range ping {
			pong <- v + 1
		}
	}()
}

func selecter(n int, wg *sync.WaitGroup) {
	a, b, quit := make(chan int), make(chan int), make(chan struct{})
	wg.Add(3)
	for _, c := range []chan int{a, b} {
		go func(c chan int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case c <- i:
				case <-quit:
					return
				}
			}
		}(c)
	}
	go func() {
		defer wg.Done()
		for i := 0; i < n; i++ {
			select {
			case <-a:
			case <-b:
			}
		}
		close(quit)
	}()
}

func main() {
	done := tracefile.Start("bigtrace")
	scale := 100
	if len(os.Args) > 2 {
		if n, err := strconv.Atoi(os.Args[2]); err == nil && n > 0 {
			scale = n
		}
	}
	work := func(n int) int { return n * scale / 100 }

	var wg sync.WaitGroup
	for i := 0; i < 48; i++ {
		pingPong(work(19200), &wg)
	}
	for i := 0; i < 8; i++ {
		selecter(work(32000), &wg)
	}

	var mu [4]sync.Mutex
	var counter [4]int
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < work(64000); j++ {
				m := &mu[(id+j)%4]
				m.Lock()
				counter[(id+j)%4]++
				for k := 0; k < 50; k++ {
					counter[(id+j)%4] += k
				}
				m.Unlock()
			}
		}(i)
	}

	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		tracefile.Fatal(err)
	}
	buf := []byte("x")
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fd := int(devnull.Fd())
			for j := 0; j < work(48000); j++ {
				syscall.Write(fd, buf)
				if j%256 == 0 {
					time.Sleep(50 * time.Microsecond)
				}
			}
		}()
	}

	var stop atomic.Bool
	var gcwg sync.WaitGroup
	gcwg.Add(1)
	go func() {
		defer gcwg.Done()
		for !stop.Load() {
			b := make([]byte, 256<<10)
			sink.Store(&b)
			time.Sleep(200 * time.Microsecond)
		}
	}()

	wg.Wait()
	stop.Store(true)
	gcwg.Wait()
	devnull.Close()
	done()
}
