// Package netlifytest reads the files the site tool writes for Netlify with
// Netlify's own parsers (npm packages run by node), for tests: what Netlify
// would do with our _headers is what counts, not what our Go code thinks.
package netlifytest

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Headers is what @netlify/headers-parser made of a _headers file.
type Headers struct {
	Rules []struct {
		For    string            `json:"for"`
		Values map[string]string `json:"values"`
	} `json:"headers"`
	Errors []string `json:"errors"`
}

// For returns the headers of the rule for path, nil if there is none.
func (h *Headers) For(path string) map[string]string {
	for _, r := range h.Rules {
		if r.For == path {
			return r.Values
		}
	}
	return nil
}

// RepoRoot is the repository root: the nearest folder above the test's
// working directory that holds go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's working directory")
		}
		dir = parent
	}
}

// ParseHeaders runs @netlify/headers-parser on headersFile, merged with
// netlifyConfig (netlify.toml) when that is not "". Node and the package
// (npm ci in the repository root) are required: the test fails, saying so,
// when either is missing.
func ParseHeaders(t testing.TB, headersFile, netlifyConfig string) *Headers {
	t.Helper()
	root := RepoRoot(t)
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node not found: install Node.js (Debian: apt-get install nodejs npm), then run `npm ci` in %s", root)
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "@netlify", "headers-parser")); err != nil {
		t.Fatalf("@netlify/headers-parser not installed: run `npm ci` in %s (.ci/run does)", root)
	}
	args := []string{filepath.Join(root, "internal", "netlify", "netlifytest", "parse-headers.mjs"), headersFile}
	if netlifyConfig != "" {
		args = append(args, netlifyConfig)
	}
	cmd := exec.Command("node", args...)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("node parse-headers.mjs: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("node parse-headers.mjs: %v", err)
	}
	var h Headers
	if err := json.Unmarshal(out, &h); err != nil {
		t.Fatalf("parse-headers.mjs printed %q: %v", out, err)
	}
	return &h
}
