// Package siteconfig reads what the tool needs from hugo.toml: the languages,
// where each language's content lives, and the site parameters the checks use.
// Hugo reads the same file; this package never writes it.
package siteconfig

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// File is the configuration file, relative to the site root.
const File = "hugo.toml"

// Language is one configured language.
type Language struct {
	Code       string // the key under [languages], e.g. "nb", "prs"
	Label      string // the language's own name, e.g. "العربية"
	Locale     string // BCP 47, e.g. "nb-NO"
	Direction  string // "ltr" or "rtl"
	Weight     int
	ContentDir string // relative to the site root, e.g. "content/nb"
}

// Config is the part of hugo.toml the tool uses.
type Config struct {
	BaseURL      string
	Default      string // the source language
	Languages    []Language
	LixMax       float64
	QuickExitURL string
	// I18nMounts are the [[module.mounts]] whose target is i18n or a file in
	// it. Without any, Hugo reads the i18n folder as it is.
	I18nMounts []Mount
}

// Mount is one [[module.mounts]] entry, paths as written.
type Mount struct {
	Source, Target string
}

// Language returns the configured language with the given code.
func (c *Config) Language(code string) (Language, bool) {
	for _, l := range c.Languages {
		if l.Code == code {
			return l, true
		}
	}
	return Language{}, false
}

// Codes returns the language codes in weight order.
func (c *Config) Codes() []string {
	out := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		out[i] = l.Code
	}
	return out
}

type rawConfig struct {
	BaseURL                string `toml:"baseURL"`
	DefaultContentLanguage string `toml:"defaultContentLanguage"`
	Params                 struct {
		LixMax       *float64 `toml:"lixMax"`
		QuickExitURL string   `toml:"quickExitURL"`
	} `toml:"params"`
	Languages map[string]struct {
		Label     string `toml:"label"`
		Locale    string `toml:"locale"`
		Direction string `toml:"direction"`
		Weight    int    `toml:"weight"`
	} `toml:"languages"`
	Module struct {
		Mounts []struct {
			Source string `toml:"source"`
			Target string `toml:"target"`
			Sites  struct {
				Matrix struct {
					Languages any `toml:"languages"`
				} `toml:"matrix"`
			} `toml:"sites"`
		} `toml:"mounts"`
	} `toml:"module"`
}

// Load reads hugo.toml in root.
func Load(root string) (*Config, error) {
	path := filepath.Join(root, File)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read site configuration: %w", err)
	}
	return Parse(b)
}

// Parse reads a hugo.toml held in memory. Errors name hugo.toml and the line.
func Parse(b []byte) (*Config, error) {
	var raw rawConfig
	if err := toml.Unmarshal(b, &raw); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ := de.Position()
			return nil, fmt.Errorf("%s:%d: %s: fix the TOML syntax", File, line, de.Error())
		}
		return nil, fmt.Errorf("%s: %w", File, err)
	}
	c := &Config{
		BaseURL:      raw.BaseURL,
		Default:      raw.DefaultContentLanguage,
		LixMax:       45,
		QuickExitURL: raw.Params.QuickExitURL,
	}
	if raw.Params.LixMax != nil {
		c.LixMax = *raw.Params.LixMax
	}
	if c.Default == "" {
		return nil, fmt.Errorf("%s: defaultContentLanguage is not set: set it to the source language, \"nb\"", File)
	}
	dirs := map[string]string{}
	for _, m := range raw.Module.Mounts {
		if t := filepath.ToSlash(m.Target); t == "i18n" || strings.HasPrefix(t, "i18n/") {
			c.I18nMounts = append(c.I18nMounts, Mount{Source: filepath.ToSlash(m.Source), Target: t})
		}
		if m.Target != "content" {
			continue
		}
		for _, code := range stringList(m.Sites.Matrix.Languages) {
			dirs[code] = filepath.ToSlash(m.Source)
		}
	}
	for code, l := range raw.Languages {
		dir := l.Direction
		if dir == "" {
			dir = "ltr"
		}
		if dir != "ltr" && dir != "rtl" {
			return nil, fmt.Errorf("%s: languages.%s.direction is %q: use \"ltr\" or \"rtl\"", File, code, l.Direction)
		}
		if l.Label == "" {
			return nil, fmt.Errorf("%s: languages.%s has no label: set label to the language's own name", File, code)
		}
		cd, ok := dirs[code]
		if !ok {
			return nil, fmt.Errorf("%s: language %q has no content mount: add a [[module.mounts]] with source = \"content/%s\"", File, code, code)
		}
		c.Languages = append(c.Languages, Language{
			Code: code, Label: l.Label, Locale: l.Locale, Direction: dir, Weight: l.Weight, ContentDir: cd,
		})
	}
	sort.Slice(c.Languages, func(i, j int) bool {
		a, b := c.Languages[i], c.Languages[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Code < b.Code
	})
	if _, ok := c.Language(c.Default); !ok {
		return nil, fmt.Errorf("%s: defaultContentLanguage %q is not under [languages]", File, c.Default)
	}
	return c, nil
}

func stringList(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
