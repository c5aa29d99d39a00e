package publish

import (
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

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
