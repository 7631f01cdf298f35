// SPDX-License-Identifier: GPL-3.0-or-later

// Command servicemini writes a small trace of a service with very many
// short-lived goroutines, for the analysis fixtures: an HTTP server on
// 127.0.0.1 (ephemeral port) and 4 keep-alive HTTP clients sending it
// 2,000 requests (at the default scale).  Each request is a
// runtime/trace task with regions and logs; its handler
//
//   - counts into statistics guarded by a contended sync.Mutex,
//   - fans out to 50 goroutines that do almost nothing (created,
//     started, ended: three events each, which keeps the trace small),
//     started by a spawner goroutine of the request (a shallow creation
//     stack), the last of which wakes the handler through a
//     sync.WaitGroup,
//   - hands a job to a pool of 2 workers over an unbuffered channel
//     and waits for the reply,
//   - every 16th request writes a small file in a temporary directory
//     (syscalls),
//
// and the HTTP traffic blocks in the network poller.  In all about
// 104,000 goroutines (per request: the 50 fan-out ones, the spawner and
// net/http's background read), ~2.2 MB of trace.  The amount of work is
// fixed, not timed.
//
// Usage: servicemini OUT.trace [SCALE]   (SCALE in percent, default 100)
package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/trace"
	"strconv"
	"sync"

	"golanes.test/programs/internal/tracefile"
)

const (
	nRequests = 2000 // at scale 100
	nClients  = 4
	nWorkers  = 2
	fanOut    = 50
)

type job struct {
	id    int
	reply chan int
}

type server struct {
	jobs chan job
	dir  string

	statsMu sync.Mutex
	stats   map[string]int
}

func (s *server) count(name string, n int) {
	s.statsMu.Lock()
	s.stats[name] += n
	s.statsMu.Unlock()
}

func (s *server) worker() {
	for j := range s.jobs {
		s.count("jobs", 1)
		j.reply <- j.id * 31
	}
}

// spawn starts the fan-out goroutines of a request.  It runs on a
// goroutine of its own so that their creation stack is one frame deep
// (go tool trace -d=parsed prints it for every goroutine).
func spawn(id int, parts []int, wg *sync.WaitGroup) {
	for i := range parts {
		go func(i int) {
			parts[i] = id*fanOut + i
			wg.Done()
		}(i)
	}
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
	s.count("requests", 1)

	var sum int
	trace.WithRegion(ctx, "fanout", func() {
		var wg sync.WaitGroup
		parts := make([]int, fanOut)
		wg.Add(fanOut)
		go spawn(id, parts, &wg)
		wg.Wait()
		for _, p := range parts {
			sum += p
		}
	})

	trace.WithRegion(ctx, "pool", func() {
		reply := make(chan int)
		s.jobs <- job{id: id, reply: reply}
		sum ^= <-reply
	})

	if id%16 == 0 {
		trace.WithRegion(ctx, "persist", func() {
			name := filepath.Join(s.dir, fmt.Sprintf("item-%d.dat", id%8))
			if err := os.WriteFile(name, []byte(strconv.Itoa(sum)), 0o600); err != nil {
				trace.Log(ctx, "error", err.Error())
			}
			trace.Log(ctx, "persist", name[len(s.dir):])
		})
	}

	trace.Log(ctx, "result", strconv.Itoa(sum))
	w.Header().Set("Content-Type", "text/plain")
	io.WriteString(w, strconv.Itoa(sum))
}

func client(url string, c *http.Client, first, step, n int) error {
	for i := first; i < n; i += step {
		resp, err := c.Get(fmt.Sprintf("%s/item?id=%d", url, i))
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
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
	stop := tracefile.Start("servicemini")
	scale := 100
	if len(os.Args) > 2 {
		if n, err := strconv.Atoi(os.Args[2]); err == nil && n > 0 {
			scale = n
		}
	}
	requests := nRequests * scale / 100

	dir, err := os.MkdirTemp("", "golanes-servicemini-")
	if err != nil {
		tracefile.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s := &server{jobs: make(chan job), dir: dir, stats: make(map[string]int)}

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

	ctx, cancel := context.WithTimeout(context.Background(), 5e9)
	srv.Shutdown(ctx)
	cancel()
	hc.CloseIdleConnections()
	close(s.jobs)
	pool.Wait()

	stop()
}
