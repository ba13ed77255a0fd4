package store

import "txct/store/model"

// archiveIndex keeps the repeat index in step with the archive.
type archiveIndex struct{}

func newArchiveIndex() *archiveIndex { return &archiveIndex{} }

func (ix *archiveIndex) put(ps ...model.Petition) {}
