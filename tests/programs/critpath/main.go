// SPDX-License-Identifier: GPL-3.0-or-later

//go:build linux

// Command critpath writes a trace whose tasks have critical paths known
// by construction (checked by tests/analysis/check-critical-path
// against `golanes-cli critical-path`).  Four scenarios run one after
// another, 5 ms apart, each inside one task created and ended by its
// handler goroutine:
//
//   - "chan-mutex": handlerChanMutex starts holder, which locks a
//     sync.Mutex, signals on a channel and burns CPU (burnHolder) until
//     20 ms after the sender came to the mutex, then unlocks; the
//     handler, once signalled, starts sender, which blocks on that
//     mutex, and receives on a channel.  Once unblocked by the holder's
//     Unlock, the sender unlocks and sends: handler ← sender ← holder.
//   - "waitgroup": handlerWaitGroup starts worker5ms, worker10ms and
//     worker15ms, which burn CPU until 5, 10 and 15 ms after a common
//     start, then call wg.Done; the handler's wg.Wait is unblocked by
//     the 15 ms worker (which also waits, spinning, for the others).
//   - "timer": handlerTimer sleeps 10 ms (time.Sleep).
//   - "syscall": handlerSyscall makes a 10 ms nanosleep system call.
//
// Functions are named and not inlined so that start functions and stack
// frames are recognisable.
//
// Usage: critpath OUT.trace
package main

import (
	"context"
	"runtime"
	"runtime/trace"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golanes.test/programs/internal/tracefile"
)

var sink int

// burn spins until deadline (wall time), calling time.Now each turn.
//
//go:noinline
func burn(deadline time.Time) {
	n := 0
	for time.Now().Before(deadline) {
		n++
	}
	sink += n
}

// senderTrying is set by sender just before it locks the mutex.
var senderTrying atomic.Bool

// burnHolder burns CPU until the sender has come to the mutex, then for
// d more: the sender waits on the mutex for d, however late the
// scheduler (or a loaded machine) let it start.
//
//go:noinline
func burnHolder(d time.Duration) {
	for !senderTrying.Load() {
	}
	burn(time.Now().Add(d))
}

// holder locks mu, tells the handler, holds mu while burning CPU (20 ms
// once the sender waits for it) and unlocks it.
//
//go:noinline
func holder(mu *sync.Mutex, held chan<- struct{}) {
	mu.Lock()
	held <- struct{}{}
	burnHolder(20 * time.Millisecond)
	mu.Unlock()
}

// sender waits for mu (held by holder), releases it and sends on ch.
//
//go:noinline
func sender(mu *sync.Mutex, ch chan<- int) {
	senderTrying.Store(true)
	mu.Lock()
	mu.Unlock()
	ch <- 1
}

//go:noinline
func handlerChanMutex(done chan<- struct{}) {
	_, task := trace.NewTask(context.Background(), "chan-mutex")
	var mu sync.Mutex
	held := make(chan struct{})
	ch := make(chan int)
	go holder(&mu, held)
	<-held
	go sender(&mu, ch)
	<-ch
	task.End()
	done <- struct{}{}
}

// shortDone counts the 5 and 10 ms workers that are done.
var shortDone atomic.Int32

//go:noinline
func worker5ms(start time.Time, wg *sync.WaitGroup) {
	burn(start.Add(5 * time.Millisecond))
	shortDone.Add(1)
	wg.Done()
}

//go:noinline
func worker10ms(start time.Time, wg *sync.WaitGroup) {
	burn(start.Add(10 * time.Millisecond))
	shortDone.Add(1)
	wg.Done()
}

// worker15ms burns CPU until 15 ms after start and, should the others
// not be done by then (a loaded machine), until they are: it calls
// wg.Done last, never having blocked.
//
//go:noinline
func worker15ms(start time.Time, wg *sync.WaitGroup) {
	burn(start.Add(15 * time.Millisecond))
	for shortDone.Load() < 2 {
	}
	wg.Done()
}

//go:noinline
func handlerWaitGroup(done chan<- struct{}) {
	_, task := trace.NewTask(context.Background(), "waitgroup")
	var wg sync.WaitGroup
	wg.Add(3)
	// Deadlines from a common start: whatever the order the workers get
	// a P in, the 15 ms one is the last to call Done.
	start := time.Now()
	go worker5ms(start, &wg)
	go worker10ms(start, &wg)
	go worker15ms(start, &wg)
	wg.Wait()
	task.End()
	done <- struct{}{}
}

//go:noinline
func handlerTimer(done chan<- struct{}) {
	_, task := trace.NewTask(context.Background(), "timer")
	time.Sleep(10 * time.Millisecond)
	task.End()
	done <- struct{}{}
}

//go:noinline
func nanosleep(d time.Duration) {
	ts := syscall.NsecToTimespec(int64(d))
	for {
		var left syscall.Timespec
		err := syscall.Nanosleep(&ts, &left)
		if err != syscall.EINTR {
			if err != nil {
				tracefile.Fatal(err)
			}
			return
		}
		ts = left
	}
}

//go:noinline
func handlerSyscall(done chan<- struct{}) {
	_, task := trace.NewTask(context.Background(), "syscall")
	nanosleep(10 * time.Millisecond)
	task.End()
	done <- struct{}{}
}

func main() {
	runtime.GOMAXPROCS(2)
	stop := tracefile.Start("critpath")
	// Each handler is started by name (not through a func value, which
	// would make its start function main.main.gowrap1), one at a time.
	done := make(chan struct{})
	time.Sleep(5 * time.Millisecond)
	go handlerChanMutex(done)
	<-done
	time.Sleep(5 * time.Millisecond)
	go handlerWaitGroup(done)
	<-done
	time.Sleep(5 * time.Millisecond)
	go handlerTimer(done)
	<-done
	time.Sleep(5 * time.Millisecond)
	go handlerSyscall(done)
	<-done
	time.Sleep(5 * time.Millisecond)
	stop()
}
