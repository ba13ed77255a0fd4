package cli

import (
	"errors"
	"fmt"

	"txct/export"
	"txct/store"
	"txct/store/model"
	"txct/store/userdirs"
)

// runExport writes a session's minutes, summary report and spreadsheet.
func runExport(g *global, args []string, env Env) error {
	fs := subFlags("export", g, env)
	t := g.text()
	out := fs.String("out", "", t.S("cli.f.out"))
	formats := fs.String("format", "docx,xlsx,md", t.S("cli.f.format"))
	force := fs.Bool("force", false, t.S("cli.f.force"))
	to := fs.String("to", "", t.S("cli.f.to"))
	signer := fs.String("signer", "", t.S("cli.f.signer"))
	var p model.Profile
	var capacity, recipients string
	fs.StringVar(&p.Report.Parent, "issuer-parent", "", t.S("cli.f.issuerparent"))
	fs.StringVar(&p.Report.Body, "issuer", "", t.S("cli.f.issuer"))
	fs.StringVar(&p.Report.Code, "issuer-code", "", t.S("cli.f.issuercode"))
	fs.StringVar(&capacity, "capacity", "", t.S("cli.f.capacity"))
	fs.StringVar(&recipients, "recipients", "", t.S("cli.f.recipients"))
	fs.StringVar(&p.Minutes.Parent, "minutes-issuer-parent", "", t.S("cli.f.minparent"))
	fs.StringVar(&p.Minutes.Body, "minutes-issuer", "", t.S("cli.f.minissuer"))
	fs.StringVar(&p.Minutes.Code, "minutes-code", "", t.S("cli.f.mincode"))
	remember := fs.Bool("remember", false, t.S("cli.f.remember"))
	round := fs.String("round", "", t.S("cli.f.round"))
	sitting := fs.String("sitting", "", t.S("cli.f.sitting"))
	strict := fs.Bool("strict", false, t.S("cli.f.strict"))
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if (*round != "" || *sitting != "") && len(pos) == 0 && *out != "" {
		p.Report.Signer = *signer
		p.Report.Capacity = splitOn(capacity, "/")
		p.Report.Recipients = splitOn(recipients, ";")
		db, err := g.open(store.Options{ReadOnly: true, NoIndex: true})
		if err != nil {
			return err
		}
		defer db.Close()
		o := export.Options{Today: env.Now(), Force: *force, SentTo: *to, Profile: p, Defaults: db.Profile()}
		if *sitting != "" {
			return g.roundExport(db, *sitting, true, *out, splitList(*formats), o, env)
		}
		return g.roundExport(db, *round, false, *out, splitList(*formats), o, env)
	}
	if len(pos) != 1 || *out == "" {
		return g.badUsage("txct export SESSION|--round SESSION|--sitting SITTING --out DIR [--format docx,xlsx,md] [--force] [--to BODY] [--signer NAME] [--issuer-parent BODY] [--issuer BODY] [--issuer-code CODE] [--capacity LINE/LINE] [--recipients A;B] [--minutes-issuer-parent BODY] [--minutes-issuer BODY] [--minutes-code CODE] [--remember]")
	}
	p.Report.Signer = *signer
	p.Report.Capacity = splitOn(capacity, "/")
	p.Report.Recipients = splitOn(recipients, ";")
	db, sess, err := g.openSession(pos[0], store.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	// The pre-export check goes to stderr; --strict stops here on any item.
	snap, err := db.Snapshot(sess.ID)
	if err != nil {
		return err
	}
	items, err := db.ExportCheck(snap)
	if err != nil {
		return err
	}
	if len(items) > 0 {
		fmt.Fprintln(env.Stderr, t.F("check.title", len(items)))
		for _, it := range items {
			fmt.Fprintln(env.Stderr, "  "+t.CheckLine(it))
		}
		if *strict {
			return errors.New(t.F("check.strict", len(items)))
		}
	}
	// Issuer flags hold for this session from now on (re-exports and its
	// bundles carry them) and, with --remember, for every later export.
	if !p.Minutes.IsZero() || !p.Report.IsZero() {
		s, err := db.Session(sess.ID)
		if err != nil {
			return err
		}
		s.Issuers = p.Or(s.Issuers)
		if err := db.UpdateSession(s); err != nil {
			return err
		}
		if *remember {
			if err := db.SetProfile(p.Or(db.Profile())); err != nil {
				return err
			}
		}
	}
	now := env.Now()
	defaults := db.Profile()
	files, err := db.ExportSession(sess.ID, now, func(snap model.Snapshot) ([]string, error) {
		return export.WriteFiles(userdirs.ExpandHome(*out), snap, splitList(*formats), export.Options{Today: now, Force: *force, SentTo: *to, Defaults: defaults})
	})
	for _, f := range files {
		fmt.Fprintln(env.Stdout, f)
	}
	return err
}
