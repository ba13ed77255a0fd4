package cli

import (
	"errors"
	"fmt"

	"txct/export"
	"txct/store"
	"txct/store/model"
	"txct/store/userdirs"
	"txct/tui/base"
)

// runExport writes a session's minutes, summary report and spreadsheet.
func runExport(g *global, args []string, env Env) error {
	fs := subFlags("export", g, env)
	out := fs.String("out", "", "folder to write into (required)")
	formats := fs.String("format", "docx,xlsx,md", "formats to write: docx, xlsx, md")
	force := fs.Bool("force", false, "overwrite files of the same name (otherwise a suffix is added)")
	to := fs.String("to", "", `the report's addressee ("Kính gửi: …"), e.g. "Thường trực HĐND tỉnh Đồng Nai"`)
	signer := fs.String("signer", "", "name typed under the report's signature")
	var p model.Profile
	var capacity, recipients string
	fs.StringVar(&p.Report.Parent, "issuer-parent", "", `the report's parent body in the header, e.g. "HĐND tỉnh Đồng Nai"`)
	fs.StringVar(&p.Report.Body, "issuer", "", `the body that issues the report, e.g. "Tổ đại biểu số 3"`)
	fs.StringVar(&p.Report.Code, "issuer-code", "", `the report's issuer code after "BC-" (default from the body, e.g. TĐB)`)
	fs.StringVar(&capacity, "capacity", "", `the report signer's capacity lines, split by "/", e.g. "TM. TỔ ĐẠI BIỂU/TỔ TRƯỞNG"`)
	fs.StringVar(&recipients, "recipients", "", `the report's "Nơi nhận", split by ";"`)
	fs.StringVar(&p.Minutes.Parent, "minutes-issuer-parent", "", "the minutes' parent body in the header")
	fs.StringVar(&p.Minutes.Body, "minutes-issuer", "", `the body that keeps the minutes, e.g. "Ủy ban MTTQ Việt Nam xã Tân Thành"`)
	fs.StringVar(&p.Minutes.Code, "minutes-code", "", `the minutes' issuer code after "BB-" (default from the body)`)
	remember := fs.Bool("remember", false, "also remember the issuer flags for later exports")
	round := fs.String("round", "", "write the summary report of this session's round (its group's sessions for the same sitting)")
	sitting := fs.String("sitting", "", "write the office's report of every group's sessions for this sitting (its name, or a session held for it)")
	strict := fs.Bool("strict", false, "refuse to export while the pre-export check lists anything")
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
	t := base.Text{Lang: g.language()}
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
