// SPDX-License-Identifier: GPL-3.0-or-later

// Command service writes the trace of a program shaped like a Go
// service, for the load benchmark (tests/bench/run-bench): an HTTP
// server on 127.0.0.1 (ephemeral port) and 8 keep-alive HTTP clients
// sending it a fixed number of requests (40,000 at the default scale).
// Each request is a runtime/trace task with regions and logs; its
// handler
//
//   - looks the item up in a cache guarded by a sync.RWMutex (readers on
//     every request, a writer on a miss),
//   - fans out to 6 per-request goroutines (some of which wait on a
//     timer, as for a backend call) and gathers their results over a
//     channel,
//   - hands a job to a pool of 4 workers fed by a channel and waits for
//     the reply,
//   - every 8th request writes a small file in a temporary directory
//     (syscalls),
//   - counts into statistics guarded by a contended sync.Mutex,
//   - starts one short-lived background job (cache eviction or audit),
//
// and the responses, cache entries and parts allocate enough to keep
// the GC busy (over a hundred cycles).  A ticker goroutine samples the
// statistics, and every client request has a context timeout (a timer).
// In all about 320,000 goroutines (per request: the 6 fan-out ones, the
// background job and net/http's background read), 4.6 M events, 25 MB
// of trace at the default scale.  The amount of work is fixed, not
// timed.
//
// Usage: service OUT.trace [SCALE]   (SCALE in percent, default 100)
package main

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/trace"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golanes.test/programs/internal/tracefile"
)

const (
	nRequests = 40000 // at scale 100
	nClients  = 8
	nWorkers  = 4
	fanOut    = 6
	cacheSize = 2048 // entries kept by the evictor
	itemSpace = 6000 // distinct item ids
)

type job struct {
	id    int
	data  []byte
	reply chan uint64
}

type server struct {
	jobs chan job
	dir  string

	cacheMu sync.RWMutex
	cache   map[int][]byte

	statsMu sync.Mutex
	stats   map[string]int

	bg   sync.WaitGroup // background jobs
	sink atomic.Pointer[[]byte]
}

func newServer(dir string) *server {
	return &server{
		jobs:  make(chan job),
		dir:   dir,
		cache: make(map[int][]byte),
		stats: make(map[string]int),
	}
}

// count adds to a statistic; every 32nd update also snapshots the map
// under the lock, which is what makes the mutex contended.
func (s *server) count(name string, n int) {
	s.statsMu.Lock()
	s.stats[name] += n
	if s.stats[name]%32 == 0 {
		snap := make(map[string]int, len(s.stats))
		for k, v := range s.stats {
			snap[k] = v
		}
		runtime.Gosched() // a slow snapshot, with the lock held
		_ = snap
	}
	s.statsMu.Unlock()
}

func render(id, size int) []byte {
	b := make([]byte, size)
	h := fnv.New64a()
	binary.Write(h, binary.LittleEndian, int64(id))
	seed := h.Sum64()
	for i := range b {
		seed = seed*6364136223846793005 + 1442695040888963407
		b[i] = 'a' + byte(seed>>59)%26
	}
	return b
}

// lookup returns the cached body of an item, rendering and caching it
// on a miss.
func (s *server) lookup(ctx context.Context, id int) []byte {
	s.cacheMu.RLock()
	b, ok := s.cache[id]
	s.cacheMu.RUnlock()
	if ok {
		return b
	}
	trace.Log(ctx, "cache", "miss")
	b = render(id, 1024+id%2048)
	s.cacheMu.Lock()
	s.cache[id] = b
	s.cacheMu.Unlock()
	return b
}

// part is one of a request's fan-out goroutines.
func (s *server) part(id, i int, body []byte, out chan<- uint64) {
	if (id+i)%5 == 0 {
		time.Sleep(50 * time.Microsecond) // a backend call
	}
	buf := make([]byte, 512+256*i)
	copy(buf, body)
	var sum uint64
	for _, c := range buf {
		sum = sum*31 + uint64(c)
	}
	s.count("parts", 1)
	out <- sum
}

// worker serves the pool's jobs until the channel is closed.
func (s *server) worker() {
	for j := range s.jobs {
		h := fnv.New64a()
		h.Write(j.data)
		scratch := make([]byte, 4096)
		binary.LittleEndian.PutUint64(scratch, h.Sum64())
		s.sink.Store(&scratch)
		s.count("jobs", 1)
		j.reply <- h.Sum64()
	}
}

