//go:build race

package match

// raceEnabled: timings under the race detector say nothing about speed.
const raceEnabled = true
