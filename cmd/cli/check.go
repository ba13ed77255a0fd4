package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"txct/store"
	"txct/store/ingest"
	"txct/store/match"
)

// checkOut is one line of 'txct check' output; the shape is a documented
// contract (README): text, repeat, matches [{id, score, span}] best first.
type checkOut struct {
	Text    string       `json:"text"`
	Repeat  bool         `json:"repeat"`
	Matches []checkMatch `json:"matches"`
}

type checkMatch struct {
	ID    string  `json:"id"`
	Score float64 `json:"score"`
	// Span is the part of text that matched, in runes (Unicode code
	// points) from 0, end exclusive.
	Span match.Span `json:"span"`
	// Shared is what the remark and the petition both name, with offsets
	// in both texts.
	Shared []match.Shared `json:"shared"`
}

// maxCheckLine bounds one input line; longer remarks are cut, not refused,
// so a stray huge line still gets an answer.
const maxCheckLine = 4 << 20

func runCheck(g *global, args []string, env Env) error {
	fs := subFlags("check", g, env)
	top := fs.Int("top", 5, g.text().S("cli.f.top"))
	asJSONL := fs.Bool("jsonl", false, g.text().S("cli.f.jsonl"))
	if err := g.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *top < 1 {
		return usageError(g.text().S("cli.check.top"))
	}
	db, err := g.open(store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.LoadIndex(); err != nil {
		return err
	}
	// A byte order mark is dropped and UTF-16 with one is decoded (what
	// PowerShell's Out-File writes); text a console code page garbled is
	// refused with how to send UTF-8, never answered wrongly.
	in, _ := ingest.TextInput(bufio.NewReader(env.Stdin))
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), maxCheckLine)
	// Each answer is written as soon as its line is read, so someone typing
	// remarks by hand sees it at once.
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if *asJSONL {
			if strings.TrimSpace(text) == "" {
				continue
			}
			var in struct {
				Text *string `json:"text"`
			}
			if err := json.Unmarshal([]byte(text), &in); err != nil {
				return fmt.Errorf("stdin:%d: %v", line, err)
			}
			if in.Text == nil {
				return fmt.Errorf("stdin:%d: %s", line, g.text().S("cli.check.notext"))
			}
			text = *in.Text
		}
		if err := ingest.CheckText(text); err != nil {
			return fmt.Errorf("stdin:%d: %s", line, g.text().S("cli.check.notutf8"))
		}
		res, err := db.FindRepeats(text, store.RepeatOptions{Top: *top})
		if err != nil {
			return fmt.Errorf("stdin:%d: %w", line, err)
		}
		o := checkOut{Text: text, Repeat: res.Repeat, Matches: []checkMatch{}}
		for _, h := range res.Hits {
			o.Matches = append(o.Matches, checkMatch{ID: h.Petition.ID, Score: math.Round(h.Score*1000) / 1000, Span: h.Span,
				Shared: append([]match.Shared{}, h.Shared...)})
		}
		if err := enc.Encode(o); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("stdin:%d: %w", line+1, err)
	}
	return nil
}
