package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"txct/export"
	"txct/store"
	"txct/store/model"
	"txct/tui/base"
)

// runRound shows a session's round (its points, its deadline, the demands
// the repeat engine finds raised at several points) and lets the clerk mark
// two remarks of different points as the same demand.
func runRound(g *global, args []string, env Env) error {
	fs := subFlags("round", g, env)
	clear := fs.Bool("clear", false, g.text().S("cli.f.clear"))
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 1 && pos[0] != "same":
		return roundShow(g, pos[0], env)
	case len(pos) == 3 && pos[0] == "same" && !*clear, len(pos) == 2 && pos[0] == "same" && *clear:
		return roundSame(g, pos[1:], env)
	}
	return g.badUsage("txct round SESSION | txct round same SESSION:N SESSION:M | txct round same --clear SESSION:N")
}

func roundShow(g *global, ref string, env Env) error {
	db, sess, err := g.openSession(ref, store.Options{ReadOnly: true, NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.RoundSessions(sess.ID)
	if err != nil {
		return err
	}
	snap, err := db.RoundSnapshot(list)
	if err != nil {
		return err
	}
	last := list[len(list)-1]
	rule, err := db.DeadlineRule()
	if err != nil {
		return fmt.Errorf("%s: %w", db.Path(), err)
	}
	dl, err := model.SessionDeadline(&last, rule, env.Now())
	if err != nil {
		return err
	}
	w, t := env.Stdout, g.text()
	fmt.Fprintf(w, "%s — %s\n", orUnset(t, sess.DelegateGroup), orUnset(t, sess.Sitting))
	fmt.Fprintln(w, t.F("cli.round.due", base.ShortDate(dl.Due.Format(model.DateLayout)), t.DeadlineWords(dl)))
	for _, pt := range snap.Points {
		fmt.Fprintln(w, t.F("cli.round.point", pt.Session.ID, base.ShortDate(pt.Session.Date), model.Safe(pt.Session.Place, false), pt.Remarks))
	}
	printSuggestions(w, t, snap)
	return nil
}

// orUnset is s made safe for the terminal, or a word saying it is not set.
func orUnset(t base.Text, s string) string {
	if strings.TrimSpace(s) == "" {
		return t.S("cli.unset")
	}
	return model.Safe(s, false)
}

// printSuggestions lists the demands raised at several points that the
// clerk has not confirmed yet, with the command that confirms each.
func printSuggestions(w io.Writer, t base.Text, snap model.Snapshot) {
	for _, sg := range store.RoundSuggestions(snap) {
		fmt.Fprintln(w, t.F("cli.round.same", sg.RemarkNo, sg.Session.ID, base.ShortDate(sg.Session.Date),
			sg.LeadNo, sg.LeadS.ID, base.ShortDate(sg.LeadS.Date), 100*sg.Score,
			sg.Session.ID, sg.RemarkNo, sg.LeadS.ID, sg.LeadNo))
	}
}

func roundSame(g *global, refs []string, env Env) error {
	db, err := g.open(store.Options{NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	ids := make([]uint64, len(refs))
	for i, ref := range refs {
		if ids[i], err = g.remarkRef(db, ref); err != nil {
			return err
		}
	}
	lead := uint64(0)
	if len(ids) == 2 {
		lead = ids[1]
	}
	if err := db.SameDemand(ids[0], lead); err != nil {
		return err
	}
	if lead == 0 {
		fmt.Fprintln(env.Stdout, g.text().F("cli.round.unmarked", refs[0]))
	} else {
		fmt.Fprintln(env.Stdout, g.text().F("cli.round.marked", refs[0], refs[1]))
	}
	return nil
}

// remarkRef resolves "SESSION:N", remark N of the session's minutes, to
// the lead of its merge group.
func (g *global) remarkRef(db *store.Store, ref string) (uint64, error) {
	sref, nstr, ok := strings.Cut(ref, ":")
	n, err := strconv.Atoi(nstr)
	if !ok || err != nil || n < 1 {
		return 0, errors.New(g.text().F("cli.round.badref", ref))
	}
	sess, err := g.findSession(db, sref)
	if err != nil {
		return 0, err
	}
	rems, err := db.Remarks(sess.ID)
	if err != nil {
		return 0, err
	}
	if n > len(rems) {
		return 0, errors.New(g.text().F("cli.round.norem", ref, sess.ID, len(rems)))
	}
	r := rems[n-1]
	if r.MergedInto != 0 {
		return r.MergedInto, nil
	}
	return r.ID, nil
}

// roundExport writes the report of the round of the session ref (or, with
// sitting, of every group's sessions for the sitting named by ref or held
// by session ref) and lists the demands still to confirm.
func (g *global) roundExport(db *store.Store, ref string, sitting bool, dir string, formats []string, o export.Options, env Env) error {
	var list []model.Session
	var err error
	switch sess, ferr := g.findSession(db, ref); {
	case sitting && ferr != nil:
		list, err = db.SittingSessions(ref)
	case ferr != nil:
		return ferr
	case sitting:
		list, err = db.SittingSessions(sess.Sitting)
	default:
		list, err = db.RoundSessions(sess.ID)
	}
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return errors.New(g.text().F("cli.round.nositting", ref))
	}
	snap, err := db.RoundSnapshot(list)
	if err != nil {
		return err
	}
	files, err := export.WriteRound(dir, snap, formats, o, sitting)
	for _, f := range files {
		fmt.Fprintln(env.Stdout, f)
	}
	if err == nil {
		printSuggestions(env.Stderr, g.text(), snap)
	}
	return err
}
