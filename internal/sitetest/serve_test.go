package sitetest

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkServe measures what a translator waits for: `site serve` runs on
// a copy of the real site, the benchmark saves a page with a new sentence
// and asks the preview for the page until the sentence is there. Each edit
// is one iteration; the metrics are the median and the slowest wait.
//
//	go test -run '^$' -bench Serve -benchtime 10x ./internal/sitetest/
func BenchmarkServe(b *testing.B) {
	bin := tool(b)
	src := b.TempDir()
	if err := copySite(repo, src); err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(bin, "serve", "--port", fmt.Sprint(port))
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(src, ".cache"))
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()

	page := fmt.Sprintf("http://127.0.0.1:%d/nb/help/", port)
	file := filepath.Join(src, "content", "nb", "help.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	// The first build: the preview is up when the page is served.
	if _, err := waitFor(page, "</html>", 5*time.Minute); err != nil {
		b.Fatalf("%v\n%s", err, log.String())
	}
	var waits []time.Duration
	n := 0
	for b.Loop() {
		n++
		marker := fmt.Sprintf("Endret for måling %d.", n)
		start := time.Now()
		if err := os.WriteFile(file, append(append([]byte(nil), orig...), "\n"+marker+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := waitFor(page, marker, time.Minute); err != nil {
			b.Fatalf("%v\n%s", err, log.String())
		}
		waits = append(waits, time.Since(start)) // from the save to the new page
	}
	slices.Sort(waits)
	b.ReportMetric(float64(waits[len(waits)/2].Milliseconds()), "median-ms")
	b.ReportMetric(float64(waits[len(waits)-1].Milliseconds()), "max-ms")
}

// waitFor asks for url until its body contains want, and returns how long
// that took.
func waitFor(url, want string, limit time.Duration) (time.Duration, error) {
	start := time.Now()
	for time.Since(start) < limit {
		if resp, err := http.Get(url); err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if bytes.Contains(body, []byte(want)) {
				return time.Since(start), nil
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	return 0, fmt.Errorf("%s did not show %q within %s", url, want, limit)
}
