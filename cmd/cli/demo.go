package cli

import (
	"fmt"

	"txct/store"
	"txct/store/demo"
)

func runDemo(g *global, args []string, env Env) error {
	fs := subFlags("demo", g, env)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	db, err := g.open(store.Options{})
	if err != nil {
		return err
	}
	defer db.Close() // saves the repeat index with the demo petitions in it
	// Load the saved index first, so the demo rows join it instead of
	// making the next start rebuild it from the whole archive.
	if err := db.LoadIndex(); err != nil {
		return err
	}
	id, err := demo.Load(db, env.Now())
	if err != nil {
		return err
	}
	_ = db.SetDemoOffered()
	fmt.Fprintf(env.Stdout, "demo loaded into %s: %d petitions in the archive, example session %d\n", db.Path(), db.ArchiveCount(), id)
	return nil
}
