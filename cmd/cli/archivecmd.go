package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"txct/store"
	"txct/store/ingest"
	"txct/store/model"
	"txct/store/safefile"
)

// runArchive writes the archive out (a tracking sheet for the competent
// bodies, or JSONL for another laptop) and forwards a session's petitions.
func runArchive(g *global, args []string, env Env) error {
	fs := subFlags("archive", g, env)
	t := g.text()
	status := fs.String("status", "", t.S("cli.f.status"))
	auth := fs.String("authority", "", t.S("cli.f.authority"))
	since := fs.String("since", "", t.S("cli.f.since"))
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 2 && pos[0] == "export":
		f, err := archiveFilter(*status, *auth, *since)
		if err != nil {
			return err
		}
		return archiveExport(g, pos[1], f, env)
	case len(pos) == 2 && pos[0] == "forward":
		return archiveForward(g, pos[1], env)
	}
	return g.badUsage("txct archive export FILE.xlsx|FILE.jsonl [--status LIST] [--authority LIST] [--since DATE] | txct archive forward SESSION")
}

// archiveFilter reads the export's filters; labels are matched as the
// archive readers match them (any case, with or without diacritics).
func archiveFilter(status, auth, since string) (store.ArchiveFilter, error) {
	var f store.ArchiveFilter
	for _, s := range splitList(status) {
		st, err := ingest.ParseStatus(s)
		if err != nil {
			return f, fmt.Errorf("--status: %w", err)
		}
		f.Statuses = append(f.Statuses, st)
	}
	for _, s := range splitList(auth) {
		a, err := ingest.ParseAuthority(s)
		if err != nil {
			return f, fmt.Errorf("--authority: %w", err)
		}
		f.Authorities = append(f.Authorities, a)
	}
	if since != "" {
		if _, err := model.ParseDate(since); err != nil {
			return f, fmt.Errorf("--since: %w", err)
		}
		f.Since = since
	}
	return f, nil
}

func archiveExport(g *global, file string, f store.ArchiveFilter, env Env) error {
	db, err := g.open(store.Options{ReadOnly: true, NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	ps, err := db.SelectPetitions(f)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch strings.ToLower(filepath.Ext(file)) {
	case ".xlsx":
		err = ingest.WriteTrackingSheet(&buf, ps)
	case ".jsonl":
		err = ingest.WriteArchiveJSONL(&buf, ps)
	default:
		return errors.New(g.text().F("cli.archive.ext", file))
	}
	if err != nil {
		return err
	}
	if err := safefile.WriteFile(file, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, g.text().F("cli.archive.wrote", file, len(ps)))
	return nil
}

func archiveForward(g *global, ref string, env Env) error {
	db, sess, err := g.openSession(ref, store.Options{})
	if err != nil {
		return err
	}
	defer db.Close() // saves the updated repeat index
	if err := db.LoadIndex(); err != nil {
		return err
	}
	r, err := db.ForwardSession(sess.ID)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, g.text().F("cli.archive.fwd",
		sess.ID, r.Added, r.Updated, r.Withdrawn, r.Repeats))
	return nil
}

// runAnswers imports a filled-in tracking sheet: "answers import FILE".
func runAnswers(g *global, args []string, env Env) error {
	fs := subFlags("answers", g, env)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "import" {
		return g.badUsage("txct answers import FILE.xlsx|FILE.csv")
	}
	file := pos[1]
	res, err := ingest.ReadFile(file, ingest.Options{})
	if err != nil {
		return fmt.Errorf("%w %s", err, g.text().S("cli.nothingimported"))
	}
	db, err := g.open(store.Options{NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	r, err := db.ApplyAnswers(res.Petitions, func(i int, key string, err error) error { return res.ErrorAt(i, key, err) })
	if err != nil {
		return err
	}
	for _, w := range r.Warnings {
		fmt.Fprintln(env.Stderr, "txct: "+g.text().F("cli.answers.warn", w))
	}
	fmt.Fprintln(env.Stdout, g.text().F("cli.answers.done",
		file, len(res.Petitions), r.Answered, r.Statuses, r.Unchanged))
	return nil
}
