package sitetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// stockHugo builds plain Hugo from the module this repository requires, so
// the comparison is with the very same Hugo version.
func stockHugo(tb testing.TB) string { return hugoBinary.path(tb) }

var hugoBinary = &binary{pkg: "github.com/gohugoio/hugo", name: "hugo"}

// run is one measured child process.
type run struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes
}

func measureRun(tb testing.TB, dir string, name string, args ...string) run {
	tb.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(dir, ".cache"))
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		tb.Fatalf("%s %v: %v\n%s", filepath.Base(name), args, err, out)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return run{
		wall:   wall,
		cpu:    time.Duration(ru.Utime.Nano() + ru.Stime.Nano()),
		maxRSS: ru.Maxrss * 1024, // Linux reports KiB
	}
}

// BenchmarkScale builds a generated site of every language in DESIGN.md × 40
// pages (about a thousand pages) with the full tool (`site build`: check,
// Hugo, post steps, swap) and with plain Hugo (`hugo --minify`), each as its
// own process, in the same run. ns/op is the two builds together; the
// metrics give each one's wall and CPU time, their ratio, and each child's
// peak memory (rusage maxrss).
//
//	go test -run '^$' -bench Scale -benchtime 3x ./internal/sitetest/
func BenchmarkScale(b *testing.B) {
	const pagesPerLang = 40
	site := tool(b)
	hugo := stockHugo(b)
	dir := b.TempDir()
	pages, err := generateSite(dir, site, pagesPerLang)
	if err != nil {
		b.Fatal(err)
	}
	// One build of each first, so that both start from a warm file cache and
	// the tool replaces an existing output, as it does on every build but the first.
	measureRun(b, dir, site, "build", "--out", "public")
	measureRun(b, dir, hugo, "--minify", "--cleanDestinationDir", "--quiet", "--destination", "public-hugo")

	var tool, plain, check run
	n := 0
	for b.Loop() {
		t := measureRun(b, dir, site, "build", "--out", "public")
		h := measureRun(b, dir, hugo, "--minify", "--cleanDestinationDir", "--quiet", "--destination", "public-hugo")
		c := measureRun(b, dir, site, "check")
		tool.wall += t.wall
		tool.cpu += t.cpu
		tool.maxRSS = max(tool.maxRSS, t.maxRSS)
		plain.wall += h.wall
		plain.cpu += h.cpu
		plain.maxRSS = max(plain.maxRSS, h.maxRSS)
		check.wall += c.wall
		check.cpu += c.cpu
		n++
	}
	per := func(d time.Duration) float64 { return d.Seconds() / float64(n) }
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(per(tool.wall), "site-s")
	b.ReportMetric(per(plain.wall), "hugo-s")
	b.ReportMetric(per(tool.wall)/per(plain.wall), "ratio")
	b.ReportMetric(per(tool.cpu), "site-cpu-s")
	b.ReportMetric(per(plain.cpu), "hugo-cpu-s")
	b.ReportMetric(per(tool.cpu)/per(plain.cpu), "cpu-ratio")
	b.ReportMetric(per(check.wall), "check-s")
	b.ReportMetric(float64(tool.maxRSS)/(1<<20), "site-maxrss-MB")
	b.ReportMetric(float64(plain.maxRSS)/(1<<20), "hugo-maxrss-MB")
}
