// SPDX-License-Identifier: GPL-3.0-or-later

// Command netloop exercises network I/O over loopback only
// (127.0.0.1, ephemeral ports): a TCP echo server with several
// concurrent clients, then an HTTP server with a client making a few
// keep-alive and non-keep-alive requests. Goroutines block in the
// network poller and in syscalls.
//
// Usage: netloop OUT.trace
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"

	"golanes.test/programs/internal/tracefile"
)

func echoServer(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func(c net.Conn) {
			defer c.Close()
			io.Copy(c, c)
		}(c)
	}
}

func tcpClient(addr string, id int) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	r := bufio.NewReader(c)
	for i := 0; i < 20; i++ {
		msg := fmt.Sprintf("client %d line %d\n", id, i)
		if _, err := io.WriteString(c, msg); err != nil {
			return err
		}
		got, err := r.ReadString('\n')
		if err != nil {
			return err
		}
		if got != msg {
			return fmt.Errorf("echo mismatch: %q != %q", got, msg)
		}
	}
	return nil
}

func main() {
	stop := tracefile.Start("netloop")

	// TCP echo.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tracefile.Fatal(err)
	}
	go echoServer(ln)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if err := tcpClient(ln.Addr().String(), id); err != nil {
				errs <- err
			}
		}(i)
	}
	wg.Wait()
	ln.Close()
	select {
	case err := <-errs:
		tracefile.Fatal(err)
	default:
	}

	// HTTP.
	hln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tracefile.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello %s\n", r.URL.Query().Get("n"))
	})
	srv := &http.Server{Handler: mux}
	go srv.Serve(hln)
	base := "http://" + hln.Addr().String()
	for _, keepAlive := range []bool{true, false} {
		client := &http.Client{Transport: &http.Transport{DisableKeepAlives: !keepAlive, Proxy: nil}}
		for i := 0; i < 5; i++ {
			resp, err := client.Get(fmt.Sprintf("%s/hello?n=%d", base, i))
			if err != nil {
				tracefile.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		client.CloseIdleConnections()
	}
	srv.Close()

	stop()
}
