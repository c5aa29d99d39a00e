package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
	"github.com/redcross-no/familieinnvandring/internal/xliff"
)

func init() {
	register("xliff", "XLIFF 1.2 for reviewers' translation tools: export L [-o FILE] | import FILE [--reviewer NAME]", runXliff)
}

// xliffOptions are the arguments of `site xliff export` and `site xliff import`.
type xliffOptions struct {
	lang, out           string // export
	file, reviewer, day string // import
}

func runXliff(e *env, args []string) int {
	if len(args) == 0 || (args[0] != "export" && args[0] != "import") {
		e.errorf("xliff: say export or import: site xliff export L [-o FILE], site xliff import FILE [--reviewer NAME]")
		return ExitUsage
	}
	var o xliffOptions
	if args[0] == "export" {
		fs := e.flags("xliff export", "L [-o FILE]")
		fs.StringVar(&o.out, "o", "", "write the XLIFF to FILE (default: standard output)")
		pos, code, ok := parseInterleaved(fs, args[1:])
		if !ok {
			return code
		}
		if len(pos) != 1 {
			e.errorf("xliff export: name one language, e.g. site xliff export ar -o ar.xlf")
			return ExitUsage
		}
		o.lang = pos[0]
		return xliffExportRun(e, o)
	}
	fs := e.flags("xliff import", "FILE [--reviewer NAME] [--date YYYY-MM-DD]")
	fs.StringVar(&o.reviewer, "reviewer", "", "who reviewed the units marked final or approved (needed when a page becomes reviewed)")
	fs.StringVar(&o.day, "date", "", "the day of the review, YYYY-MM-DD (default: today)")
	pos, code, ok := parseInterleaved(fs, args[1:])
	if !ok {
		return code
	}
	if len(pos) != 1 {
		e.errorf("xliff import: name one file, e.g. site xliff import ar.xlf --reviewer \"Name\"")
		return ExitUsage
	}
	o.file = pos[0]
	if o.day == "" {
		o.day = time.Now().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, o.day); err != nil {
		e.errorf("xliff import: --date %q is not a date: write it as YYYY-MM-DD", o.day)
		return ExitUsage
	}
	return xliffImportRun(e, o)
}

func xliffExportRun(e *env, o xliffOptions) int {
	cfg, err := siteconfig.Load(e.root)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	if _, ok := cfg.Language(o.lang); !ok || o.lang == cfg.Default {
		e.errorf("xliff export: %q is not a translation language of this site", o.lang)
		return ExitUsage
	}
	out, skipped, err := xliff.Export(e.root, cfg, o.lang)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	for _, f := range skipped {
		fmt.Fprintf(e.stderr, "site: %s does not exist yet: left out of the file (translate it first)\n", f)
	}
	if o.out == "" {
		_, err = e.stdout.Write(out)
	} else {
		err = writeFileAtomic(e.userPath(o.out), out)
	}
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	return ExitOK
}

// userPath is a file the user named on the command line: an absolute path as
// written (filepath.Join would glue /tmp/ar.xlf under the repository and
// write it where nobody looks), a relative one from the repository root,
// where site runs.
func (e *env) userPath(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(e.root, p)
}

func xliffImportRun(e *env, o xliffOptions) int {
	cfg, err := siteconfig.Load(e.root)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	data, err := os.ReadFile(e.userPath(o.file))
	if err != nil {
		e.errorf("xliff import: %v", err)
		return ExitProblems
	}
	res, err := xliff.Import(e.root, cfg, o.file, data, xliff.Options{Reviewer: o.reviewer, Date: o.day})
	var xe *xliff.Error
	if errors.As(err, &xe) {
		fmt.Fprintln(e.stderr, xe.Error())
		return ExitProblems
	}
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	// Everything was checked before this point: write it all.
	for _, w := range res.Writes {
		if err := writeFileAtomic(filepath.Join(e.root, w.File), w.Data); err != nil {
			e.errorf("%v", err)
			return ExitProblems
		}
	}
	for _, m := range res.Messages {
		fmt.Fprintln(e.stdout, m)
	}
	return ExitOK
}

// writeFileAtomic replaces a file by renaming a finished copy over it, so
// that a reader (site serve, an editor) never sees half of it.
func writeFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
