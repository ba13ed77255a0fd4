package capture

import (
	"txct/store/model"
	"txct/tui/base"
)

// NewWith builds the screen over an already loaded session, saving through
// saver, for tests and benchmarks that need no database.
func NewWith(ctx *base.Context, saver Saver, sess model.Session, remarks []model.Remark) *Model {
	m := New(ctx, nil, sess.ID)
	m.saver = saver
	m.onLoaded(loadedMsg{id: sess.ID, sess: sess, remarks: remarks})
	return m
}
