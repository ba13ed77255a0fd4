package cli

import (
	"fmt"

	"txct/export"
	"txct/store"
	"txct/store/model"
)

// runExport writes a session's minutes, summary report and spreadsheet.
func runExport(g *global, args []string, env Env) error {
	fs := subFlags("export", g, env)
	out := fs.String("out", "", "folder to write into (required)")
	formats := fs.String("format", "docx,xlsx,md", "formats to write: docx, xlsx, md")
	force := fs.Bool("force", false, "overwrite files of the same name (otherwise a suffix is added)")
	to := fs.String("to", "", `the report's addressee ("Kính gửi: …"), e.g. "Thường trực HĐND tỉnh Đồng Nai"`)
	signer := fs.String("signer", "", "name typed under the report's signature")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return fmt.Errorf("usage: txct export SESSION --out DIR [--format docx,xlsx,md] [--force] [--to BODY] [--signer NAME]")
	}
	db, err := g.open(store.Options{NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	sess, err := findSession(db, pos[0])
	if err != nil {
		return err
	}
	now := env.Now()
	files, err := db.ExportSession(sess.ID, now, func(snap model.Snapshot) ([]string, error) {
		return export.WriteFiles(*out, snap, splitList(*formats), export.Options{Today: now, Force: *force, SentTo: *to, Profile: model.Profile{Report: model.Issuer{Signer: *signer}}})
	})
	for _, f := range files {
		fmt.Fprintln(env.Stdout, f)
	}
	return err
}
