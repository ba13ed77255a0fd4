package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/ingest"
	"txct/store/model"
	"txct/tui/attach"
	"txct/tui/base"
)

// isReport reports whether path is a report document rather than an
// archive file.
func isReport(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx", ".docm", ".pdf":
		return true
	}
	return false
}

// importReport reads a past report (.docx), shows what it understood, and
// after confirmation (or --yes) writes its petitions in one transaction.
// An item already in the archive is not added again: an answer report's
// answer is attached to it instead.
func importReport(db *store.Store, path string, o importOpts, env Env) error {
	rep, err := ingest.ReadReportFile(path, ingest.ReportOptions{Session: o.session, Date: o.date})
	if err != nil {
		return err
	}
	if o.dryRun {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		for _, it := range rep.Items {
			if err := enc.Encode(it.Petition); err != nil {
				return err
			}
		}
		return nil
	}
	t := base.Text{Lang: o.lang}
	printUnderstood(env, path, rep, t)
	plan, err := planReport(db, rep)
	if err != nil {
		return err
	}
	ps, attached := plan.petitions()
	for i, a := range plan.props {
		if i == 5 {
			fmt.Fprintln(env.Stdout, t.F("cli.rep.more", len(plan.props)-5))
			break
		}
		mark := "⇒"
		if !a.accept {
			mark = "?"
		}
		fmt.Fprintf(env.Stdout, "  %d %s %s (%.2f): %s\n", a.item.No, mark, model.Safe(a.hit.ID, false), a.score, model.Safe(cutRunes(a.hit.Text, 70), false))
	}
	if !o.yes {
		switch {
		case !env.StdinTTY:
			return errors.New(t.F("cli.rep.needyes", path, attachScore))
		case len(plan.props) > 0:
			m := attach.New(plan.candidates(), o.lang)
			if err := runAttach(m); err != nil {
				return err
			}
			if !m.Confirmed {
				return errors.New(t.F("cli.rep.cancelled", path))
			}
			for i := range plan.props {
				plan.props[i].accept = m.Cands[i].Accept
			}
			ps, attached = plan.petitions()
		default:
			fmt.Fprint(env.Stdout, t.F("cli.rep.ask", len(ps)))
			line, _ := bufio.NewReader(env.Stdin).ReadString('\n')
			switch strings.ToLower(strings.TrimSpace(line)) {
			case "c", "có", "co", "y", "yes":
			default:
				return errors.New(t.F("cli.rep.notconfirmed", path))
			}
		}
	}
	r, err := db.PutPetitions(ps)
	if err != nil {
		return fmt.Errorf("%s: %w %s", path, err, t.S("cli.import.nothing"))
	}
	fmt.Fprintln(env.Stdout, t.F("cli.rep.done", path, r.Added, r.Updated, attached, plan.same))
	return nil
}

// printUnderstood shows the kind, sitting and date, the count by level and
// by field, and the first items.
func printUnderstood(env Env, path string, rep *ingest.Report, t base.Text) {
	w := env.Stdout
	kind := t.S("cli.rep.summary")
	if rep.Answers {
		kind = t.S("cli.rep.answers")
	}
	fmt.Fprintln(w, t.F("cli.rep.head", path, kind, len(rep.Items), model.Safe(rep.Session, false), rep.Date))
	byLevel, byField := map[model.Authority]int{}, map[model.Field]int{}
	for _, it := range rep.Items {
		byLevel[it.Petition.Authority]++
		byField[it.Petition.Field]++
	}
	fmt.Fprintln(w, t.F("cli.rep.bylevel", counts(model.AllAuthorities, byLevel, t.S("cli.rep.nolevel"))))
	fmt.Fprintln(w, t.F("cli.rep.byfield", counts(model.Fields, byField, t.S("cli.rep.nofield"))))
	for i, it := range rep.Items {
		if i == 3 {
			break
		}
		p := it.Petition
		fmt.Fprintf(w, "  %d. %s [%s; %s; %s]\n", it.No, model.Safe(cutRunes(p.Text, 90), false), p.Field, p.Authority, model.Safe(p.Location, false))
		if p.Response != "" {
			by := ""
			if p.Body != "" {
				by = model.Safe(p.Body, false) + ": "
			}
			fmt.Fprintf(w, "     → %s%s\n", by, model.Safe(cutRunes(p.Response, 70), false))
		}
	}
}

