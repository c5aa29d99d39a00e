package e2e

import (
	"compress/gzip"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/netlify/netlifytest"
)

// siteServer serves the built site as Netlify would: the headers its parser
// read from _headers, pretty URLs (/nb/help → /nb/help/), each language's
// 404 page, the site-wide /404.html for any other address, and gzip.
type siteServer struct {
	dir     string
	headers *netlifytest.Headers
}

func (s *siteServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if id, ok := strings.CutPrefix(r.URL.Path, "/__probe/"); ok {
		s.probe(w, id)
		return
	}
	p := path.Clean(r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
		p += "/"
	}
	for _, rule := range s.headers.Rules {
		if matches(rule.For, p) {
			for k, v := range rule.Values {
				w.Header().Set(k, v)
			}
		}
	}
	file := filepath.Join(s.dir, filepath.FromSlash(p))
	if strings.HasSuffix(p, "/") {
		file = filepath.Join(file, "index.html")
	}
	st, err := os.Stat(file)
	if err == nil && st.IsDir() {
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
		return
	}
	status := http.StatusOK
	if err != nil || strings.HasPrefix(path.Base(p), "_") {
		status = http.StatusNotFound
		lang, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
		file = filepath.Join(s.dir, lang, "404.html")
		if _, err := os.Stat(file); err != nil {
			// Netlify's answer for any other address: the site-wide page
			// (a mistyped /go/ link from a poster).
			file = filepath.Join(s.dir, "404.html")
			if _, err := os.Stat(file); err != nil {
				http.NotFound(w, r)
				return
			}
		}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ct := mime.TypeByExtension(filepath.Ext(file))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Vary", "Accept-Encoding")
		w.WriteHeader(status)
		gz := gzip.NewWriter(w)
		gz.Write(b)
		gz.Close()
		return
	}
	w.WriteHeader(status)
	w.Write(b)
}

// probe serves a page of TestDetectorsWork, with the site's headers or none.
func (s *siteServer) probe(w http.ResponseWriter, id string) {
	pr, ok := probes.get(id)
	if !ok {
		http.Error(w, "no such probe", http.StatusNotFound)
		return
	}
	if pr.csp {
		for k, v := range s.headers.For("/*") {
			w.Header().Set(k, v)
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(pr.html))
}

// matches applies a Netlify path pattern: "*" at the end matches any rest.
func matches(pattern, p string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return pattern == p
}

// exitPath is where the quick exit goes on the exit server, the stand-in for
// the neutral site. beforePath is a neutral page to open before the site, so
// that the tab has somewhere for Back to go.
const (
	exitPath   = "/exit"
	beforePath = "/before"
)

// exitServer is the stand-in for the neutral site (yr.no in production). It
// records each visit to exitPath with its Referer, and can hold its answer
// for a while, like a slow network, so a test can look at the page being left.
type exitServer struct {
	url    string // its origin
	mu     sync.Mutex
	visits []string // the Referer of each visit, "" when none was sent
	delay  time.Duration
}

func newExitServer() *exitServer { return &exitServer{} }

func (s *exitServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	switch r.URL.Path {
	case exitPath:
		s.mu.Lock()
		s.visits = append(s.visits, r.Header.Get("Referer"))
		d := s.delay
		s.mu.Unlock()
		time.Sleep(d)
		w.Write([]byte("<!doctype html><html lang=en><title>Weather</title><h1>Weather</h1>"))
	case beforePath:
		w.Write([]byte("<!doctype html><html lang=en><title>Before</title><h1>Another site</h1>"))
	default:
		http.NotFound(w, r)
	}
}

// reset forgets the visits and sets how long exitPath waits before answering.
func (s *exitServer) reset(delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.visits = nil
	s.delay = delay
}

func (s *exitServer) referers() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.visits...)
}
