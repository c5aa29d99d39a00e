package sitetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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

// BenchmarkScale builds the real site (site=real) and a generated site of
// every language in DESIGN.md × 40 pages (site=24x40, about 2,000 pages)
// with the full tool (`site build`: check, Hugo, post steps, swap) and with
// plain Hugo (`hugo --minify`), each as its own process, alternating, in the
// same run. ns/op is the two builds together; the metrics are medians over
// the rounds: each one's wall and CPU time, the ratio of the two in the same
// round, `check` alone, each child's peak memory (rusage maxrss), and the
// machine's load average at the end (on a shared machine, wall times mean
// little when it is far above the number of cores).
//
//	go test -run '^$' -bench Scale -benchtime 5x ./internal/sitetest/
func BenchmarkScale(b *testing.B) {
	b.Run("site=real", func(b *testing.B) {
		dir := b.TempDir()
		if err := copySite(repo, dir); err != nil {
			b.Fatal(err)
		}
		md, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*.md"))
		compareBuilds(b, dir, len(md))
	})
	b.Run("site=24x40", func(b *testing.B) {
		const pagesPerLang = 40
		dir := b.TempDir()
		pages, err := generateSite(dir, tool(b), pagesPerLang)
		if err != nil {
			b.Fatal(err)
		}
		compareBuilds(b, dir, pages)
	})
}

// compareBuilds measures `site build` against stock Hugo on the site in dir.
func compareBuilds(b *testing.B, dir string, pages int) {
	site, hugo := tool(b), stockHugo(b)
	// One build of each first, so that both start from a warm file cache and
	// the tool replaces an existing output, as it does on every build but the first.
	measureRun(b, dir, site, "build", "--out", "public")
	measureRun(b, dir, hugo, "--minify", "--cleanDestinationDir", "--quiet", "--destination", "public-hugo")

	var tool, plain, check []run
	for b.Loop() {
		tool = append(tool, measureRun(b, dir, site, "build", "--out", "public"))
		plain = append(plain, measureRun(b, dir, hugo, "--minify", "--cleanDestinationDir", "--quiet", "--destination", "public-hugo"))
		check = append(check, measureRun(b, dir, site, "check"))
	}
	each := func(rs []run, f func(run) float64) []float64 {
		out := make([]float64, len(rs))
		for i, r := range rs {
			out[i] = f(r)
		}
		return out
	}
	wall := func(r run) float64 { return r.wall.Seconds() }
	cpu := func(r run) float64 { return r.cpu.Seconds() }
	ratio := func(f func(run) float64) []float64 {
		out := make([]float64, len(tool))
		for i := range tool {
			out[i] = f(tool[i]) / f(plain[i])
		}
		return out
	}
	peak := func(rs []run) (m int64) {
		for _, r := range rs {
			m = max(m, r.maxRSS)
		}
		return m
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(medianOf(each(tool, wall)), "site-s")
	b.ReportMetric(medianOf(each(plain, wall)), "hugo-s")
	b.ReportMetric(medianOf(ratio(wall)), "ratio")
	b.ReportMetric(medianOf(each(tool, cpu)), "site-cpu-s")
	b.ReportMetric(medianOf(each(plain, cpu)), "hugo-cpu-s")
	b.ReportMetric(medianOf(ratio(cpu)), "cpu-ratio")
	b.ReportMetric(medianOf(each(check, wall)), "check-s")
	b.ReportMetric(float64(peak(tool))/(1<<20), "site-maxrss-MB")
	b.ReportMetric(float64(peak(plain))/(1<<20), "hugo-maxrss-MB")
	if la, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(la)); len(f) > 0 {
			if l, err := strconv.ParseFloat(f[0], 64); err == nil {
				b.ReportMetric(l, "load1")
			}
		}
	}
}

// medianOf is the middle value (the mean of the two middle ones for an even count).
func medianOf(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}
