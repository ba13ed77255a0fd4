package cli

import (
	"fmt"

	"txct/store"
)

func runBackup(g *global, args []string, env Env) error {
	fs := subFlags("backup", g, env)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return g.badUsage("txct backup FILE")
	}
	db, err := g.open(store.Options{ReadOnly: true, NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(pos[0]); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, g.text().F("cli.backup.done", db.Path(), pos[0]))
	return nil
}

func runRestore(g *global, args []string, env Env) error {
	fs := subFlags("restore", g, env)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return g.badUsage("txct restore FILE")
	}
	path, err := g.path()
	if err != nil {
		return err
	}
	kept, err := store.Restore(path, pos[0], env.Now())
	if err != nil {
		return err
	}
	if kept != "" {
		fmt.Fprintln(env.Stdout, g.text().F("cli.restore.kept", path, pos[0], kept))
	} else {
		fmt.Fprintln(env.Stdout, g.text().F("cli.restore.done", path, pos[0]))
	}
	return nil
}

func runVerify(g *global, args []string, env Env) error {
	fs := subFlags("verify", g, env)
	if err := g.parseNoArgs(fs, args); err != nil {
		return err
	}
	db, err := g.open(store.Options{ReadOnly: true, NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Check(); err != nil {
		return fmt.Errorf("%s: %w", db.Path(), err)
	}
	fmt.Fprintln(env.Stdout, g.text().F("cli.verify.ok", db.Path()))
	return nil
}
