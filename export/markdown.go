package export

import (
	"io"

	"txct/store/model"
)

// Markdown writes the minutes, then the report, as Markdown rendered from
// the same document trees as the DOCX files, for review in a terminal or a
// diff. Text is sanitised like the documents; control characters show as
// control pictures (␛, ␇), which terminals can draw.
func Markdown(w io.Writer, snap model.Snapshot, o Options) error {
	o, err := o.prepare()
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, MinutesDoc(snap, o).Markdown()+"---\n\n"+ReportDoc(snap, o).Markdown())
	return err
}