func (s *server) persist(id int, body []byte) error {
	name := filepath.Join(s.dir, fmt.Sprintf("item-%d.dat", id%64))
	return os.WriteFile(name, body[:256], 0o600)
}

// evict is a background job that trims the cache.
func (s *server) evict() {
	defer s.bg.Done()
	s.cacheMu.Lock()
	for k := range s.cache {
		if len(s.cache) <= cacheSize {
			break
		}
		delete(s.cache, k)
	}
	s.cacheMu.Unlock()
	s.count("evictions", 1)
}

// audit is a background job that records a request.
func (s *server) audit(id int, sum uint64) {
	defer s.bg.Done()
	rec := []byte(fmt.Sprintf("%d %x\n", id, sum))
	s.sink.Store(&rec)
	s.count("audits", 1)
}

func (s *server) handle(w http.ResponseWriter, r *http.Request) {
	ctx, task := trace.NewTask(r.Context(), "request")
	defer task.End()
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	trace.Log(ctx, "id", strconv.Itoa(id))

	var body []byte
	trace.WithRegion(ctx, "lookup", func() { body = s.lookup(ctx, id) })

	var sum uint64
	trace.WithRegion(ctx, "fanout", func() {
		parts := make(chan uint64, fanOut)
		for i := 0; i < fanOut; i++ {
			go s.part(id, i, body, parts)
		}
		for i := 0; i < fanOut; i++ {
			sum ^= <-parts
		}
	})

	trace.WithRegion(ctx, "pool", func() {
		reply := make(chan uint64, 1)
		s.jobs <- job{id: id, data: body, reply: reply}
		sum ^= <-reply
	})

	if id%8 == 0 {
		trace.WithRegion(ctx, "persist", func() {
			if err := s.persist(id, body); err != nil {
				trace.Log(ctx, "error", err.Error())
			}
		})
	}

	s.bg.Add(1)
	if id%4 == 0 {
		go s.evict()
	} else {
		go s.audit(id, sum)
	}

	resp := make([]byte, 0, len(body)+32)
	resp = append(resp, body...)
	resp = strconv.AppendUint(resp, sum, 16)
	s.count("requests", 1)
	trace.Log(ctx, "result", strconv.Itoa(len(resp)))
	w.Header().Set("Content-Type", "text/plain")
	w.Write(resp)
}

// monitor samples the statistics on a ticker until stop is closed.
func (s *server) monitor(stop <-chan struct{}, done *sync.WaitGroup) {
	defer done.Done()
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.statsMu.Lock()
			n := s.stats["requests"]
			s.statsMu.Unlock()
			_ = n
		case <-stop:
			return
		}
	}
}

// client sends the requests first, first+step, ... below n.
func client(url string, c *http.Client, first, step, n int) error {
	for i := first; i < n; i += step {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		id := (i * 7919) % itemSpace
		req, err := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s/item?id=%d", url, id), nil)
		if err != nil {
			cancel()
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			cancel()
			return err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		cancel()
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("request %d: %s", i, resp.Status)
		}
	}
	return nil
}

func main() {
	stop := tracefile.Start("service")
	scale := 100
	if len(os.Args) > 2 {
		if n, err := strconv.Atoi(os.Args[2]); err == nil && n > 0 {
			scale = n
		}
	}
	requests := nRequests * scale / 100

	dir, err := os.MkdirTemp("", "golanes-service-")
	if err != nil {
		tracefile.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s := newServer(dir)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tracefile.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/item", s.handle)
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)

	var pool sync.WaitGroup
	for i := 0; i < nWorkers; i++ {
		pool.Add(1)
		go func() {
			defer pool.Done()
			s.worker()
		}()
	}
	var mon sync.WaitGroup
	monStop := make(chan struct{})
	mon.Add(1)
	go s.monitor(monStop, &mon)

	url := "http://" + ln.Addr().String()
	hc := &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: nClients,
		DisableCompression:  true,
	}}
	var clients sync.WaitGroup
	errs := make(chan error, nClients)
	for i := 0; i < nClients; i++ {
		clients.Add(1)
		go func(first int) {
			defer clients.Done()
			if err := client(url, hc, first, nClients, requests); err != nil {
				errs <- err
			}
		}(i)
	}
	clients.Wait()
	close(errs)
	for err := range errs {
		tracefile.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	srv.Shutdown(ctx)
	cancel()
	hc.CloseIdleConnections()
	s.bg.Wait()
	close(s.jobs)
	pool.Wait()
	close(monStop)
	mon.Wait()

	stop()
}
