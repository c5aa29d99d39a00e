// Package app is the command line of the site tool: it parses arguments and
// runs the commands. main is one call into Main.
package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitProblems = 1
	ExitUsage    = 2
)

// command is one subcommand: its one-line help and how it runs.
type command struct {
	summary string
	run     func(e *env, args []string) int
}

var commands = map[string]command{}

// order is how commands are listed in the usage text.
var order = []string{"build", "serve", "check", "status", "translated", "new-language", "xliff"}

func register(name, summary string, run func(*env, []string) int) {
	commands[name] = command{summary: summary, run: run}
}

// env is what every command gets: where the site is and where to write.
type env struct {
	root   string
	stdout io.Writer
	stderr io.Writer
}

// errorf prints one error with the tool's prefix.
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "site: "+format+"\n", args...)
}

// flags makes a flag set whose errors and help go to stderr and exit 2.
func (e *env) flags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: site %s %s\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags and refuses stray arguments. ok=false means exit with code.
func (e *env) parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitUsage, false
	}
	if fs.NArg() > 0 {
		e.errorf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
		fs.Usage()
		return ExitUsage, false
	}
	return 0, true
}

// Main runs the tool with args (without the program name) and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	e := &env{root: ".", stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		e.errorf("unknown command %q: use one of %s", args[0], strings.Join(order, ", "))
		return ExitUsage
	}
	if _, err := os.Stat("hugo.toml"); err != nil {
		e.errorf("no hugo.toml in this folder: run site from the repository root")
		return ExitUsage
	}
	return cmd.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: site <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, name := range order {
		fmt.Fprintf(w, "  %-14s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run from the repository root. `site <command> -h` shows its flags.")
}
