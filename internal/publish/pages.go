package publish

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"golang.org/x/net/html"
)

// Page is one HTML page of the output, read once and tokenized once for
// every per-page check.
type Page struct {
	Path   string // relative to the output directory, slash-separated
	HTML   []byte
	Tokens []html.Token // in document order; text tokens hold their text
}

// A Page and its Tokens are the pass's to reuse once Page returns: a check
// keeps what it needs of them, not the slices (a string it keeps may hold
// the whole page in memory; strings.Clone frees it).

// PageCheck is one check or measure in the page pass. Page is called for
// every HTML page, from several goroutines at once; Done once afterwards,
// in the order the checks were given.
type PageCheck interface {
	Page(p *Page)
	Done(b *Build) error
}

// PageRewrite is a change the page pass makes to pages before its checks
// see them: Rewrite returns the page as it is to be published (the same
// slice when it leaves the page alone). It is called from several
// goroutines at once.
type PageRewrite interface {
	Rewrite(rel string, page []byte) []byte
}

// PagePass is the step that reads every output page once, rewrites it
// (writing back only a page that changed) and hands it to each of its
// checks, so that adding a check or a rewrite costs no further read or
// parse. The checks see the page as it is published.
type PagePass struct {
	Rewrites []PageRewrite
	Checks   []PageCheck
}

// Name implements Step.
func (PagePass) Name() string { return "one pass over every page" }

// Run implements Step.
func (pp PagePass) Run(b *Build) error {
	if err := pp.Walk(b.Dir); err != nil {
		return err
	}
	for _, c := range pp.Checks {
		if err := c.Done(b); err != nil {
			return err
		}
	}
	return nil
}

// Walk rewrites every HTML page in dir and hands it to the checks' Page
// methods.
func (pp PagePass) Walk(dir string) error {
	return eachHTML(dir, func(rel string, b []byte) error {
		s := getScratch()
		defer putScratch(s)
		var tokens []html.Token // of b, when a rewrite tokenized it on its way
		if len(pp.Rewrites) > 0 {
			in := b
			for _, r := range pp.Rewrites {
				var out []byte
				if tr, ok := r.(tokenRewrite); ok {
					var t []html.Token
					out, t = tr.rewriteTokens(rel, b, s)
					if t != nil {
						tokens = t
					} else if !sameBytes(out, b) {
						tokens = nil
					}
				} else {
					if out = r.Rewrite(rel, b); !sameBytes(out, b) {
						tokens = nil
					}
				}
				b = out
			}
			if !sameBytes(in, b) {
				if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), b, 0o644); err != nil {
					return err
				}
			}
		}
		if len(pp.Checks) == 0 {
			return nil
		}
		if tokens == nil {
			s.tokens(b, string(b))
			tokens = s.toks
		}
		p := &Page{Path: rel, HTML: b, Tokens: tokens}
		for _, c := range pp.Checks {
			c.Page(p)
		}
		return nil
	})
}

// sameBytes reports whether a and b hold the same bytes; a rewrite that
// leaves a page alone returns the very slice, which costs no comparison.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return bytes.Equal(a, b)
}

// tokenRewrite is a PageRewrite that tokenizes the page on its way, on the
// worker's scratch, so that the pass need not tokenize it again: it returns
// the tokens of the page it returns (nil when it does not know them), as
// tokenize would.
type tokenRewrite interface {
	rewriteTokens(rel string, page []byte, s *scratch) ([]byte, []html.Token)
}

// tokenize is the page's tokens, as html.Tokenizer gives them.
func tokenize(b []byte) []html.Token {
	s := &scratch{names: map[string]string{}}
	s.tokens(b, string(b))
	return s.toks
}

// eachHTML calls f for every HTML page in dir, on every core: measuring a
// thousand pages one by one would cost the build a second.
func eachHTML(dir string, f func(rel string, b []byte) error) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".html" {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = make(chan string)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				b, err := os.ReadFile(p)
				if err == nil {
					rel, _ := filepath.Rel(dir, p)
					err = f(filepath.ToSlash(rel), b)
				}
				if err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, p := range files {
		next <- p
	}
	close(next)
	wg.Wait()
	return first
}

// gzipWriters are reused: a new writer allocates about a megabyte of tables.
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// byteCounter counts what is written to it.
type byteCounter int

func (c *byteCounter) Write(p []byte) (int, error) {
	*c += byteCounter(len(p))
	return len(p), nil
}
