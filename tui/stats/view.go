package stats

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store/model"
	"txct/tui/base"
)

// sideBySide is the width from which the two charts stand side by side.
const sideBySide = 110

// eighths are the block characters for a bar's fractional end.
var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// View draws the visible part of the statistics in exactly the size given.
func (m *Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	ls := m.lines()
	m.off = max(0, min(m.off, len(ls)-m.h))
	ls = ls[m.off:min(len(ls), m.off+m.h)]
	return base.Fit(strings.Join(ls, "\n"), m.w, m.h)
}

// lines is the whole content; the screen shows a window of it.
func (m *Model) lines() []string {
	s, t := m.ctx.Styles, m.ctx.Text
	out := []string{m.tabs(), ""}
	switch {
	case !m.loaded:
		return append(out, s.Muted.Render(t.S("st.loading")))
	case m.err != nil:
		return append(out, s.Error.Render(t.F("app.error", m.err)))
	}
	c := &m.all
	scope := t.S("st.all")
	if !m.showAll {
		c, scope = &m.session, model.Safe(m.title, false)
	}
	sum := t.F("st.total", c.total, c.total-c.merged)
	scope = ansi.Truncate(scope, max(1, m.w-lipgloss.Width(sum)-2), "…")
	out = append(out, s.Subtitle.Render(scope)+"  "+s.Muted.Render(sum), "")
	if c.total == 0 {
		return append(out, s.Muted.Render(t.S("st.none")))
	}
	out = append(out, m.gauges()...)
	out = append(out, "")
	var fl []string
	for _, f := range model.Fields {
		fl = append(fl, t.S("field."+string(f)))
	}
	fl = append(fl, t.S("field.none"))
	var ll []string
	for _, a := range model.AllAuthorities {
		ll = append(ll, t.S("level."+string(a)))
	}
	ll = append(ll, t.S("level.none"))
	// Legacy huyện and the unclassified rows show only when used; the
	// fourteen fields and the three current levels always show.
	keepField := func(i int) bool { return i < len(model.Fields) || c.field[i] > 0 }
	keepLevel := func(i int) bool {
		return (i < len(model.AllAuthorities) && model.AllAuthorities[i] != model.AuthDistrict) || c.level[i] > 0
	}
	if m.w >= sideBySide {
		half := (m.w - 3) / 2
		left := m.chart(t.S("st.byfield"), fl, c.field, keepField, c.total, half)
		right := m.chart(t.S("st.bylevel"), ll, c.level, keepLevel, c.total, m.w-3-half)
		body := lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(left, "\n"), "   ", strings.Join(right, "\n"))
		return append(out, strings.Split(body, "\n")...)
	}
	out = append(out, m.chart(t.S("st.byfield"), fl, c.field, keepField, c.total, m.w)...)
	out = append(out, "")
	return append(out, m.chart(t.S("st.bylevel"), ll, c.level, keepLevel, c.total, m.w)...)
}

// tabs is the title with the scope tabs when opened from a session.
func (m *Model) tabs() string {
	s, t := m.ctx.Styles, m.ctx.Text
	out := s.Title.Render(t.S("st.title"))
	if m.id == 0 {
		return out
	}
	one, all := s.TabActive, s.Tab
	if m.showAll {
		one, all = s.Tab, s.TabActive
	}
	return out + "   " + one.Render(t.S("st.session")) + all.Render(t.S("st.all")) + s.Muted.Render("  (tab)")
}

// chart draws a titled bar chart, one row per kept value, and a total row.
func (m *Model) chart(title string, labels []string, vals []int, keep func(int) bool, total, w int) []string {
	s, t := m.ctx.Styles, m.ctx.Text
	lw, top := 0, 0
	for i, l := range labels {
		if keep(i) {
			lw = max(lw, lipgloss.Width(l))
			top = max(top, vals[i])
		}
	}
	cw := max(3, len(strconv.Itoa(total)))
	const pw = 6                       // "100,0%"
	lw = min(lw, max(8, w-cw-pw-3-10)) // leave a bar of ten cells
	bw := max(1, w-lw-cw-pw-3)
	row := func(st lipgloss.Style, label, bar string, n int, pct string) string {
		return st.Render(cell(label, lw)) + " " + s.Bar.Render(bar) + strings.Repeat(" ", bw-lipgloss.Width(bar)+1) +
			st.Render(fmt.Sprintf("%*d %*s", cw, n, pw, pct))
	}
	out := []string{s.Subtitle.Render(title)}
	for i, l := range labels {
		if !keep(i) {
			continue
		}
		if vals[i] == 0 {
			out = append(out, s.Muted.Render(cell(l, lw)+strings.Repeat(" ", bw+2)+fmt.Sprintf("%*d %*s", cw, 0, pw, m.pct(0, total))))
			continue
		}
		out = append(out, row(s.Value, l, bar(vals[i], top, bw), vals[i], m.pct(vals[i], total)))
	}
	return append(out, row(s.Subtitle, t.S("st.sum"), "", total, m.pct(total, total)))
}

// bar is v out of top as a bar of at most w cells, in eighths of a cell; a
// non-zero value always shows at least a sliver.
func bar(v, top, w int) string {
	if v <= 0 || top <= 0 {
		return ""
	}
	e := max(1, (v*w*8+top/2)/top)
	return strings.Repeat("█", e/8) + eighths[e%8]
}

// gauges are the repeat and answered-on-the-spot rates, for the session
// and across all sessions.
func (m *Model) gauges() []string {
	s, t := m.ctx.Styles, m.ctx.Text
	type scope struct {
		name string
		c    *counts
	}
	scopes := []scope{{t.S("st.all"), &m.all}}
	if m.id != 0 {
		scopes = []scope{{t.S("st.session"), &m.session}, {t.S("st.all"), &m.all}}
	}
	nw := 0
	for _, sc := range scopes {
		nw = max(nw, lipgloss.Width(sc.name))
	}
	out := []string{s.Subtitle.Render(t.S("st.rates"))}
	for _, g := range []struct {
		label string
		n     func(*counts) int
	}{
		{t.S("st.repeat"), func(c *counts) int { return c.repeats }},
		{t.S("st.answered"), func(c *counts) int { return c.answered }},
	} {
		out = append(out, s.Label.Render("  "+g.label))
		for _, sc := range scopes {
			n, d := g.n(sc.c), sc.c.total
			num := fmt.Sprintf("%6s (%d/%d)", m.pct(n, d), n, d)
			gw := max(5, min(50, m.w-nw-lipgloss.Width(num)-8))
			fill := bar(n, max(1, d), gw)
			track := s.Muted.Render(strings.Repeat("░", gw-lipgloss.Width(fill)))
			out = append(out, "    "+cell(sc.name, nw)+"  "+s.Bar.Render(fill)+track+"  "+s.Value.Render(num))
		}
	}
	return out
}

// pct formats n/d as a percentage with one decimal, with a decimal comma
// in Vietnamese.
func (m *Model) pct(n, d int) string {
	p := 0.0
	if d > 0 {
		p = float64(n) * 100 / float64(d)
	}
	out := strconv.FormatFloat(p, 'f', 1, 64) + "%"
	if m.ctx.Text.Lang == base.VI {
		out = strings.Replace(out, ".", ",", 1)
	}
	return out
}

// cell truncates or pads plain s to w cells.
func cell(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-lipgloss.Width(s)))
}
