// SPDX-License-Identifier: GPL-3.0-or-later

//go:build go1.25

package main

import (
	"net/http"
	"runtime/trace"
	"time"
)

// The flight recorder (Go 1.25+) runs from the start of the program with
// a small window; GET /debug/flight writes its snapshot. Only one
// snapshot is written at a time: a concurrent request gets 409.
func init() {
	startFlight = func(mux *http.ServeMux) error {
		fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{
			MinAge:   time.Second,
			MaxBytes: 2 << 20,
		})
		if err := fr.Start(); err != nil {
			return err
		}
		mux.HandleFunc("/debug/flight", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Header().Set("Content-Disposition", `attachment; filename="flight.trace"`)
			if n, err := fr.WriteTo(w); err != nil && n == 0 {
				// Nothing written yet (the snapshot is refused as a
				// whole when another one is being written): say why.
				http.Error(w, "could not write the flight recorder's snapshot: "+err.Error(),
					http.StatusConflict)
			}
		})
		return nil
	}
}
