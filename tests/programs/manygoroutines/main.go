// SPDX-License-Identifier: GPL-3.0-or-later

// Command manygoroutines writes a trace with millions of short-lived
// goroutines for the load benchmark (tests/bench/run-bench): at the
// default scale 6.4 M distinct goroutines, 22.6 M events, 125 MB.
// Five spawner goroutines each create goroutines of one kind, from
// their own creation site and with their own start function, so
// grouping goroutines by start function gives five large groups:
//
//   - main.computeWorker (2.6 M): a little arithmetic, then exit;
//   - main.allocWorker (1.6 M): a small allocation and a hash, then exit;
//   - main.gateWorker (1.0 M): blocks once on a channel that its
//     spawner closes for the whole batch, is woken, exits;
//   - main.mutexWorker (0.8 M): takes one of two sync.Mutexes, which one
//     in four holds across a runtime.Gosched, so that many block on it
//     and are woken, exits;
//   - main.sleepWorker (0.4 M): sleeps 20-80 µs (three in four) or waits
//     on a time.Timer, is woken by the timer, exits.
//
// Spawners create their goroutines in batches and wait for each batch
// to end before the next, so at most a few hundred goroutines are alive
// at once and the program's own memory stays small.  The workers take
// no arguments (their state is in the kind's pool), so that the start
// function is the worker itself rather than a compiler-made wrapper.
// The amount of work is fixed, not timed.
//
// Usage: manygoroutines OUT.trace [SCALE]   (SCALE in percent, default 100)
package main

import (
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golanes.test/programs/internal/tracefile"
)

// Goroutines of each kind at scale 100.
const (
	nCompute = 2_600_000
	nAlloc   = 1_600_000
	nGate    = 1_000_000
	nMutex   = 800_000
	nSleep   = 400_000
)

// batch is the number of goroutines a spawner creates before it waits
// for them to end.
const batch = 256

// A pool is the shared state of one kind of worker.
type pool struct {
	next atomic.Uint64  // numbers the workers
	wg   sync.WaitGroup // the current batch
}

var (
	compute, alloc, gated, locked, sleeper pool

	gate  chan struct{} // the current gateWorker batch's gate
	mu    [2]sync.Mutex
	count [2]uint64
	sink  atomic.Uint64
	kept  atomic.Pointer[[]byte]
)

func computeWorker() {
	s := compute.next.Add(1)
	for k := 0; k < 40; k++ {
		s = s*6364136223846793005 + 1442695040888963407
	}
	sink.Add(s >> 60)
	compute.wg.Done()
}

func allocWorker() {
	i := alloc.next.Add(1)
	b := make([]byte, 64+i%192)
	var h uint64 = 14695981039346656037
	for k := range b {
		b[k] = byte(i + uint64(k))
		h = (h ^ uint64(b[k])) * 1099511628211
	}
	if h%8 == 0 {
		kept.Store(&b)
	}
	alloc.wg.Done()
}

func gateWorker() {
	i := gated.next.Add(1)
	<-gate
	sink.Add(i & 1)
	gated.wg.Done()
}

func mutexWorker() {
	i := locked.next.Add(1)
	m := i & 1
	mu[m].Lock()
	c := count[m]
	for k := uint64(0); k < 200; k++ {
		c = c*31 + k
	}
	if i%4 == 0 {
		// Yield with the lock held: the next workers to run block on it.
		runtime.Gosched()
	}
	count[m] = c
	mu[m].Unlock()
	locked.wg.Done()
}

func sleepWorker() {
	i := sleeper.next.Add(1)
	d := time.Duration(20+i%4*20) * time.Microsecond
	if i%4 == 3 {
		t := time.NewTimer(d)
		<-t.C
	} else {
		time.Sleep(d)
	}
	sleeper.wg.Done()
}

// batches runs n goroutines of a kind, batch at a time: launch(k)
// creates k of them, then batches waits for them to end. between, if
// not nil, runs after each launch, before the wait.
func batches(n int, p *pool, launch func(k int), between func()) {
	for n > 0 {
		k := min(n, batch)
		p.wg.Add(k)
		launch(k)
		if between != nil {
			between()
		}
		p.wg.Wait()
		n -= k
	}
}

func spawnCompute(n int, done *sync.WaitGroup) {
	defer done.Done()
	batches(n, &compute, func(k int) {
		for ; k > 0; k-- {
			go computeWorker()
		}
	}, nil)
}

func spawnAlloc(n int, done *sync.WaitGroup) {
	defer done.Done()
	batches(n, &alloc, func(k int) {
		for ; k > 0; k-- {
			go allocWorker()
		}
	}, nil)
}

func spawnGated(n int, done *sync.WaitGroup) {
	defer done.Done()
	batches(n, &gated, func(k int) {
		gate = make(chan struct{})
		for ; k > 0; k-- {
			go gateWorker()
		}
	}, func() {
		// Let most of the batch reach the channel and block first.
		time.Sleep(20 * time.Microsecond)
		close(gate)
	})
}

func spawnLocked(n int, done *sync.WaitGroup) {
	defer done.Done()
	batches(n, &locked, func(k int) {
		for ; k > 0; k-- {
			go mutexWorker()
		}
	}, nil)
}

func spawnSleeper(n int, done *sync.WaitGroup) {
	defer done.Done()
	batches(n, &sleeper, func(k int) {
		for ; k > 0; k-- {
			go sleepWorker()
		}
	}, nil)
}

func main() {
	stop := tracefile.Start("manygoroutines")
	scale := 100
	if len(os.Args) > 2 {
		if n, err := strconv.Atoi(os.Args[2]); err == nil && n > 0 {
			scale = n
		}
	}
	work := func(n int) int { return n * scale / 100 }

	var done sync.WaitGroup
	done.Add(5)
	go spawnCompute(work(nCompute), &done)
	go spawnAlloc(work(nAlloc), &done)
	go spawnGated(work(nGate), &done)
	go spawnLocked(work(nMutex), &done)
	go spawnSleeper(work(nSleep), &done)
	done.Wait()

	stop()
}
