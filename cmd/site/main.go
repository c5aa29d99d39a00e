// Command site checks and builds the information site: see README.md.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/redcross-no/familieinnvandring/internal/app"
)

func main() {
	os.Exit(run())
}

// run is main without os.Exit, so that the profile is written before the
// process ends.
//
// SITE_CPUPROFILE=FILE writes a CPU profile of the whole command, Hugo
// included, for `go tool pprof` (README, "Scale"): where a build's time goes
// is measured, not guessed.
func run() int {
	if path := os.Getenv("SITE_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "site: SITE_CPUPROFILE: %v\n", err)
			return app.ExitUsage
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "site: SITE_CPUPROFILE: %v\n", err)
			return app.ExitUsage
		}
		defer pprof.StopCPUProfile()
	}
	return app.Main(os.Args[1:], os.Stdout, os.Stderr)
}
