package capture

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"txct/store"
	"txct/store/match"
	"txct/store/model"
	"txct/tui/base"
)

// checkDelay is how long typing must pause before a repeat check runs. The
// check itself runs in a command, off the keystroke path.
const checkDelay = 150 * time.Millisecond

type checkTickMsg struct{ seq int }

type repeatsFoundMsg struct {
	seq      int
	remarkID uint64
	text     string
	res      store.RepeatResult
	err      error
}

// panel shows what the remark being typed may repeat.
type panel struct {
	seq      int
	remarkID uint64
	text     string
	repeat   bool
	hits     []store.Repeat
	sel      int
	sibling  uint64
	sibScore float64
	checking bool
	err      error
}

func (p *panel) reset() {
	*p = panel{seq: p.seq + 1}
}

func (p *panel) next() {
	if len(p.hits) > 0 {
		p.sel = (p.sel + 1) % len(p.hits)
	}
}

func (p *panel) onFound(msg repeatsFoundMsg, editing uint64) {
	if msg.seq != p.seq || msg.remarkID != editing {
		return // a late answer for an older text or another remark
	}
	p.checking = false
	p.remarkID, p.text, p.err = msg.remarkID, msg.text, msg.err
	p.repeat, p.hits = msg.res.Repeat, msg.res.Hits
	p.sibling, p.sibScore = msg.res.Sibling, msg.res.SiblingScore
	p.sel = min(p.sel, max(0, len(p.hits)-1))
}

// scheduleCheck starts the debounce for a repeat check of the edited remark.
func (m *Model) scheduleCheck() tea.Cmd {
	if m.mode != modeEdit {
		return nil
	}
	m.panel.seq++
	seq := m.panel.seq
	return tea.Tick(checkDelay, func(time.Time) tea.Msg { return checkTickMsg{seq: seq} })
}

// onCheckTick runs the check if typing has paused since it was scheduled.
func (m *Model) onCheckTick(msg checkTickMsg) tea.Cmd {
	id := m.editingID()
	if msg.seq != m.panel.seq || id == 0 || m.db == nil {
		return nil
	}
	text := m.remarks[m.ed.idx].Text
	dismissed := slices.Clone(m.remarks[m.ed.idx].Dismissed)
	// Earlier remarks of this session, for the merge offer.
	var earlier []model.Remark
	for i := 0; i < m.ed.idx; i++ {
		earlier = append(earlier, m.remarks[i])
	}
	db, seq, uid := m.db, msg.seq, m.sess.UID
	m.panel.checking = true
	return func() tea.Msg {
		out := repeatsFoundMsg{seq: seq, remarkID: id, text: text}
		if strings.TrimSpace(text) == "" {
			return out
		}
		out.res, out.err = db.FindRepeats(text, store.RepeatOptions{Dismissed: dismissed, Earlier: earlier, Session: uid, History: true})
		return out
	}
}

// confirmRepeat links the remark to the highlighted petition.
func (m *Model) confirmRepeat() {
	i := m.ed.idx
	if m.editingID() == 0 || len(m.panel.hits) == 0 {
		return
	}
	id := m.panel.hits[m.panel.sel].Petition.ID
	m.syncEditor()
	m.record(m.ctx.Text.F("cap.step.confirm", id, seqOf(i)), runKey{})
	r := &m.remarks[i]
	if !slices.Contains(r.RepeatOf, id) {
		r.RepeatOf = append(r.RepeatOf, id)
	}
	r.Dismissed = slices.DeleteFunc(r.Dismissed, func(x string) bool { return x == id })
	m.saveRemark(i)
	m.status(m.ctx.Text.F("cap.confirmed", id))
}

// dismissRepeat records that the highlighted petition is not a repeat.
func (m *Model) dismissRepeat() {
	i := m.ed.idx
	if m.editingID() == 0 || len(m.panel.hits) == 0 {
		return
	}
	id := m.panel.hits[m.panel.sel].Petition.ID
	m.syncEditor()
	m.record(m.ctx.Text.F("cap.step.dismiss", id, seqOf(i)), runKey{})
	r := &m.remarks[i]
	r.RepeatOf = slices.DeleteFunc(r.RepeatOf, func(x string) bool { return x == id })
	if !slices.Contains(r.Dismissed, id) {
		r.Dismissed = append(r.Dismissed, id)
	}
	m.panel.hits = slices.Delete(m.panel.hits, m.panel.sel, m.panel.sel+1)
	m.panel.sel = min(m.panel.sel, max(0, len(m.panel.hits)-1))
	m.saveRemark(i)
	m.status(m.ctx.Text.F("cap.dismissed", id))
}

