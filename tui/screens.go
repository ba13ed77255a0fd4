package tui

import (
	"txct/tui/archive"
	"txct/tui/base"
	"txct/tui/capture"
	"txct/tui/exportui"
	"txct/tui/home"
	"txct/tui/review"
	"txct/tui/round"
	"txct/tui/sessionform"
	"txct/tui/stats"
)

// The screens the root can show; each lives in its own package and gets the
// root's store as the small Store interface it declares.

func (m *Model) newHome() base.Screen { return home.New(m.ctx, m.db) }
func (m *Model) newCapture(id, at uint64) base.Screen {
	return capture.NewAt(m.ctx, m.db, id, at, m.hists)
}
func (m *Model) newSessionForm(id uint64) base.Screen { return sessionform.New(m.ctx, m.db, id) }
func (m *Model) newArchive(id string) base.Screen {
	if id != "" {
		return archive.NewAt(m.ctx, m.db, id)
	}
	return archive.New(m.ctx, m.db)
}
func (m *Model) newReview(id uint64) base.Screen { return review.New(m.ctx, m.db, id) }
func (m *Model) newStats(id uint64) base.Screen  { return stats.New(m.ctx, m.db, id) }
func (m *Model) newExport(id uint64) base.Screen { return exportui.New(m.ctx, m.db, id) }
func (m *Model) newRound(id uint64) base.Screen  { return round.New(m.ctx, m.db, id) }
