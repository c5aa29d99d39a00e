// Command site checks and builds the information site: see README.md.
package main

import (
	"os"

	"github.com/redcross-no/familieinnvandring/internal/app"
)

func main() {
	os.Exit(app.Main(os.Args[1:], os.Stdout, os.Stderr))
}