// mergeWithSuggestion puts the edited remark in the group of the earlier
// remark that makes the same demand; pressed again, it leaves the group. With
// no such remark it says so.
func (m *Model) mergeWithSuggestion() {
	i := m.ed.idx
	if m.editingID() == 0 {
		return
	}
	t := m.ctx.Text
	m.syncEditor()
	r := m.remarks[i]
	switch {
	case r.MergedInto != 0:
		m.setMerge(i, 0, t.F("cap.step.unmerge", seqOf(i)))
		m.status(t.S("cap.unmerged"))
	case m.panel.sibling != 0 && m.panel.sibling != r.ID:
		m.setMerge(i, m.panel.sibling, t.F("cap.step.merge", seqOf(i), m.seqOfID(m.panel.sibling)))
		m.status(t.F("cap.merged", m.seqOfID(m.panel.sibling)))
	default:
		// No remark alike enough: the secretary names one by its number.
		m.mergeAsk, m.mergeNum = true, ""
		m.status(t.S("cap.nomerge"))
	}
}

// onMergeKey takes the number of the remark to merge with: digits,
// backspace, Enter to merge, anything else to give up.
func (m *Model) onMergeKey(msg tea.KeyPressMsg) {
	t, k := m.ctx.Text, m.ctx.Keys
	switch {
	case len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9' && len(m.mergeNum) < 4:
		m.mergeNum += msg.Text
		return
	case key.Matches(msg, k.Erase) && m.mergeNum != "":
		m.mergeNum = m.mergeNum[:len(m.mergeNum)-1]
		return
	case key.Matches(msg, k.Open):
	default:
		m.mergeAsk = false
		return
	}
	m.mergeAsk = false
	n, _ := strconv.Atoi(m.mergeNum)
	i := m.ed.idx
	if n < 1 || n > len(m.remarks) || n-1 == i {
		m.status(t.F("cap.mergebad", m.mergeNum))
		return
	}
	lead := m.remarks[n-1].ID
	if l := m.remarks[n-1].MergedInto; l != 0 {
		lead = l
	}
	if lead == m.remarks[i].ID {
		m.status(t.F("cap.mergebad", m.mergeNum))
		return
	}
	m.syncEditor()
	m.setMerge(i, lead, t.F("cap.step.merge", seqOf(i), m.seqOfID(lead)))
	m.status(t.F("cap.merged", m.seqOfID(lead)))
}

// setMerge puts remark i in the group led by lead (0: out of any group) as
// one undo step.
func (m *Model) setMerge(i int, lead uint64, label string) {
	m.record(label, runKey{})
	m.remarks[i].MergedInto = lead
	m.saveRemark(i)
}

// panelKey is what the panel's drawing depends on; the drawing is cached
// under it, so typing redraws the panel only when a check answers.
type panelKey struct {
	seq, sel, hits, w, h, confirmed int
	mode                            mode
	sibling, merged                 uint64
	ready, checking                 bool
	text                            string
}

// panelView draws the repeat panel at width w and height h.
func (m *Model) panelView(w, h int) string {
	k := panelKey{seq: m.panel.seq, sel: m.panel.sel, hits: len(m.panel.hits), w: w, h: h, mode: m.mode,
		sibling: m.panel.sibling, checking: m.panel.checking, text: m.panel.text}
	if m.db != nil {
		k.ready = m.db.IndexReady()
	}
	if m.mode == modeEdit && m.ed.idx >= 0 && m.ed.idx < len(m.remarks) {
		k.confirmed = len(m.remarks[m.ed.idx].RepeatOf)
		k.merged = m.remarks[m.ed.idx].MergedInto
	}
	if m.panelCache.ok && m.panelCache.key == k {
		return m.panelCache.out
	}
	out := m.drawPanel(w, h)
	m.panelCache.key, m.panelCache.out, m.panelCache.ok = k, out, true
	return out
}

