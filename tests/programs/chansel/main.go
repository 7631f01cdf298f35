// SPDX-License-Identifier: GPL-3.0-or-later

// Command chansel exercises channels and select: unbuffered and buffered
// sends and receives, close, a fan-out/fan-in pipeline, select with
// several ready cases, select with default, select on a timeout, and a
// goroutine blocked forever on a nil channel.
//
// Usage: chansel OUT.trace
package main

import (
	"sync"
	"time"

	"golanes.test/programs/internal/tracefile"
)

func stage(in <-chan int, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for v := range in {
		out <- v * 2
	}
}

func main() {
	stop := tracefile.Start("chansel")

	// Pipeline: generator -> 3 workers -> collector.
	src := make(chan int)    // unbuffered
	mid := make(chan int, 8) // buffered
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go stage(src, mid, &wg)
	}
	go func() {
		for i := 0; i < 300; i++ {
			src <- i
		}
		close(src)
	}()
	go func() {
		wg.Wait()
		close(mid)
	}()
	sum := 0
	for v := range mid {
		sum += v
	}

	// Select over several channels with a quit channel.
	a := make(chan int)
	b := make(chan string, 1)
	quit := make(chan struct{})
	done := make(chan int)
	go func() {
		na, nb := 0, 0
		for {
			select {
			case <-a:
				na++
			case <-b:
				nb++
			case <-quit:
				done <- na + nb
				return
			}
		}
	}()
	for i := 0; i < 100; i++ {
		if i%2 == 0 {
			a <- i
		} else {
			b <- "x"
		}
	}
	close(quit)
	<-done

	// Select with default (non-blocking) and on a timeout.
	full := make(chan int, 1)
	dropped := 0
	for i := 0; i < 50; i++ {
		select {
		case full <- i:
		default:
			dropped++
		}
	}
	never := make(chan int)
	select {
	case <-never:
	case <-time.After(3 * time.Millisecond):
	}

	// A goroutine that blocks forever on a nil channel, and one parked
	// on an empty select, both still blocked when the trace ends.
	go func() {
		var nilch chan int
		<-nilch
	}()
	go func() {
		select {}
	}()

	// Ping-pong between two goroutines.
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	for i := 0; i < 200; i++ {
		ping <- i
		<-pong
	}
	close(ping)
	time.Sleep(time.Millisecond)

	_ = sum
	_ = dropped
	stop()
}
