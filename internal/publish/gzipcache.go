package publish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// gzipCacheMax is the most page sizes the cache keeps: several sites' worth
// (the real site has about 800 pages, the scale benchmark's about 2,000), so
// that building one never evicts another; past it, only the last build's.
const gzipCacheMax = 20000

// gzipCache remembers the gzip size of every page the build weighed, by the
// SHA-256 of its bytes, in the user's cache folder (beside the QR codes'):
// compressing every page is the page pass's largest cost, and most pages
// come out of Hugo byte for byte as in the build before. A size depends only
// on the bytes and on Go's compressor, so the file is per Go version; a page
// that changed by one byte has another hash and is compressed again. A
// missing, unreadable or damaged cache costs time, never a wrong size: a
// damaged line is skipped, and a file is only ever replaced whole.
type gzipCache struct {
	file string // "" when there is no cache folder

	once sync.Once
	mu   sync.Mutex
	old  map[[sha256.Size]byte]int // what the file held
	used map[[sha256.Size]byte]int // what this build weighed
}

func newGzipCache() *gzipCache {
	c := &gzipCache{used: map[[sha256.Size]byte]int{}}
	base, err := os.UserCacheDir()
	if err != nil {
		return c
	}
	name := "gzip-sizes-v1-" + strings.NewReplacer("/", "_", " ", "_").Replace(runtime.Version())
	c.file = filepath.Join(base, "familieinnvandring", name)
	return c
}

// size is GzipSize(page), from the cache when it holds it.
func (c *gzipCache) size(page []byte) int {
	c.once.Do(c.load)
	key := sha256.Sum256(page)
	c.mu.Lock()
	n, ok := c.old[key]
	if !ok {
		n, ok = c.used[key]
	}
	c.mu.Unlock()
	if !ok {
		n = GzipSize(page)
	}
	c.mu.Lock()
	c.used[key] = n
	c.mu.Unlock()
	return n
}

// load reads the file: one "hex-hash size" line per page.
func (c *gzipCache) load() {
	c.old = map[[sha256.Size]byte]int{}
	if c.file == "" {
		return
	}
	b, err := os.ReadFile(c.file)
	if err != nil {
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		h, n, ok := strings.Cut(sc.Text(), " ")
		var key [sha256.Size]byte
		if !ok || len(h) != 2*len(key) {
			continue
		}
		if _, err := hex.Decode(key[:], []byte(h)); err != nil {
			continue
		}
		if size, err := strconv.Atoi(n); err == nil && size > 0 {
			c.old[key] = size
		}
	}
}

// save writes what this build weighed and, within gzipCacheMax, what the file
// held before. It is written under another name and renamed, so that a
// parallel build never reads half a file; a failure only loses the cache.
func (c *gzipCache) save() {
	if c.file == "" || len(c.used) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	changed := false
	for k := range c.used {
		if _, ok := c.old[k]; !ok {
			changed = true
			break
		}
	}
	if !changed {
		return
	}
	var buf bytes.Buffer
	for k, n := range c.used {
		fmt.Fprintf(&buf, "%x %d\n", k, n)
	}
	if len(c.old)+len(c.used) <= gzipCacheMax {
		for k, n := range c.old {
			if _, ok := c.used[k]; !ok {
				fmt.Fprintf(&buf, "%x %d\n", k, n)
			}
		}
	}
	if os.MkdirAll(filepath.Dir(c.file), 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.file), ".tmp-gzip-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), c.file) != nil {
		os.Remove(tmp.Name())
	}
}
