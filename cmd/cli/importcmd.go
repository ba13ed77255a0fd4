package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"charm.land/bubbles/v2/progress"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"txct/store"
	"txct/store/ingest"
	"txct/store/model"
	"txct/tui/base"
)

// importOpts are import's flags.
type importOpts struct {
	encoding      string
	dryRun, yes   bool
	session, date string
	lang          base.Lang
}

// runImport imports archive files, each in one transaction: all of a file's
// rows or none. A terminal gets a progress bar; a pipe gets one summary line
// per file. The exit status is 1 if any file was refused.
// importMemoryLimit is the soft memory limit of an import (see runImport).
const importMemoryLimit = 300 << 20

func runImport(g *global, args []string, env Env) error {
	fs := subFlags("import", g, env)
	var o importOpts
	t := g.text()
	fs.StringVar(&o.encoding, "encoding", "", t.S("cli.f.encoding"))
	fs.BoolVar(&o.dryRun, "dry-run", false, t.S("cli.f.dryrun"))
	fs.BoolVar(&o.yes, "yes", false, t.S("cli.f.importyes"))
	fs.StringVar(&o.session, "session", "", t.S("cli.f.session"))
	fs.StringVar(&o.date, "date", "", t.S("cli.f.date"))
	o.lang = g.language()
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return g.badUsage("txct import [--encoding E] [--dry-run] [--yes] [--session S] [--date D] FILE...")
	}
	// An import holds the rows read, the write transaction and the index
	// build at once; a soft memory limit makes the collector keep the heap
	// near it instead of letting it double (100,000 rows: about 400 MB
	// resident instead of 700). GOMEMLIMIT set by the user wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemoryLimit))
	}
	db, err := g.open(store.Options{Grow: importGrowth(files)})
	if err != nil {
		return err
	}
	defer db.Close() // saves the updated repeat index for the next start
	var failed int
	for _, f := range files {
		if err := importOne(db, f, o, env); err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "txct: %s\n", g.text().Err(err))
			fmt.Fprintln(env.Stdout, g.text().F("cli.import.refused", f))
		}
	}
	// Bring the index up to date now, so the app starts with it ready.
	if err := db.LoadIndex(); err != nil {
		return err
	}
	if failed > 0 {
		return &ExitError{Code: 1, Err: errors.New(g.text().F("cli.import.failed", failed, len(files)))}
	}
	return nil
}

// importGrowth is about how much importing files adds to the database: a
// stored row takes about one and a half times its JSONL or CSV line with
// the repeat index, and a spreadsheet is a zip of about a third of its text.
func importGrowth(files []string) int64 {
	var n int64
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			continue // reported when the file is read
		}
		switch strings.ToLower(filepath.Ext(f)) {
		case ".xlsx", ".xls":
			n += fi.Size() * 4
		case ".jsonl", ".csv", ".txt", ".json":
			n += fi.Size() * 3 / 2
		}
	}
	return n
}

func importOne(db *store.Store, path string, o importOpts, env Env) error {
	if isReport(path) {
		return importReport(db, path, o, env)
	}
	if o.dryRun {
		return errors.New(base.Text{Lang: o.lang}.F("cli.import.dryrun", path))
	}
	opt := ingest.Options{Encoding: o.encoding}
	var bar *progressBar
	if env.StderrTTY {
		bar = newProgressBar(env.Stderr, path, stderrProfile(env.Stderr))
		opt.Progress = bar.update
	}
	start := time.Now()
	res, err := ingest.ReadFile(path, opt)
	if bar != nil {
		bar.done()
	}
	if err != nil {
		return err
	}
	// A small file joins the saved index (loaded in about 0.2 s); a large
	// one is cheaper to index in one parallel build after it is written.
	if len(res.Petitions) < 5000 && !db.IndexReady() {
		if err := db.LoadIndex(); err != nil {
			return err
		}
	}
	r, err := db.PutPetitions(res.Petitions)
	if err != nil {
		return fmt.Errorf("%s: %w %s", path, err, base.Text{Lang: o.lang}.S("cli.import.nothing"))
	}
	t := base.Text{Lang: o.lang}
	line := t.F("cli.import.done", path, r.Added, r.Updated)
	if res.Duplicates > 0 {
		line += t.F("cli.import.dups", res.Duplicates)
	}
	if res.Encoding != "" && res.Encoding != "UTF-8" {
		line += t.F("cli.import.enc", res.Encoding)
	}
	if env.StdoutTTY {
		line += t.F("cli.import.took", time.Since(start).Round(time.Millisecond))
	}
	fmt.Fprintln(env.Stdout, line)
	for _, c := range res.Converted {
		fmt.Fprintf(env.Stdout, "  %s\n", convertedLine(o.lang, c))
	}
	return nil
}

// convertedLine says that a spreadsheet column was converted from a legacy
// font encoding: "cột Nội dung: chuyển từ TCVN3 (.VnTime)".
func convertedLine(lang base.Lang, c ingest.ColumnEncoding) string {
	from := c.Encoding.Name
	if c.Encoding.Font != "" && !strings.Contains(from, c.Encoding.Font) {
		from = strings.TrimSuffix(strings.SplitN(from, " (", 2)[0], " ") + " (" + c.Encoding.Font + ")"
	}
	return base.Text{Lang: lang}.F("cli.import.conv", model.Safe(c.Column, false), from)
}

// progressBar draws a bar on a terminal, at most ten times a second. On a
// console that cannot show escape sequences (an old Windows console, TERM=dumb)
// it draws plain characters and clears the line with spaces.
type progressBar struct {
	w     io.Writer
	name  string
	bar   progress.Model
	plain bool
	last  time.Time
	width int // cells of the last line drawn
}

func newProgressBar(w io.Writer, name string, profile colorprofile.Profile) *progressBar {
	opts := []progress.Option{progress.WithWidth(40)}
	if profile > colorprofile.Ascii {
		opts = append(opts, progress.WithDefaultBlend())
	}
	return &progressBar{w: w, name: name, bar: progress.New(opts...), plain: profile <= colorprofile.Ascii}
}

// stderrProfile is what the terminal on stderr can show: colourless when
// NO_COLOR is set or it understands no escape sequences at all.
func stderrProfile(w io.Writer) colorprofile.Profile {
	if !enableEscapes(w) {
		return colorprofile.NoTTY
	}
	return colorprofile.Detect(w, os.Environ())
}

func (p *progressBar) update(done, total int64) {
	if total <= 0 || time.Since(p.last) < 100*time.Millisecond && done < total {
		return
	}
	p.last = time.Now()
	line := p.bar.ViewAs(float64(done)/float64(total)) + " " + p.name
	if p.plain {
		line = ansi.Strip(line)
	}
	p.width = ansi.StringWidth(line)
	fmt.Fprintf(p.w, "\r%s", line)
}

func (p *progressBar) done() {
	switch {
	case p.last.IsZero():
	case p.plain:
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	default:
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
