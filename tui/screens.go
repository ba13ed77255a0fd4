package tui

import (
	"txct/tui/archive"
	"txct/tui/base"
	"txct/tui/capture"
	"txct/tui/exportui"
	"txct/tui/home"
	"txct/tui/review"
	"txct/tui/sessionform"
	"txct/tui/stats"
)

// The screens the root can show; each lives in its own package.

func newHome(ctx *base.Context) base.Screen                   { return home.New(ctx) }
func newCapture(ctx *base.Context, id, at uint64) base.Screen { return capture.NewAt(ctx, id, at) }
func newSessionForm(ctx *base.Context, id uint64) base.Screen { return sessionform.New(ctx, id) }
func newArchive(ctx *base.Context, id string) base.Screen {
	if id != "" {
		return archive.NewAt(ctx, id)
	}
	return archive.New(ctx)
}
func newReview(ctx *base.Context, id uint64) base.Screen { return review.New(ctx, id) }
func newStats(ctx *base.Context, id uint64) base.Screen  { return stats.New(ctx, id) }
func newExport(ctx *base.Context, id uint64) base.Screen { return exportui.New(ctx, id) }