// counts lists "name count" for each key of order, then for the empty key
// (shown as none), leaving out keys counted zero times.
func counts[K ~string](order []K, n map[K]int, none string) string {
	var parts []string
	for _, k := range append(slices.Clone(order), "") {
		if n[k] > 0 {
			name := string(k)
			if k == "" {
				name = none
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, n[k]))
		}
	}
	return strings.Join(parts, ", ")
}

func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// attachScore is the least repeat score at which --yes attaches an answer
// report's item to an archived petition without a person looking. On the
// dev pack's remarks written with diacritics (TestAttachScoreOnDevPack)
// the highest-scoring wrong match scores 0.42; from 0.6 on, 12 matches
// attach and none wrongly (0.5 would attach 17, also none wrongly, with
// less room). A wrong attachment gives a petition someone else's answer,
// so the margin is kept; the confirmation screen shows lower matches too.
const attachScore = 0.6

// reportPlan is what importing a report will do.
type reportPlan struct {
	add   []model.Petition // new petitions
	props []proposal       // answers that may attach to archived petitions
	same  int              // items already in the archive, nothing to add
}

// proposal is an answer report's item the repeat engine matched to an
// archived petition.
type proposal struct {
	item   ingest.ReportItem
	hit    model.Petition
	score  float64
	accept bool
}

// runAttach runs the confirmation screen; tests replace it.
var runAttach = func(m *attach.Model) error {
	_, err := tea.NewProgram(m).Run()
	return err
}

// planReport matches each item against the archive with the repeat engine.
// An item whose text is the archived petition's (a report txct exported,
// imported back) is the same petition: not added again, and its answer
// attached. An answer report's item the engine flags as a repeat is
// proposed for attachment, accepted by default at attachScore or more.
// Everything else is added.
func planReport(db *store.Store, rep *ingest.Report) (reportPlan, error) {
	var plan reportPlan
	used := map[string]bool{}
	for _, it := range rep.Items {
		p := it.Petition
		res, err := db.FindRepeats(p.Text, store.RepeatOptions{Top: 1})
		if err != nil {
			return plan, err
		}
		if len(res.Hits) > 0 && !used[res.Hits[0].Petition.ID] {
			h := res.Hits[0]
			same := sameText(h.Petition.Text, p.Text)
			switch {
			case same && p.Response == "":
				used[h.Petition.ID] = true
				plan.same++
				continue
			case same || rep.Answers && p.Response != "" && res.Repeat:
				used[h.Petition.ID] = true
				plan.props = append(plan.props, proposal{item: it, hit: h.Petition, score: h.Score, accept: same || h.Score >= attachScore})
				continue
			}
		}
		plan.add = append(plan.add, p)
	}
	return plan, nil
}

// petitions is what the plan writes: the new petitions, and for each
// proposal either the archived petition with the report's answer or the
// item as a new petition. attached counts the former.
func (pl reportPlan) petitions() (ps []model.Petition, attached int) {
	ps = append(ps, pl.add...)
	for _, pr := range pl.props {
		if !pr.accept {
			ps = append(ps, pr.item.Petition)
			continue
		}
		q := pr.hit
		p := pr.item.Petition
		q.Response, q.Body, q.AnsweredAt = p.Response, p.Body, p.AnsweredAt
		if q.Status != model.StatusResolved {
			q.Status = model.StatusAnswered
		}
		ps = append(ps, q)
		attached++
	}
	return ps, attached
}

// candidates are the proposals as the confirmation screen shows them.
func (pl reportPlan) candidates() []attach.Candidate {
	out := make([]attach.Candidate, len(pl.props))
	for i, pr := range pl.props {
		p := pr.item.Petition
		out[i] = attach.Candidate{No: pr.item.No, Item: p.Text, Body: p.Body, Answer: p.Response,
			ID: pr.hit.ID, Archived: pr.hit.Text, Score: pr.score, Accept: pr.accept}
	}
	return out
}

// sameText compares two wordings of a petition as a report prints them:
// case of the first letter, spaces and the final stop do not count.
func sameText(a, b string) bool {
	norm := func(s string) string {
		s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
		return strings.TrimRight(s, ".;: ")
	}
	return norm(a) == norm(b)
}
