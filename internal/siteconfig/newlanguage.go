package siteconfig

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// Known are the languages the site is planned for (DESIGN.md), by their own
// names, so that adding one needs only its code.
//
// Locale is the BCP 47 tag of lang= and hreflang=, and the tag Hugo finds
// the language's interface text, plural rules and date names by. It is the
// code, except where user agents and CLDR know the language by another tag:
//   - prs (Dari) → fa-AF: CLDR's locale for Dari, where Hugo finds Dari
//     month names, and a tag that screen readers, spell checkers and search
//     engines take for Persian as written in Afghanistan; "prs" is valid
//     BCP 47 too, but few user agents act on it. go-i18n has no plural rules
//     for prs, so new-language also mounts i18n/prs.toml as i18n/fa-AF.toml
//     and Hugo applies the Persian ones.
//   - kmr (Kurmanji) → ku: CLDR's "ku" locale is Kurmanji in Latin script
//     (Sorani is ckb). With "kmr" Hugo found no date names (it fell back to
//     Norwegian ones) and no plural rules (it used English ones); the mount
//     i18n/kmr.toml → i18n/ku.toml gives it the Kurdish rules.
//   - tl (Tagalog) → fil: Go's language package canonicalises tl to fil, and
//     Hugo files i18n/tl.toml under "fil": with locale "tl" Hugo found no
//     interface text and showed the Norwegian one.
//
// The folder and URL code stays prs, kmr, tl. internal/check verifies that
// Hugo finds every language's text and plural rules this way.
var Known = map[string]Language{
	"nb":  {Label: "Norsk bokmål", Locale: "nb-NO", Direction: "ltr"},
	"en":  {Label: "English", Locale: "en", Direction: "ltr"},
	"ar":  {Label: "العربية", Locale: "ar", Direction: "rtl"},
	"so":  {Label: "Soomaali", Locale: "so", Direction: "ltr"},
	"ur":  {Label: "اردو", Locale: "ur", Direction: "rtl"},
	"fa":  {Label: "فارسی", Locale: "fa", Direction: "rtl"},
	"prs": {Label: "دری", Locale: "fa-AF", Direction: "rtl"},
	"ps":  {Label: "پښتو", Locale: "ps", Direction: "rtl"},
	"ckb": {Label: "کوردی", Locale: "ckb", Direction: "rtl"},
	"kmr": {Label: "Kurmancî", Locale: "ku", Direction: "ltr"},
	"ti":  {Label: "ትግርኛ", Locale: "ti", Direction: "ltr"},
	"am":  {Label: "አማርኛ", Locale: "am", Direction: "ltr"},
	"tr":  {Label: "Türkçe", Locale: "tr", Direction: "ltr"},
	"pl":  {Label: "Polski", Locale: "pl", Direction: "ltr"},
	"lt":  {Label: "Lietuvių", Locale: "lt", Direction: "ltr"},
	"th":  {Label: "ไทย", Locale: "th", Direction: "ltr"},
	"tl":  {Label: "Tagalog", Locale: "fil", Direction: "ltr"},
	"vi":  {Label: "Tiếng Việt", Locale: "vi", Direction: "ltr"},
	"ru":  {Label: "Русский", Locale: "ru", Direction: "ltr"},
	"uk":  {Label: "Українська", Locale: "uk", Direction: "ltr"},
	"ta":  {Label: "தமிழ்", Locale: "ta", Direction: "ltr"},
	"es":  {Label: "Español", Locale: "es", Direction: "ltr"},
	"fr":  {Label: "Français", Locale: "fr", Direction: "ltr"},
	"pt":  {Label: "Português", Locale: "pt", Direction: "ltr"},
}

// CodeRE is what a language code may look like: lowercase ISO 639 letters,
// the same in URLs (/so/), folders (content/so) and file names (i18n/so.toml).
var CodeRE = regexp.MustCompile(`^[a-z]{2,3}$`)

var (
	tableRE    = regexp.MustCompile(`^\s*\[`)
	langHeadRE = regexp.MustCompile(`^\s*\[languages\.[^\]]+\]\s*$`)
)

// AddLanguage returns a copy of the hugo.toml text src with the language l
// added: its [languages.<code>] table after the last language, and its
// content mount (content/<code>) after the last language's mount. Comments
// and everything else stay as they are. l.ContentDir is ignored.
func AddLanguage(src []byte, l Language) ([]byte, error) {
	cfg, err := Parse(src)
	if err != nil {
		return nil, err
	}
	if _, ok := cfg.Language(l.Code); ok {
		return nil, fmt.Errorf("%s: language %q is already configured", File, l.Code)
	}
	text := string(src)
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	lines := strings.SplitAfter(strings.TrimSuffix(text, "\n"), "\n")
	lines[len(lines)-1] += "\n"
	table := fmt.Sprintf("\n[languages.%s]\nlabel = %q\nlocale = %q\ndirection = %q\nweight = %d\n", l.Code, l.Label, l.Locale, l.Direction, l.Weight)
	mount := fmt.Sprintf("\n[[module.mounts]]\nsource = \"content/%s\"\ntarget = \"content\"\n[module.mounts.sites.matrix]\nlanguages = [%q]\n", l.Code, l.Code)

	// The mount goes after the mount of the last language (in weight order),
	// at the end of its last key line; else at the end of the file.
	last := cfg.Languages[len(cfg.Languages)-1]
	mountAt := len(lines)
	if i := indexLine(lines, 0, `source = "`+last.ContentDir+`"`); i >= 0 {
		mountAt = endOfTables(lines, i, 2)
	}
	// The table goes after the last [languages.*] table.
	tableAt := -1
	for i, line := range lines {
		if langHeadRE.MatchString(line) {
			tableAt = endOfTables(lines, i, 1)
		}
	}
	if tableAt < 0 {
		return nil, fmt.Errorf("%s: no [languages.…] table found: add the language by hand", File)
	}
	insert := map[int]string{tableAt: table, mountAt: mount}
	var out bytes.Buffer
	for i := 0; i <= len(lines); i++ {
		if s, ok := insert[i]; ok {
			out.WriteString(s)
		}
		if i < len(lines) {
			out.WriteString(lines[i])
		}
	}
	b := out.Bytes()
	check, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("adding %q would break %s (%v): add it by hand", l.Code, File, err)
	}
	if got, ok := check.Language(l.Code); !ok || got.ContentDir != "content/"+l.Code {
		return nil, fmt.Errorf("adding %q to %s did not give it a content mount: add it by hand", l.Code, File)
	}
	return b, nil
}

// endOfTables returns the index just after the last key line of n tables
// starting at the table that holds line i (a mount is two tables: the mount
// and its sites.matrix).
func endOfTables(lines []string, i, n int) int {
	end := i + 1
	for j := i + 1; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j])
		if tableRE.MatchString(lines[j]) {
			n--
			if n == 0 {
				break
			}
		}
		if t != "" && !strings.HasPrefix(t, "#") {
			end = j + 1
		}
	}
	return end
}

func indexLine(lines []string, from int, s string) int {
	for i := from; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == s {
			return i
		}
	}
	return -1
}
