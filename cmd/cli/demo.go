package cli

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"txct/store"
	"txct/store/demo"
)

// runDemo loads the demo (asking first on a database that holds real work;
// nothing on file is ever overwritten) or, with --remove, deletes every
// record the demo created.
func runDemo(g *global, args []string, env Env) error {
	fs := subFlags("demo", g, env)
	remove := fs.Bool("remove", false, g.text().S("cli.f.demoremove"))
	yes := fs.Bool("yes", false, g.text().S("cli.f.demoyes"))
	if err := g.parseNoArgs(fs, args); err != nil {
		return err
	}
	db, err := g.open(store.Options{})
	if err != nil {
		return err
	}
	defer db.Close() // saves the repeat index with the demo petitions in it
	// Load the saved index first, so the demo rows join it (or leave it)
	// instead of making the next start rebuild it from the whole archive.
	if err := db.LoadIndex(); err != nil {
		return err
	}
	if *remove {
		d, err := demo.Remove(db)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, g.text().F("cli.demo.removed", db.Path(), len(d.Sessions), len(d.Petitions)))
		return nil
	}
	real, err := demo.HasRealData(db)
	if err != nil {
		return err
	}
	if real && !*yes {
		if !env.StdinTTY {
			return errors.New(g.text().F("cli.demo.needyes", db.Path()))
		}
		fmt.Fprint(env.Stderr, g.text().F("cli.demo.ask", db.Path()))
		line, _ := bufio.NewReader(env.Stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" && a != "c" && a != "có" {
			fmt.Fprintln(env.Stdout, g.text().S("cli.demo.notloaded"))
			return nil
		}
	}
	id, err := demo.Load(db, env.Now())
	if err != nil {
		return err
	}
	if err := db.SetDemoOffered(); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, g.text().F("cli.demo.done", db.Path(), db.ArchiveCount(), id))
	return nil
}
