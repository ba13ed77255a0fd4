package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"txct/export"
	"txct/store"
	"txct/store/model"
)

const roundUsage = "usage: txct round SESSION | txct round same SESSION:N SESSION:M | txct round same --clear SESSION:N"

// runRound shows a session's round (its points, its deadline, the demands
// the repeat engine finds raised at several points) and lets the clerk mark
// two remarks of different points as the same demand.
func runRound(g *global, args []string, env Env) error {
	fs := subFlags("round", g, env)
	clear := fs.Bool("clear", false, "with same: unmark the remark")
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
	return usageError("%s", roundUsage)
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
	w := env.Stdout
	fmt.Fprintf(w, "%s — %s\n", orUnset(sess.DelegateGroup), orUnset(sess.Sitting))
	fmt.Fprintf(w, "report and minutes due %s (%s)\n", dl.Due.Format(model.DateLayout), g.text().DeadlineWords(dl))
	for _, pt := range snap.Points {
		fmt.Fprintf(w, "  %d\t%s\t%s\t%d remarks\n", pt.Session.ID, pt.Session.Date, model.Safe(pt.Session.Place, false), pt.Remarks)
	}
	printSuggestions(w, snap)
	return nil
}

func orUnset(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(not set)"
	}
	return model.Safe(s, false)
}

// printSuggestions lists the demands raised at several points that the
// clerk has not confirmed yet, with the command that confirms each.
func printSuggestions(w io.Writer, snap model.Snapshot) {
	for _, sg := range store.RoundSuggestions(snap) {
		fmt.Fprintf(w, "same demand? remark %d of session %d (%s) and remark %d of session %d (%s), %.0f%% alike: txct round same %d:%d %d:%d\n",
			sg.RemarkNo, sg.Session.ID, sg.Session.Date, sg.LeadNo, sg.LeadS.ID, sg.LeadS.Date, 100*sg.Score,
			sg.Session.ID, sg.RemarkNo, sg.LeadS.ID, sg.LeadNo)
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
		fmt.Fprintf(env.Stdout, "%s is no longer marked as the same demand as a remark of another point\n", refs[0])
	} else {
		fmt.Fprintf(env.Stdout, "%s and %s are one demand in the round report\n", refs[0], refs[1])
	}
	return nil
}

// remarkRef resolves "SESSION:N", remark N of the session's minutes, to
// the lead of its merge group.
func (g *global) remarkRef(db *store.Store, ref string) (uint64, error) {
	sref, nstr, ok := strings.Cut(ref, ":")
	n, err := strconv.Atoi(nstr)
	if !ok || err != nil || n < 1 {
		return 0, fmt.Errorf("%q: give a remark as SESSION:N (remark N of the session's minutes)", ref)
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
		return 0, fmt.Errorf("%q: session %d has %d remarks", ref, sess.ID, len(rems))
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
		return fmt.Errorf("no session was held for the sitting %q", ref)
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
		printSuggestions(env.Stderr, snap)
	}
	return err
}
