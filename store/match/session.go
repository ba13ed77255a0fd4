package match

// Similar returns how alike two remarks are, 0–1, with the same analysis and
// specifics rules as Check (a remark that names another hamlet or bridge is
// not similar); it is symmetric. The capture screen uses it to offer merging
// a remark into an earlier remark of the same session ("nhiều cử tri cùng
// kiến nghị"). With no archive to learn word rarity from, every word counts
// alike; for many remarks, keep an Index of the session's remarks (Put,
// Remove) and Check against it instead.
func Similar(a, b string) float64 {
	return (similar(a, b) + similar(b, a)) / 2
}

func similar(a, b string) float64 {
	ix := NewIndex()
	ix.Put("b", b, "")
	r := ix.Check(a, 1)
	if len(r.Hits) == 0 {
		return 0
	}
	return r.Hits[0].Score
}
