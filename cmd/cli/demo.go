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
	db, err := g.open(store.Options{NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	id, err := demo.Load(db, env.Now())
	if err != nil {
		return err
	}
	_ = db.SetDemoOffered()
	fmt.Fprintf(env.Stdout, "demo loaded into %s: %d petitions in the archive, example session %d\n", db.Path(), db.ArchiveCount(), id)
	return nil
}
