package review

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store/model"
	"txct/tui/base"
)

// View draws the header and the items in exactly the size given.
func (m *Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s, t := m.ctx.Styles, m.ctx.Text
	var body []string
	switch {
	case !m.loaded:
		body = []string{"", s.Muted.Render("  " + t.S("rev.loading"))}
	case m.err != nil:
		body = []string{"", s.Error.Render("  " + t.F("app.error", m.err))}
	case len(m.items) == 0:
		body = []string{"", s.Muted.Render("  " + t.S("rev.none"))}
	case m.table:
		body = m.tableLines()
	default:
		body = m.window()
	}
	lines := append(m.header(), body...)
	return base.Fit(strings.Join(lines, "\n"), m.w, m.h)
}

// tableLines is the delegates' table: one line per repeated petition with
// the remark's number, the petition, when it was first raised, how many
// times, its status, then who answered, cut to the screen's width. The
// status comes before the answering body so a narrow screen keeps it.
func (m *Model) tableLines() []string {
	s, t := m.ctx.Styles, m.ctx.Text
	statusW := 16
	fixed := 4 + 1 + 10 + 1 + 4 + 1 + statusW + 1
	textW := max(12, (m.w-fixed)*3/5)
	bodyW := max(0, m.w-fixed-textW-1)
	cell := func(v string, w int) string {
		v = ansi.Truncate(v, w, "…")
		return v + strings.Repeat(" ", max(0, w-lipgloss.Width(v)))
	}
	head := cell(t.S("rev.t.no"), 4) + " " + cell(t.S("rev.t.text"), textW) + " " + cell(t.S("rev.t.first"), 10) + " " +
		cell(t.S("rev.t.times"), 4) + " " + cell(t.S("rev.t.status"), statusW) + " " + cell(t.S("rev.t.body"), bodyW)
	out := []string{s.Label.Underline(true).Render(ansi.Truncate(head, m.w, ""))}
	for _, it := range m.items {
		for _, rp := range it.reps {
			no := fmt.Sprint(it.seq)
			if rp.unconfirmed {
				no += "?"
			}
			text, first, times, st, body := safe(rp.id)+" "+t.S("rev.missing"), "", "", "", ""
			stStyle := s.Muted
			if p := rp.p; p != nil {
				text, first, times = safe(p.Text), base.ShortDate(p.RaisedAt), fmt.Sprint(p.TimesRaised())
				st = t.S("status." + string(p.Status))
				if p.Status == "" {
					st = "—"
				}
				body = answeredBy(t, p)
				stStyle = statusStyle(s, p.Status)
			}
			line := cell(no, 4) + " " + cell(text, textW) + " " + cell(first, 10) + " " + cell(times, 4) + " " +
				stStyle.Render(cell(st, statusW)) + " " + cell(body, bodyW)
			out = append(out, ansi.Truncate(line, m.w, ""))
		}
	}
	if len(out) > m.bodyHeight() {
		out = append(out[:m.bodyHeight()-1], s.Muted.Render(t.F("rev.t.more", len(out)-m.bodyHeight()+1)))
	}
	return out
}

// window is the part of the page (or of the current item) on screen; a
// paged item shorter than the screen sits in its middle.
func (m *Model) window() []string {
	m.render()
	h := m.bodyHeight()
	m.off = m.clamp(m.off)
	if m.paged {
		b := m.blocks[m.cur]
		if len(b) < h {
			return append(make([]string, (h-len(b))/2), b...)
		}
		return b[m.off:min(len(b), m.off+h)]
	}
	var out []string
	for i, b := range m.blocks {
		for j := range len(b) + 2 { // the item, then two blank lines
			if n := m.starts[i] + j; n < m.off || n >= m.off+h {
				continue
			}
			if j < len(b) {
				out = append(out, b[j])
			} else {
				out = append(out, "")
			}
		}
	}
	return out
}

func (m *Model) header() []string {
	s, t := m.ctx.Styles, m.ctx.Text
	right := ""
	if len(m.items) > 0 {
		right = t.F("rev.page", m.cur+1, len(m.items))
	}
	title := ansi.Truncate(t.F("rev.title", safe(m.title)), max(1, m.w-lipgloss.Width(right)-3), "…")
	gap := max(1, m.w-lipgloss.Width(title)-lipgloss.Width(right)-1)
	counts := t.F("rev.counts", m.confirmed, m.remarks, m.unresolved)
	if n := len(m.items) - m.confirmed; n > 0 {
		counts += t.F("rev.flaggedn", n)
	}
	cst := s.Subtitle
	if m.unresolved > 0 {
		cst = s.Warn
	}
	return []string{
		" " + s.Title.Render(title) + strings.Repeat(" ", gap) + s.Muted.Render(right),
		" " + cst.Render(ansi.Truncate(counts, max(1, m.w-2), "…")),
		s.Muted.Render(strings.Repeat("─", m.w)),
	}
}

