package e2e

import (
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
	"github.com/redcross-no/familieinnvandring/internal/netlify/netlifytest"
)

// siteServer serves the built site as Netlify would (netlify.Handler: pretty
// URLs, each language's 404 page, the site-wide /404.html for any other
// address, gzip), with the headers Netlify's own parser read from _headers,
// and the probe pages of TestDetectorsWork.
type siteServer struct {
	dir     string
	headers *netlifytest.Headers
	site    *netlify.Handler
}

func (s *siteServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if id, ok := strings.CutPrefix(r.URL.Path, "/__probe/"); ok {
		s.probe(w, id)
		return
	}
	s.site.ServeHTTP(w, r)
}

func newSiteServer(dir string, headers *netlifytest.Headers) *siteServer {
	s := &siteServer{dir: dir, headers: headers, site: &netlify.Handler{Dir: dir}}
	for _, rule := range headers.Rules {
		hr := netlify.HeaderRule{Path: rule.For}
		for k, v := range rule.Values {
			hr.Headers = append(hr.Headers, netlify.Header{Name: k, Value: v})
		}
		s.site.Headers = append(s.site.Headers, hr)
	}
	return s
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
