// SPDX-License-Identifier: GPL-3.0-or-later

// Command syscalls exercises blocking system calls: file I/O in a
// temporary directory (create, write, fsync, read, stat, rename,
// readdir, remove) from several goroutines, and exec'd child
// processes: /bin/true (when present) and a re-exec of this program
// in a child mode that does a little work without tracing.
//
// Usage: syscalls OUT.trace
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"

	"golanes.test/programs/internal/tracefile"
)

const childEnv = "GOLANES_SYSCALLS_CHILD"

func fileWork(dir string, id int) error {
	name := filepath.Join(dir, fmt.Sprintf("f%d.dat", id))
	data := bytes.Repeat([]byte{byte('a' + id)}, 64<<10)
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	for i := 0; i < 4; i++ {
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	got, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if len(got) != 4*len(data) {
		return fmt.Errorf("short read: %d", len(got))
	}
	if _, err := os.Stat(name); err != nil {
		return err
	}
	moved := name + ".moved"
	if err := os.Rename(name, moved); err != nil {
		return err
	}
	return os.Remove(moved)
}

func main() {
	if os.Getenv(childEnv) == "1" {
		// Child mode: no tracing, just a little work and a clean exit.
		x := 0
		for i := 0; i < 1000000; i++ {
			x += i
		}
		fmt.Println(x > 0)
		return
	}
	stop := tracefile.Start("syscalls")

	dir, err := os.MkdirTemp("", "golanes-syscalls-")
	if err != nil {
		tracefile.Fatal(err)
	}
	defer os.RemoveAll(dir)

	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if err := fileWork(dir, id); err != nil {
				errs <- err
			}
		}(i)
	}
	wg.Wait()
	if ents, err := os.ReadDir(dir); err != nil {
		tracefile.Fatal(err)
	} else if len(ents) != 0 {
		tracefile.Fatal(fmt.Errorf("%d files left", len(ents)))
	}
	select {
	case err := <-errs:
		tracefile.Fatal(err)
	default:
	}

	// Child processes.
	if _, err := os.Stat("/bin/true"); err == nil {
		for i := 0; i < 2; i++ {
			if err := exec.Command("/bin/true").Run(); err != nil {
				tracefile.Fatal(err)
			}
		}
	}
	self, err := os.Executable()
	if err != nil {
		tracefile.Fatal(err)
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.Output()
	if err != nil {
		tracefile.Fatal(err)
	}
	if string(out) != "true\n" {
		tracefile.Fatal(fmt.Errorf("child said %q", out))
	}

	stop()
}
