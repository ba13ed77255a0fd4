package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"txct/store"
	"txct/store/ingest"
	"txct/store/model"
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
	en := o.lang == base.EN
	printUnderstood(env, path, rep, en)
	plan, err := planReport(db, rep)
	if err != nil {
		return err
	}
	for i, a := range plan.pairs {
		if i == 5 {
			fmt.Fprintf(env.Stdout, "  … %d more\n", len(plan.pairs)-5)
			break
		}
		fmt.Fprintf(env.Stdout, "  %d ⇒ %s (%.2f): %s\n", a.no, model.Safe(a.p.ID, false), a.score, model.Safe(cutRunes(a.p.Text, 70), false))
	}
	if !o.yes {
		if !env.StdinTTY {
			return fmt.Errorf("%s: nothing imported: run again with --yes to import what is shown above, or --dry-run to see every item", path)
		}
		q := fmt.Sprintf("Nhập %d kiến nghị mới, gắn %d trả lời vào kiến nghị đã có? [c/K] ", len(plan.add), len(plan.attach))
		if en {
			q = fmt.Sprintf("Import %d new petitions and attach %d answers to archived ones? [y/N] ", len(plan.add), len(plan.attach))
		}
		fmt.Fprint(env.Stdout, q)
		line, _ := bufio.NewReader(env.Stdin).ReadString('\n')
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "c", "có", "co", "y", "yes":
		default:
			return fmt.Errorf("%s: nothing imported (not confirmed)", path)
		}
	}
	ps := append(append([]model.Petition(nil), plan.add...), plan.attach...)
	r, err := db.PutPetitions(ps)
	if err != nil {
		return fmt.Errorf("%s: %w (nothing from this file was imported)", path, err)
	}
	fmt.Fprintf(env.Stdout, "%s: %d added, %d updated (%d answers attached to archived petitions, %d already in the archive), 0 refused\n",
		path, r.Added, r.Updated, len(plan.attach), plan.same)
	return nil
}

// printUnderstood shows the kind, sitting and date, the count by level and
// by field, and the first items.
func printUnderstood(env Env, path string, rep *ingest.Report, en bool) {
	w := env.Stdout
	kind := "báo cáo tổng hợp"
	if rep.Answers {
		kind = "báo cáo trả lời"
	}
	if en {
		kind = map[bool]string{false: "summary report", true: "answer report"}[rep.Answers]
	}
	fmt.Fprintf(w, "%s: %s, %d items; %s %q, %s %s\n", path, kind, len(rep.Items),
		map[bool]string{false: "kỳ họp", true: "sitting"}[en], model.Safe(rep.Session, false),
		map[bool]string{false: "ngày", true: "date"}[en], rep.Date)
	byLevel, byField := map[model.Authority]int{}, map[model.Field]int{}
	for _, it := range rep.Items {
		byLevel[it.Petition.Authority]++
		byField[it.Petition.Field]++
	}
	var parts []string
	for _, a := range append(append([]model.Authority(nil), model.AllAuthorities...), "") {
		if n := byLevel[a]; n > 0 {
			name := string(a)
			if a == "" {
				name = map[bool]string{false: "chưa rõ thẩm quyền", true: "no level"}[en]
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, n))
		}
	}
	fmt.Fprintf(w, "  %s: %s\n", map[bool]string{false: "theo thẩm quyền", true: "by level"}[en], strings.Join(parts, ", "))
	parts = nil
	for _, f := range append(append([]model.Field(nil), model.Fields...), "") {
		if n := byField[f]; n > 0 {
			name := string(f)
			if f == "" {
				name = map[bool]string{false: "chưa rõ lĩnh vực", true: "no field"}[en]
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, n))
		}
	}
	fmt.Fprintf(w, "  %s: %s\n", map[bool]string{false: "theo lĩnh vực", true: "by field"}[en], strings.Join(parts, ", "))
	for i, it := range rep.Items {
		if i == 3 {
			break
		}
		p := it.Petition
		fmt.Fprintf(w, "  %d. %s [%s; %s; %s]\n", it.No, model.Safe(cutRunes(p.Text, 90), false), p.Field, p.Authority, model.Safe(p.Location, false))
		if p.Response != "" {
			fmt.Fprintf(w, "     → %s: %s\n", model.Safe(p.Body, false), model.Safe(cutRunes(p.Response, 80), false))
		}
	}
}

func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// attachScore is the least repeat score at which --yes attaches an answer
// report's item to an archived petition without a person looking: well
// above the engine's repeat threshold (0.35, tuned for spoken remarks), since
// an item of an answer report is the same summary the archive holds, and a
// wrong attachment would give a petition someone else's answer.
const attachScore = 0.6

// reportPlan is what importing a report will do.
type reportPlan struct {
	add    []model.Petition // new petitions
	attach []model.Petition // archived petitions with the report's answer
	pairs  []attachPair     // for the preview
	same   int              // items already in the archive, nothing to add
}

type attachPair struct {
	no    int
	score float64
	p     model.Petition
}

// planReport matches each item against the archive with the repeat engine.
// An item whose text is the archived petition's (a report txct exported,
// imported back) is the same petition; an answer report's item that the
// engine flags as a repeat at attachScore or more has its answer attached
// to the petition. Everything else is added.
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
			if same || rep.Answers && res.Repeat && h.Score >= attachScore {
				used[h.Petition.ID] = true
				if p.Response == "" {
					plan.same++
					continue
				}
				q := h.Petition
				q.Response, q.Body, q.AnsweredAt = p.Response, p.Body, p.AnsweredAt
				if q.Status != model.StatusResolved {
					q.Status = model.StatusAnswered
				}
				plan.attach = append(plan.attach, q)
				plan.pairs = append(plan.pairs, attachPair{it.No, h.Score, h.Petition})
				continue
			}
		}
		plan.add = append(plan.add, p)
	}
	return plan, nil
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