// itemLines renders one remark and the petitions it repeats at width w,
// left cells in from the edge; roomy puts a blank line between the parts.
func (m *Model) itemLines(it *item, w, left int, roomy bool) []string {
	s, t := m.ctx.Styles, m.ctx.Text
	var out []string
	add := func(indent int, st lipgloss.Style, text string) {
		indent += left - 1
		for _, l := range wrap(text, max(10, w-indent-left)) {
			out = append(out, strings.Repeat(" ", indent)+st.Render(l))
		}
	}
	gap := func() {
		if roomy {
			out = append(out, "")
		}
	}
	voter := safe(it.r.Voter)
	if strings.TrimSpace(voter) == "" {
		voter = t.S("rev.anon")
	}
	head := t.F("rev.remark", it.seq) + " · " + voter
	if a := safe(it.r.Address); strings.TrimSpace(a) != "" {
		head += " · " + a
	}
	add(1, s.Title, head)
	add(1, s.Big, safe(it.r.Text))
	for _, rp := range it.reps {
		out = append(out, "")
		if rp.p == nil {
			add(3, s.RepeatHit, t.S("rev.repeat")+" · "+safe(rp.id)+" "+t.S("rev.missing"))
			continue
		}
		p := rp.p
		if rp.unconfirmed {
			add(3, s.Warn, t.S("rev.flagged")+" · "+safe(p.ID))
		} else {
			add(3, s.RepeatHit, t.S("rev.repeat")+" · "+safe(p.ID))
		}
		if rp.said != "" {
			add(3, s.Muted, t.F("cap.panel.said", safe(rp.said)))
		}
		add(3, s.Value, safe(p.Text))
		out = append(out, "")
		add(3, s.Value, t.F("rev.raised", base.ShortDate(p.RaisedAt), safe(p.Session)))
		add(3, s.Badge, t.F("rev.times", p.TimesRaised()))
		if len(p.Raises) > 0 {
			var later []string
			for _, r := range p.Raises {
				later = append(later, fmt.Sprintf("%s (%s)", base.ShortDate(r.Date), safe(r.Session)))
			}
			add(3, s.Muted, t.F("rev.later", strings.Join(later, "; ")))
		}
		gap()
		add(3, s.Value, t.F("rev.body", answeredBy(t, p)))
		add(3, s.Subtitle, t.S("rev.answer"))
		if strings.TrimSpace(p.Response) == "" {
			add(5, s.Muted, t.S("rev.noanswer"))
		} else {
			add(5, s.Answer, model.Safe(p.Response, true))
		}
		gap()
		out = append(out, strings.Repeat(" ", left+2)+s.Label.Render(t.S("rev.status"))+statusText(s, t, p.Status))
	}
	return out
}

// answeredBy is the answering body with the answer's date and reference.
func answeredBy(t base.Text, p *model.Petition) string {
	parts := []string{safe(p.Body)}
	if strings.TrimSpace(p.Body) == "" {
		parts[0] = t.S("rev.nobody")
	}
	if p.AnsweredAt != "" {
		parts = append(parts, base.ShortDate(p.AnsweredAt))
	}
	if r := safe(p.Ref); strings.TrimSpace(r) != "" {
		parts = append(parts, r)
	}
	return strings.Join(parts, " · ")
}

// statusText colours a status: resolved green, under way or answered
// amber, unresolved red; the dot and the words carry it without colour.
// statusStyle is the colour of a status: resolved green, unresolved red,
// the rest amber.
func statusStyle(s base.Styles, st model.Status) lipgloss.Style {
	switch st {
	case model.StatusResolved:
		return s.OK.Bold(true)
	case model.StatusUnresolved:
		return s.Error
	}
	return s.Warn
}

func statusText(s base.Styles, t base.Text, st model.Status) string {
	if st == "" {
		return s.Muted.Render("—")
	}
	style := statusStyle(s, st)
	label := t.S("status." + string(st))
	if strings.HasPrefix(label, "⟨") {
		label = safe(string(st))
	}
	return style.Render("● " + label)
}

func safe(s string) string { return model.Safe(s, false) }

// wrap word-wraps text, keeping its paragraphs, to lines of w cells.
func wrap(text string, w int) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\t", "    "), "\n") {
		out = append(out, strings.Split(ansi.Wrap(para, w, ""), "\n")...)
	}
	return out
}
