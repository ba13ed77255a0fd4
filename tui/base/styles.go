// Package base holds what every txct screen shares: the context value passed
// to screens (size, styles, keys, language, the data they may call), the one
// key map, the one set of styles and every UI string. Screens import base;
// base imports no screen.
package base

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is the one set of styles, named after roles, built for a light or a
// dark terminal background.
type Styles struct {
	IsDark bool

	App        lipgloss.Style
	Title      lipgloss.Style
	Subtitle   lipgloss.Style
	Muted      lipgloss.Style
	Label      lipgloss.Style
	Value      lipgloss.Style
	Selected   lipgloss.Style
	Cursor     lipgloss.Style
	Panel      lipgloss.Style
	PanelFocus lipgloss.Style
	PanelTitle lipgloss.Style
	Header     lipgloss.Style
	StatusBar  lipgloss.Style
	Error      lipgloss.Style
	Warn       lipgloss.Style
	OK         lipgloss.Style
	Tab        lipgloss.Style
	TabActive  lipgloss.Style
	Badge      lipgloss.Style
	RepeatHit  lipgloss.Style
	Score      lipgloss.Style
	Shared     lipgloss.Style // what a remark and a matched petition both name
	Answer     lipgloss.Style
	Overlay    lipgloss.Style
	Bar        lipgloss.Style
	Big        lipgloss.Style

	Accent, Subtle, Danger, Warning, Good color.Color
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#3B5BDB"), lipgloss.Color("#8CA4FF"))
	subtle := ld(lipgloss.Color("#6B7280"), lipgloss.Color("#9CA3AF"))
	border := ld(lipgloss.Color("#CBD5E1"), lipgloss.Color("#475569"))
	danger := ld(lipgloss.Color("#C92A2A"), lipgloss.Color("#FF8787"))
	warning := ld(lipgloss.Color("#B35C00"), lipgloss.Color("#FFC078"))
	good := ld(lipgloss.Color("#2B8A3E"), lipgloss.Color("#8CE99A"))
	selBg := ld(lipgloss.Color("#DBE4FF"), lipgloss.Color("#2C3A6B"))
	text := ld(lipgloss.Color("#111827"), lipgloss.Color("#E5E7EB"))

	s := Styles{IsDark: isDark, Accent: accent, Subtle: subtle, Danger: danger, Warning: warning, Good: good}
	s.App = lipgloss.NewStyle()
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Subtitle = lipgloss.NewStyle().Bold(true)
	s.Muted = lipgloss.NewStyle().Foreground(subtle)
	s.Label = lipgloss.NewStyle().Foreground(subtle)
	s.Value = lipgloss.NewStyle().Foreground(text)
	s.Selected = lipgloss.NewStyle().Background(selBg).Foreground(text).Bold(true)
	s.Cursor = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Panel = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1)
	s.PanelFocus = s.Panel.BorderForeground(accent)
	s.PanelTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(text)
	s.StatusBar = lipgloss.NewStyle().Foreground(subtle)
	s.Error = lipgloss.NewStyle().Foreground(danger).Bold(true)
	s.Warn = lipgloss.NewStyle().Foreground(warning).Bold(true)
	s.OK = lipgloss.NewStyle().Foreground(good)
	s.Tab = lipgloss.NewStyle().Foreground(subtle).Padding(0, 1)
	s.TabActive = lipgloss.NewStyle().Foreground(accent).Bold(true).Underline(true).Padding(0, 1)
	s.Badge = lipgloss.NewStyle().Bold(true).Foreground(warning)
	s.RepeatHit = lipgloss.NewStyle().Bold(true).Foreground(warning)
	s.Score = lipgloss.NewStyle().Foreground(accent)
	s.Shared = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent)
	s.Answer = lipgloss.NewStyle().Foreground(good)
	s.Overlay = lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(accent).Padding(1, 2)
	s.Bar = lipgloss.NewStyle().Foreground(accent)
	s.Big = lipgloss.NewStyle().Bold(true)
	return s
}
