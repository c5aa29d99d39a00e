package translation

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// VersionsDir holds a copy of every source version a translation was made
// from, one file per page and version: <slug>.<hash>.txt. The files are
// written by `site translated` and never edited by hand; an old file can be
// deleted once no translation names its hash.
const VersionsDir = "source-versions"

// Store is the VersionsDir of a site.
type Store struct{ Root string }

// Path returns the file of a version, relative to the site root.
func (Store) Path(slug, hash string) string {
	return VersionsDir + "/" + slug + "." + hash + ".txt"
}

// Load returns the text of a stored version; ok=false when there is none,
// or when the file no longer has the text its name promises (edited by hand).
func (s Store) Load(slug, hash string) (text string, ok bool, err error) {
	if !ValidHash(hash) {
		return "", false, nil
	}
	b, err := os.ReadFile(filepath.Join(s.Root, s.Path(slug, hash)))
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	if Hash(string(b)) != hash {
		return "", false, nil
	}
	return string(b), true, nil
}

// Save stores a normalised text as a version of slug and returns its hash.
func (s Store) Save(slug, normalised string) (string, error) {
	hash := Hash(normalised)
	path := filepath.Join(s.Root, s.Path(slug, hash))
	if b, err := os.ReadFile(path); err == nil && string(b) == normalised {
		return hash, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", fmt.Errorf("store the source version: %w", err)
	}
	if err := os.WriteFile(path, []byte(normalised), 0o644); err != nil {
		return "", fmt.Errorf("store the source version: %w", err)
	}
	return hash, nil
}
