package cli

import (
	"bytes"
	"fmt"
	"os"

	"txct/store"
	"txct/store/ingest"
	"txct/store/model"
	"txct/store/safefile"
)

// runBundle moves a session between laptops: "bundle export SESSION FILE"
// and "bundle import FILE" (which prints the session's id on stdout).
func runBundle(g *global, args []string, env Env) error {
	fs := subFlags("bundle", g, env)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 3 && pos[0] == "export":
		return bundleExport(g, pos[1], pos[2], env)
	case len(pos) == 2 && pos[0] == "import":
		return bundleImport(g, pos[1], env)
	}
	return g.badUsage("txct bundle export SESSION FILE | txct bundle import FILE")
}

func bundleExport(g *global, ref, file string, env Env) error {
	db, sess, err := g.openSession(ref, store.Options{ReadOnly: true, NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	rems, err := db.Remarks(sess.ID)
	if err != nil {
		return err
	}
	b, err := ingest.NewBundle(sess, rems)
	if err != nil {
		return err
	}
	// The clerk's same-demand marks travel with the session, so the office
	// counts the raisings as the laptop does.
	if b.SameDemand, err = db.SessionClusters(sess.ID); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		return err
	}
	if err := safefile.WriteFile(file, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, g.text().F("cli.bundle.wrote", sess.ID, len(rems), file))
	return nil
}

func bundleImport(g *global, file string, env Env) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	b, err := ingest.ReadBundle(f, file)
	if err != nil {
		return err
	}
	db, err := g.open(store.Options{NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	id, warnings, err := db.ImportBundle(b)
	if err != nil {
		return fmt.Errorf("%s: %w %s", file, err, g.text().S("cli.nothingimported"))
	}
	for _, w := range warnings {
		fmt.Fprintln(env.Stderr, "txct: "+g.text().F("cli.bundle.unknownref", file, w.Remark, model.Safe(w.Petition, false)))
	}
	fmt.Fprintln(env.Stdout, id)
	return nil
}
