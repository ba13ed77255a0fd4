// Package match finds archived petitions that a live voter remark repeats.
// It holds the Vietnamese text handling the
// matcher needs (NFC, lower case, folding of marks and đ, abbreviations, road
// numbers, Telex/VNI leftovers, filler words, place and object names) and an
// in-memory index over the petition archive that scores a remark against
// 100,000 petitions in a few milliseconds.
//
// It is plain Go: no UI, no bbolt. The store keeps one [Index] in step with
// the archive (Add/Remove) and may persist it with [Index.MarshalBinary]; the
// capture screen, the archive browser and `txct check` call [Index.Check]. The
// sahilm/fuzzy [Baseline] is kept only so the evaluation can show what the
// engine gains over it.
package match
