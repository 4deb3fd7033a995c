package sample

import (
	"embed"
	"io/fs"
)

//go:embed news/*.txt
var news embed.FS

//go:embed EXPECTED.md
var expected []byte

// Expected returns EXPECTED.md, the hand coding of the stories: the gold
// data that `dyad eval sample` scores the pipeline against.
func Expected() []byte { return append([]byte(nil), expected...) }

// File is one story: its file name (without the news/ folder) and contents.
type File struct {
	Name string
	Data []byte
}

// Files returns every story, sorted by name. Each call returns fresh
// copies, so callers may modify them.
func Files() []File {
	entries, err := fs.ReadDir(news, "news")
	if err != nil {
		panic("sample: embedded news folder missing: " + err.Error()) // fixed at build time
	}
	files := make([]File, 0, len(entries))
	for _, e := range entries { // ReadDir sorts by name
		b, err := fs.ReadFile(news, "news/"+e.Name())
		if err != nil {
			panic("sample: read embedded " + e.Name() + ": " + err.Error())
		}
		files = append(files, File{Name: e.Name(), Data: b})
	}
	return files
}

// FS returns the stories as a read-only file system with the files at its
// root ("01-seoul-tokyo-intelligence.txt").
func FS() fs.FS {
	sub, err := fs.Sub(news, "news")
	if err != nil {
		panic("sample: " + err.Error()) // "news" is a valid path
	}
	return sub
}