func (m *Model) drawPanel(w, h int) string {
	s, t := m.ctx.Styles, m.ctx.Text
	p := &m.panel
	var b []string
	title := s.PanelTitle.Render(t.S("cap.panel.title"))
	b = append(b, title)
	switch {
	case m.mode != modeEdit:
		b = append(b, s.Muted.Render(wrap(t.S("cap.panel.idle"), w)))
	case m.db != nil && !m.db.IndexReady():
		b = append(b, s.Muted.Render(t.S("app.loadingidx")))
	case p.err != nil:
		b = append(b, s.Error.Render(wrap(t.Err(p.err), w)))
	case len(p.hits) == 0 && p.text != "":
		b = append(b, s.OK.Render(t.S("cap.panel.none")))
	case len(p.hits) == 0:
		b = append(b, s.Muted.Render(wrap(t.S("cap.panel.typing"), w)))
	}
	if m.mode == modeEdit && p.sibling != 0 {
		r := m.remarks[m.ed.idx]
		line := t.F("cap.panel.sibling", m.seqOfID(p.sibling), int(p.sibScore*100+0.5))
		if r.MergedInto != 0 {
			line = t.F("cap.panel.mergedinto", m.seqOfID(r.MergedInto))
		}
		b = append(b, s.Badge.Render(wrap(line, w)))
	}
	if m.mode == modeEdit && len(p.hits) > 0 {
		if p.repeat {
			b = append(b, s.RepeatHit.Render(wrap(t.S("cap.panel.flag"), w)))
		}
		confirmed := m.remarks[m.ed.idx].RepeatOf
		for i, hit := range p.hits {
			b = append(b, m.hitView(hit, i == p.sel, slices.Contains(confirmed, hit.Petition.ID), w)...)
		}
	}
	out := strings.Join(b, "\n")
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

func (m *Model) hitView(hit store.Repeat, selected, confirmed bool, w int) []string {
	s, t := m.ctx.Styles, m.ctx.Text
	p := hit.Petition
	mark := "  "
	if selected {
		mark = s.Cursor.Render("▶ ")
	}
	head := fmt.Sprintf("%s%s %s", mark, s.Score.Render(fmt.Sprintf("%3d%%", int(hit.Score*100+0.5))), s.Subtitle.Render(safe(p.ID)))
	if confirmed {
		head += " " + s.OK.Render("✓ "+t.S("cap.panel.confirmed"))
	}
	out := []string{"", head}
	when := t.F("cap.panel.raised", base.ShortDate(p.RaisedAt), safe(p.Session), p.TimesRaised())
	out = append(out, indent(s.Muted.Render(wrap(when, w-2)), 2))
	// The part of the remark that matched, when it is not the whole
	// remark, and what both texts name, highlighted in each.
	var inRemark, inPetition []match.Span
	for _, sh := range hit.Shared {
		inRemark = append(inRemark, sh.Remark...)
		inPetition = append(inPetition, sh.Petition...)
	}
	if said := []rune(m.panel.text); hit.Span.End > hit.Span.Start && hit.Span.End <= len(said) &&
		strings.TrimSpace(string(said[:hit.Span.Start])+string(said[hit.Span.End:])) != "" {
		part := highlight(string(said[hit.Span.Start:hit.Span.End]), shift(inRemark, -hit.Span.Start), s.Shared)
		out = append(out, indent(s.Muted.Render(wrap(t.F("cap.panel.said", part), w-2)), 2))
	}
	txt := p.Text
	if !selected {
		txt = truncRunes(txt, 2*(w-2))
	}
	out = append(out, indent(wrap(highlight(txt, inPetition, s.Shared), w-2), 2))
	body := safe(p.Body)
	if body == "" {
		body = t.S("cap.panel.nobody")
	}
	ans := safe(p.Response)
	if ans == "" {
		ans = t.S("cap.panel.noanswer")
	}
	answer := t.F("cap.panel.answer", body, ans)
	if !selected {
		// Every match shows who answered and the start of the answer; the
		// highlighted one shows it whole.
		answer = truncRunes(answer, w-3)
	}
	out = append(out, indent(s.Answer.Render(wrap(answer, w-2)), 2))
	if p.Status != "" {
		out = append(out, indent(statusStyle(s, p.Status).Render(t.S("status."+string(p.Status))), 2))
	}
	return out
}

func statusStyle(s base.Styles, st model.Status) lipgloss.Style {
	switch st {
	case model.StatusResolved:
		return s.OK
	case model.StatusUnresolved:
		return s.Error
	}
	return s.Warn
}

func wrap(s string, w int) string { return lipgloss.NewStyle().Width(max(8, w)).Render(s) }

func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

// highlight renders text made safe for the terminal, with the rune spans
// in style st; spans past the end of text (cut off) are ignored.
func highlight(text string, spans []match.Span, st lipgloss.Style) string {
	rs := []rune(text)
	spans = slices.Clone(spans)
	slices.SortFunc(spans, func(a, b match.Span) int { return a.Start - b.Start })
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.Start < at || sp.End > len(rs) || sp.Start >= sp.End {
			continue
		}
		b.WriteString(safe(string(rs[at:sp.Start])))
		b.WriteString(st.Render(safe(string(rs[sp.Start:sp.End]))))
		at = sp.End
	}
	b.WriteString(safe(string(rs[at:])))
	return b.String()
}

func shift(spans []match.Span, by int) []match.Span {
	out := make([]match.Span, len(spans))
	for i, s := range spans {
		out[i] = match.Span{Start: s.Start + by, End: s.End + by}
	}
	return out
}

func truncRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n || n < 2 {
		return s
	}
	return string(r[:n-1]) + "…"
}
